import { maxPageSize, pageSchema, timelineEntrySchema } from '@vigie/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { incidentKeys } from './incident-keys';

const timelinePageSchema = pageSchema(timelineEntrySchema);

export function getIncidentTimeline(id: number, cursor?: string, signal?: AbortSignal) {
  return apiRequest(`/api/incidents/${id}/timeline`, timelinePageSchema, {
    signal,
    query: { limit: maxPageSize, cursor },
  });
}

/** The history, oldest first, in keyset pages. */
export function useIncidentTimeline(id: number, enabled = true) {
  return useInfiniteQuery({
    queryKey: incidentKeys.timeline(id),
    queryFn: ({ signal, pageParam }) => getIncidentTimeline(id, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}
