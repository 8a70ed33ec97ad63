import { pageSchema, siteSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

export const sitesQueryKey = ['sites'] as const;

export function getSites(signal?: AbortSignal) {
  return apiRequest('/api/sites', pageSchema(siteSchema), { signal, query: { limit: 200 } });
}

export function useSites(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: sitesQueryKey,
    queryFn: ({ signal }) => getSites(signal),
    staleTime: 5 * 60_000,
    enabled: options.enabled ?? true,
  });
}
