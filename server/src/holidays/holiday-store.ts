import type { EntityManager } from '@mikro-orm/core';
import { defaultPublicHolidays } from './default-public-holidays.js';
import { PublicHoliday } from './public-holiday.entity.js';

/** The stored holidays of a country between two local dates (`YYYY-MM-DD`, inclusive), in date order. */
export function storedHolidays(
  em: EntityManager,
  countryCode: string,
  from: string,
  to: string,
): Promise<PublicHoliday[]> {
  return em.find(
    PublicHoliday,
    { countryCode, date: { $gte: from, $lte: to } },
    { orderBy: { date: 'asc' } },
  );
}

/** Creates the statutory holidays of a country and year missing from the store, and flushes them. */
export async function storeMissingDefaults(
  em: EntityManager,
  countryCode: string,
  year: number,
): Promise<PublicHoliday[]> {
  const stored = await storedHolidays(em, countryCode, `${year}-01-01`, `${year}-12-31`);
  const storedDates = new Set(stored.map((holiday) => holiday.date));
  const added = defaultPublicHolidays(countryCode, year)
    .filter((holiday) => !storedDates.has(holiday.date))
    .map((holiday) => em.create(PublicHoliday, { countryCode, ...holiday }));
  await em.flush();
  return added;
}
