import { idempotencyKeyHeader, runDetailSchema, type StartRun } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { runKeys } from './run-keys';

export function startRun(body: StartRun, idempotencyKey: string) {
  return apiRequest('/api/runs', runDetailSchema, {
    method: 'POST',
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartRun) => startRun(body, newIdempotencyKey()),
    onSuccess: (run) => queryClient.setQueryData(runKeys.detail(run.id), run),
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.lists }),
  });
}
