import type { EntityManager } from '@mikro-orm/core';
import { storedHolidays, storeMissingDefaults } from './holiday-store.js';

/** The demo history spans the year before now and its clocks run into the next: two years back, one ahead. */
export function demoHolidayYears(now: Date): number[] {
  const year = now.getUTCFullYear();
  return [year - 2, year - 1, year, year + 1];
}

/** Stores the country's statutory holidays for the demo years; answers every stored holiday date of those years. */
export async function seedDemoHolidays(
  em: EntityManager,
  countryCode: string,
  now = new Date(),
): Promise<string[]> {
  const years = demoHolidayYears(now);
  for (const year of years) await storeMissingDefaults(em, countryCode, year);
  const holidays = await storedHolidays(
    em,
    countryCode,
    `${years[0]}-01-01`,
    `${years[years.length - 1]}-12-31`,
  );
  return holidays.map((holiday) => holiday.date);
}
