import { idempotencyKeyHeader, occurrenceSchema, type Occurrence } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { newIdempotencyKey } from '../../runs/lib/idempotency-key';
import { runKeys } from '../../runs/api/run-keys';
import { taskKeys } from './task-keys';

/** Starts the occurrence's procedure run; answers the occurrence, now in progress with its run. */
export function startOccurrence(occurrence: Occurrence, idempotencyKey: string) {
  return apiRequest(`/api/occurrences/${occurrence.id}/start`, occurrenceSchema, {
    method: 'POST',
    body: { version: occurrence.version },
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

export function useStartOccurrence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (occurrence: Occurrence) => startOccurrence(occurrence, newIdempotencyKey()),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.occurrences }),
        queryClient.invalidateQueries({ queryKey: runKeys.lists }),
      ]),
  });
}
