import { siteSchema } from '@vigie/shared';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sitesQueryKey } from './get-sites';

export function getSite(id: number, signal?: AbortSignal) {
  return apiRequest(`/api/sites/${id}`, siteSchema, { signal });
}

/** One site; under the sites key, so a site event makes it stale with the lists. */
export function useSite(id: number, enabled = true) {
  return useQuery({
    queryKey: [...sitesQueryKey, 'detail', id],
    enabled,
    queryFn: ({ signal }) => getSite(id, signal),
  });
}
