import { pageSchema, siteSchema, type SiteListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
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
    // Offline the service worker answers with the last list: the site's time zone survives a reload.
    networkMode: 'offlineFirst',
  });
}

/** A page of the sites list (the inventory's Sites section). */
export function useSiteList(query: Partial<SiteListQuery>) {
  return useQuery({
    queryKey: [...sitesQueryKey, 'list', query],
    queryFn: ({ signal }) =>
      apiRequest('/api/sites', pageSchema(siteSchema), { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}
