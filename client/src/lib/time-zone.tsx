import { createContext, use, useCallback, type ReactNode } from 'react';
import { defaultTimeZone, formatInTimeZone, type DateStyle } from './dates';
import { useLocale } from './i18n/i18n-provider';

const TimeZoneContext = createContext<string>(defaultTimeZone);

/** Provides the site's IANA time zone to everything that shows a date. */
export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <TimeZoneContext value={timeZone}>{children}</TimeZoneContext>;
}

export function useTimeZone(): string {
  return use(TimeZoneContext);
}

/** Formats timestamps in the site's time zone and the user's language. */
export function useFormatDate(): (value: string | Date, style?: DateStyle) => string {
  const timeZone = useTimeZone();
  const { locale } = useLocale();
  return useCallback(
    (value: string | Date, style: DateStyle = 'datetime') => formatInTimeZone(value, locale, timeZone, style),
    [locale, timeZone],
  );
}
