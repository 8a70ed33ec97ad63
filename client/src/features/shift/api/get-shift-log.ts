import { pageSchema, shiftLogEntrySchema, type ShiftLogCategory } from '@vigie/shared';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { shiftKeys } from './shift-keys';

const shiftLogPageSchema = pageSchema(shiftLogEntrySchema);

export function getShiftLog(
  query: { siteId: number; category?: ShiftLogCategory | undefined; cursor?: string | undefined },
  signal?: AbortSignal,
) {
  return apiRequest('/api/shift-log', shiftLogPageSchema, { signal, query: { ...query, limit: 50 } });
}

/** The site's main courante, newest first, in keyset pages appended on "load more". */
export function useShiftLog(siteId: number | null, category: ShiftLogCategory | undefined) {
  return useInfiniteQuery({
    queryKey: shiftKeys.logPages(siteId ?? 0, category),
    queryFn: ({ signal, pageParam }) => getShiftLog({ siteId: siteId!, category, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled: siteId !== null,
  });
}
