import { runDetailSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { runKeys } from './run-keys';

export function getRun(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/runs/${id}`, runDetailSchema, { signal });
}

export function useRun(id: number, enabled = true) {
  return useQuery({
    queryKey: runKeys.detail(id),
    queryFn: ({ signal }) => getRun(id, signal),
    enabled,
    // Offline, the technician keeps working on the run as last loaded.
    networkMode: 'offlineFirst',
  });
}
