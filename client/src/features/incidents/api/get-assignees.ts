import { pageSchema, userRefSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { incidentKeys } from './incident-keys';

export function getAssignees(signal?: AbortSignal) {
  return apiRequest('/api/incidents/assignees', pageSchema(userRefSchema), { signal });
}

/** The people an incident may be assigned to (triage roles only may ask). */
export function useAssignees(enabled: boolean) {
  return useQuery({
    queryKey: [...incidentKeys.all, 'assignees'],
    queryFn: ({ signal }) => getAssignees(signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}
