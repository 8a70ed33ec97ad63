import { idempotencyKeyHeader, runDetailSchema, type AbortRun, type CompleteRun } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { runKeys } from './run-keys';

export function abortRun(runId: number, body: AbortRun, idempotencyKey: string) {
  return apiRequest(`/api/runs/${runId}/abort`, runDetailSchema, {
    method: 'POST',
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

export function completeRun(runId: number, body: CompleteRun, idempotencyKey: string) {
  return apiRequest(`/api/runs/${runId}/complete`, runDetailSchema, {
    method: 'POST',
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

/** Abort (with a reason) or complete a run; the answer replaces the cached run. */
export function useEndRun(runId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'abort'; body: AbortRun } | { kind: 'complete'; body: CompleteRun }) =>
      action.kind === 'abort'
        ? abortRun(runId, action.body, newIdempotencyKey())
        : completeRun(runId, action.body, newIdempotencyKey()),
    onSuccess: (run) => queryClient.setQueryData(runKeys.detail(runId), run),
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}
