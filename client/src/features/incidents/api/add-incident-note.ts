import { idempotencyKeyHeader, timelineEntrySchema, type CreateIncidentNote } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { incidentKeys } from './incident-keys';

export function addIncidentNote(id: number, body: CreateIncidentNote, idempotencyKey: string) {
  return apiRequest(`/api/incidents/${id}/notes`, timelineEntrySchema, {
    method: 'POST',
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

export function useAddIncidentNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
      idempotencyKey,
    }: {
      id: number;
      body: CreateIncidentNote;
      idempotencyKey: string;
    }) => addIncidentNote(id, body, idempotencyKey),
    onSettled: (_entry, _error, { id }) =>
      queryClient.invalidateQueries({ queryKey: incidentKeys.timeline(id) }),
  });
}
