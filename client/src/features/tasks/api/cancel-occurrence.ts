import { occurrenceSchema, type Occurrence } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { taskKeys } from './task-keys';

export function cancelOccurrence(occurrence: Occurrence, reason: string) {
  return apiRequest(`/api/occurrences/${occurrence.id}/cancel`, occurrenceSchema, {
    method: 'POST',
    body: { reason, version: occurrence.version },
  });
}

export function useCancelOccurrence() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ occurrence, reason }: { occurrence: Occurrence; reason: string }) =>
      cancelOccurrence(occurrence, reason),
    onSettled: () => queryClient.invalidateQueries({ queryKey: taskKeys.occurrences }),
  });
}
