import { holidaySchema, pageSchema, type HolidayListQuery } from '@vigie/shared';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { holidayKeys } from './holiday-keys';

/** One country's holidays of one year, in date order (the server answers them in one page). */
export function getHolidays(query: HolidayListQuery, signal?: AbortSignal) {
  return apiRequest('/api/holidays', pageSchema(holidaySchema), { signal, query: { ...query } });
}

export function useHolidays(query: HolidayListQuery) {
  return useQuery({
    queryKey: holidayKeys.list(query),
    queryFn: ({ signal }) => getHolidays(query, signal),
    // Keep the year on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}
