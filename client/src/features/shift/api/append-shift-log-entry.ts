import { idempotencyKeyHeader, shiftLogEntrySchema, type CreateShiftLogEntry } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { shiftKeys } from './shift-keys';

export function appendShiftLogEntry(body: CreateShiftLogEntry, idempotencyKey: string) {
  return apiRequest('/api/shift-log', shiftLogEntrySchema, {
    method: 'POST',
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

export function useAppendShiftLogEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateShiftLogEntry; idempotencyKey: string }) =>
      appendShiftLogEntry(body, idempotencyKey),
    onSettled: () => queryClient.invalidateQueries({ queryKey: shiftKeys.log }),
  });
}
