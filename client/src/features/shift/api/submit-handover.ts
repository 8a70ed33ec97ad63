import { handoverSchema, idempotencyKeyHeader, type SubmitHandover } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { shiftKeys } from './shift-keys';

export function submitHandover(body: SubmitHandover, idempotencyKey: string) {
  return apiRequest('/api/handovers', handoverSchema, {
    method: 'POST',
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

export function useSubmitHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SubmitHandover; idempotencyKey: string }) =>
      submitHandover(body, idempotencyKey),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shiftKeys.handovers }),
  });
}
