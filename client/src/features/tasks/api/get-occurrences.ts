import { occurrenceSchema, pageSchema, type OccurrenceListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { taskKeys } from './task-keys';

/** The list filters as the query string carries them (states comma separated, flags as text). */
export type OccurrencesQuery = Partial<Omit<OccurrenceListQuery, 'state' | 'overdue'>> & {
  state?: string;
  overdue?: boolean;
};

export function getOccurrences(query: OccurrencesQuery, signal?: AbortSignal) {
  return apiRequest('/api/occurrences', pageSchema(occurrenceSchema), { signal, query: { ...query } });
}

export function useOccurrences(query: OccurrencesQuery, options: { refetchInterval?: number } = {}) {
  return useQuery({
    queryKey: [...taskKeys.occurrences, 'list', query],
    queryFn: ({ signal }) => getOccurrences(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: options.refetchInterval,
  });
}
