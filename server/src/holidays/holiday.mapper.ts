import type { Holiday } from '@vigie/shared';
import type { PublicHoliday } from './public-holiday.entity.js';

export function toHolidayDto(holiday: PublicHoliday): Holiday {
  return { id: holiday.id, countryCode: holiday.countryCode, date: holiday.date, name: holiday.name };
}
