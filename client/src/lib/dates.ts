import type { Locale } from '@vigie/shared';

/** Used until the sites are loaded, and when a user sees no site. */
export const defaultTimeZone = 'Europe/Paris';

export type DateStyle = 'datetime' | 'date' | 'time' | 'timeWithSeconds';

// en-GB: day-month order and a 24-hour clock, as operators in a European data center expect.
const intlLocales: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

const styleOptions: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: 'short', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  time: { timeStyle: 'short' },
  timeWithSeconds: { timeStyle: 'medium' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(locale: Locale, timeZone: string, style: DateStyle): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${timeZone}|${style}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocales[locale], { ...styleOptions[style], timeZone });
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

/** Formats an ISO-8601 UTC timestamp (or a Date) in the site's time zone; '' when the input is not a date. */
export function formatInTimeZone(
  value: string | Date,
  locale: Locale,
  timeZone: string,
  style: DateStyle = 'datetime',
): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  try {
    return formatterFor(locale, timeZone, style).format(date);
  } catch {
    // An unknown IANA zone from the server should not blank the page: fall back to the default.
    return formatterFor(locale, defaultTimeZone, style).format(date);
  }
}
