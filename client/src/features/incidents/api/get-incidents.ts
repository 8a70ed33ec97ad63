import { incidentSchema, pageSchema, type IncidentListQuery } from '@vigie/shared';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { incidentKeys } from './incident-keys';

export type IncidentsQuery = Partial<Omit<IncidentListQuery, 'cursor'>>;

const incidentPageSchema = pageSchema(incidentSchema);

/** Sets travel as `a,b`, flags as `true`/`false`: what the shared list query accepts. */
function toSearchParams(query: IncidentsQuery, cursor?: string) {
  return {
    ...query,
    status: query.status?.join(','),
    priority: query.priority?.join(','),
    cursor,
  };
}

export function getIncidents(query: IncidentsQuery, cursor?: string, signal?: AbortSignal) {
  return apiRequest('/api/incidents', incidentPageSchema, { signal, query: toSearchParams(query, cursor) });
}

export function incidentPageKey(query: IncidentsQuery) {
  return [...incidentKeys.lists, 'page', query] as const;
}

/** One page (the board: the open incidents in board order). */
export function useIncidents(query: IncidentsQuery) {
  return useQuery({
    queryKey: incidentPageKey(query),
    queryFn: ({ signal }) => getIncidents(query, undefined, signal),
    placeholderData: keepPreviousData,
  });
}

/** Keyset pages appended one after the other ("load more"). */
export function useIncidentPages(query: IncidentsQuery) {
  return useInfiniteQuery({
    queryKey: [...incidentKeys.lists, 'pages', query],
    queryFn: ({ signal, pageParam }) => getIncidents(query, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
