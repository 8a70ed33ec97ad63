import { incidentSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { incidentKeys } from './incident-keys';

export function getIncident(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/incidents/${id}`, incidentSchema, { signal });
}

export function useIncident(id: number, enabled = true) {
  return useQuery({
    queryKey: incidentKeys.detail(id),
    queryFn: ({ signal }) => getIncident(id, signal),
    enabled,
  });
}
