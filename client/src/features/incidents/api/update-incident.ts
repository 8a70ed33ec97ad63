import { incidentSchema, type UpdateIncident } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { storeIncident } from './incident-cache';

export function updateIncident(id: number, body: UpdateIncident) {
  return apiRequest(`/api/incidents/${id}`, incidentSchema, { method: 'PATCH', body });
}

/** Triage and details; a stale version gets 409 with the current incident. */
export function useUpdateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: UpdateIncident }) => updateIncident(id, body),
    onSuccess: (incident) => storeIncident(queryClient, incident),
  });
}
