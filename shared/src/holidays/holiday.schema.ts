import { z } from 'zod';
import { createSiteSchema } from '../inventory/site.schema.js';

/** The country of a site (ISO 3166-1 alpha-2); holidays are configured per country. */
const countryCodeSchema = createSiteSchema.shape.countryCode;
/** Years the calendar handles (the Easter rule holds for every Gregorian year). */
const holidayYearSchema = z.coerce.number().int().min(1970).max(2200);

/** A public holiday: a local date on which business-hours SLA clocks of that country's sites do not run. */
export const holidaySchema = z.object({
  id: z.number().int(),
  countryCode: z.string().length(2),
  /** Local calendar date, `YYYY-MM-DD`. */
  date: z.iso.date(),
  name: z.string(),
});
export type Holiday = z.infer<typeof holidaySchema>;

/** One country's holidays for one year, complete in a single page. */
export const holidayListQuerySchema = z.strictObject({
  country: countryCodeSchema,
  year: holidayYearSchema,
});
export type HolidayListQuery = z.infer<typeof holidayListQuerySchema>;

export const createHolidaySchema = z.strictObject({
  countryCode: countryCodeSchema,
  date: z.iso.date(),
  name: z.string().trim().min(1).max(120),
});
export type CreateHoliday = z.infer<typeof createHolidaySchema>;

/** Adds the country's statutory holidays of a year (those not stored yet). */
export const addDefaultHolidaysSchema = z.strictObject({
  countryCode: countryCodeSchema,
  year: holidayYearSchema,
});
export type AddDefaultHolidays = z.infer<typeof addDefaultHolidaysSchema>;

/** Countries whose statutory holidays the server knows how to compute. */
export const countriesWithDefaultHolidays = ['FR'] as const;
