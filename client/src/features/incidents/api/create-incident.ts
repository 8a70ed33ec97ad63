import { idempotencyKeyHeader, incidentSchema, type CreateIncident } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { storeIncident } from './incident-cache';

/** With an Idempotency-Key: a retry after a lost answer gets the first incident, not a second one. */
export function createIncident(body: CreateIncident, idempotencyKey: string) {
  return apiRequest('/api/incidents', incidentSchema, {
    method: 'POST',
    body,
    headers: { [idempotencyKeyHeader]: idempotencyKey },
  });
}

export function useCreateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateIncident; idempotencyKey: string }) =>
      createIncident(body, idempotencyKey),
    onSuccess: (incident) => storeIncident(queryClient, incident),
  });
}
