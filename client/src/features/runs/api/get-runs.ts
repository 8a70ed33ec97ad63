import { pageSchema, runSummarySchema, type RunListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { runKeys } from './run-keys';

/** The list filters as the query string carries them (`mine` is the text flag the API reads). */
export type RunsQuery = Partial<Omit<RunListQuery, 'mine'>> & { mine?: boolean };

export function getRuns(query: RunsQuery, signal?: AbortSignal) {
  return apiRequest('/api/runs', pageSchema(runSummarySchema), { signal, query: { ...query } });
}

export function useRuns(query: RunsQuery, enabled = true) {
  return useQuery({
    queryKey: [...runKeys.lists, query],
    queryFn: ({ signal }) => getRuns(query, signal),
    placeholderData: keepPreviousData,
    enabled,
    // Offline the service worker answers with the list as last loaded ("my runs" in a dead zone).
    networkMode: 'offlineFirst',
  });
}
