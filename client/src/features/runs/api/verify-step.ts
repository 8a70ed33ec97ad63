import { idempotencyKeyHeader, stepRecordResultSchema, type VerifyStep } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { newIdempotencyKey } from '../lib/idempotency-key';
import { runKeys } from './run-keys';

export function verifyStep(runId: number, stepId: string, body: VerifyStep, idempotencyKey: string) {
  return apiRequest(
    `/api/runs/${runId}/steps/${encodeURIComponent(stepId)}/verification`,
    stepRecordResultSchema,
    { method: 'POST', body, headers: { [idempotencyKeyHeader]: idempotencyKey } },
  );
}

export function useVerifyStep(runId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stepId, body }: { stepId: string; body: VerifyStep }) =>
      verifyStep(runId, stepId, body, newIdempotencyKey()),
    onSuccess: (result) => queryClient.setQueryData(runKeys.detail(runId), result.run),
    onSettled: () => queryClient.invalidateQueries({ queryKey: runKeys.all }),
  });
}
