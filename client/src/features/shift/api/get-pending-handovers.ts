import { handoverSchema, pageSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { shiftKeys } from './shift-keys';

export function getPendingHandovers(signal?: AbortSignal) {
  return apiRequest('/api/handovers', pageSchema(handoverSchema), {
    signal,
    query: { state: 'submitted', limit: 50 },
  });
}

/** Submitted handovers not yet acknowledged by the next coordinator, newest first. */
export function usePendingHandovers(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: shiftKeys.pending,
    queryFn: ({ signal }) => getPendingHandovers(signal),
    enabled: options.enabled ?? true,
  });
}
