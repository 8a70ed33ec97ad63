import type { Locale } from '@vigie/shared';
import { zoneOffsetMs } from '../../incidents/sla/zoned-time.js';

/** How the exports write numbers, durations and dates: readable in the PDF, machine-readable in the CSV. */

const intlLocale: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** What stands for "nothing measured" in the PDF. */
export const notMeasured = '–';

/** A number rounded to `digits` decimals, for CSV cells; null stays null (an empty cell). */
export function rounded(value: number | null, digits: number): number | null {
  if (value === null) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function numberText(value: number | null, locale: Locale, digits = 0): string {
  if (value === null) return notMeasured;
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: digits }).format(value);
}

export function percentText(value: number | null, locale: Locale): string {
  return value === null ? notMeasured : `${numberText(value, locale, 1)} %`;
}

/** Minutes as a reader counts them: "9,4 min", "1 h 36 min", "2 j 3 h". */
export function minutesText(value: number | null, locale: Locale): string {
  if (value === null) return notMeasured;
  if (value < 60) return `${numberText(value, locale, 1)} min`;
  const total = Math.round(value);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  if (days > 0) return `${days} ${locale === 'fr' ? 'j' : 'd'} ${hours} h`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${String(minutes).padStart(2, '0')} min`;
}

/** A local date (`YYYY-MM-DD`) in words: "1 oct. 2026" / "1 Oct 2026". */
export function dateText(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** A short local date for chart axes: "28/09" / "28 Sep". */
export function shortDateText(isoDate: string, locale: Locale): string {
  const options: Intl.DateTimeFormatOptions =
    locale === 'fr'
      ? { day: '2-digit', month: '2-digit', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(intlLocale[locale], options).format(new Date(`${isoDate}T00:00:00Z`));
}

/** An instant read in the report's zone: "21 oct. 2026, 16:52". */
export function dateTimeText(iso: string | null, timeZone: string, locale: Locale): string {
  if (iso === null) return notMeasured;
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

/** An instant as local ISO 8601 with its offset, for CSV: "2026-10-21T16:52:00+02:00". */
export function localIso(iso: string | null, timeZone: string): string | null {
  if (iso === null) return null;
  const instant = Date.parse(iso);
  const offsetMinutes = Math.round(zoneOffsetMs(timeZone, instant) / 60_000);
  const wall = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const absolute = Math.abs(offsetMinutes);
  const offset = `${String(Math.floor(absolute / 60)).padStart(2, '0')}:${String(absolute % 60).padStart(2, '0')}`;
  return `${wall}${sign}${offset}`;
}
