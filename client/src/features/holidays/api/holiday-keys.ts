import type { HolidayListQuery } from '@vigie/shared';

/** Query keys of the holidays views; live holiday events invalidate `all`. */
export const holidayKeys = {
  all: ['holidays'] as const,
  list: (query: HolidayListQuery) => ['holidays', 'list', query] as const,
};
