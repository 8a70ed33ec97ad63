import { incidentSchema, type IncidentTransition } from '@vigie/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { storeIncident } from './incident-cache';

export function transitionIncident(id: number, body: IncidentTransition) {
  return apiRequest(`/api/incidents/${id}/transitions`, incidentSchema, { method: 'POST', body });
}

/** A status change with the fields it needs; 422 when not allowed from the current status, 409 when stale. */
export function useTransitionIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: IncidentTransition }) => transitionIncident(id, body),
    onSuccess: (incident) => storeIncident(queryClient, incident),
  });
}
