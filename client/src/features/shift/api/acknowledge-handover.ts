import { handoverSchema, idempotencyKeyHeader } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { newIdempotencyKey } from '../../runs/lib/idempotency-key';
import { shiftKeys } from './shift-keys';

export function acknowledgeHandover(id: number, idempotencyKey: string) {
  return apiRequest(`/api/handovers/${id}/acknowledge`, handoverSchema, {
    method: 'POST',
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

export function useAcknowledgeHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    // Acknowledging twice is harmless (409 with the current state), so each click gets its own key.
    mutationFn: (id: number) => acknowledgeHandover(id, newIdempotencyKey()),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shiftKeys.handovers }),
  });
}
