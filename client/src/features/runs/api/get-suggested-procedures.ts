import { suggestedProcedureListSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { runKeys } from './run-keys';

export function getSuggestedProcedures(incidentId: number, signal?: AbortSignal) {
  return apiRequest(`/api/incidents/${incidentId}/suggested-procedures`, suggestedProcedureListSchema, {
    signal,
  });
}

export function useSuggestedProcedures(incidentId: number) {
  return useQuery({
    queryKey: runKeys.suggested(incidentId),
    queryFn: ({ signal }) => getSuggestedProcedures(incidentId, signal),
  });
}
