import { runDetailSchema, type UpdateRun } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { runKeys } from './run-keys';

export function assignRun(runId: number, body: UpdateRun) {
  return apiRequest(`/api/runs/${runId}`, runDetailSchema, { method: 'PATCH', body });
}

/** (Re)assigns a run with the version read; a stale version gets 409 with the current run. */
export function useAssignRun(runId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateRun) => assignRun(runId, body),
    onSuccess: (run) => queryClient.setQueryData(runKeys.detail(runId), run),
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}
