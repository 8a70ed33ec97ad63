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

const msPerDay = 86_400_000;
const isoDate = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/**
 * Local holiday dates (`YYYY-MM-DD`) of a country that may fall within [from, to], for a service
 * calendar. A day is added on each side so any site time zone is covered; extra dates are harmless.
 */
export async function localHolidayDates(
  em: EntityManager,
  countryCode: string,
  from: Date,
  to: Date,
): Promise<string[]> {
  const holidays = await storedHolidays(
    em,
    countryCode,
    isoDate(from.getTime() - msPerDay),
    isoDate(to.getTime() + msPerDay),
  );
  return holidays.map((holiday) => holiday.date);
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
