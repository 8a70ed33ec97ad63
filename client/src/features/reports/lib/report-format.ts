import type { Locale } from '@vigie/shared';

/** How a figure reads: a count, a percentage, or a duration in minutes. */
export type FigureFormat = 'count' | 'percent' | 'precisePercent' | 'minutes';

const intlLocales: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };
const dayLetter: Record<Locale, string> = { fr: 'j', en: 'd' };

function number(value: number, locale: Locale, digits: number): string {
  return new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits: digits }).format(value);
}

/** 4,5 min · 2 h 05 · 3 j 4 h: short enough for a table cell, exact enough for a committee. */
export function formatMinutes(minutes: number, locale: Locale): string {
  const sign = minutes < 0 ? '−' : '';
  const total = Math.abs(minutes);
  if (total < 60) return `${sign}${number(total, locale, total < 10 ? 1 : 0)} min`;
  const rounded = Math.round(total);
  const days = Math.floor(rounded / 1440);
  const hours = Math.floor((rounded % 1440) / 60);
  const rest = rounded % 60;
  if (days > 0) return `${sign}${days} ${dayLetter[locale]} ${hours} h`;
  return `${sign}${hours} h ${String(rest).padStart(2, '0')}`;
}

/** A figure for display; '—' when there is nothing to measure. */
export function formatFigure(value: number | null, format: FigureFormat, locale: Locale): string {
  if (value === null) return '—';
  switch (format) {
    case 'count':
      return number(value, locale, 0);
    case 'percent':
      return `${number(value, locale, 1)} %`;
    case 'precisePercent':
      return `${number(value, locale, 3)} %`;
    case 'minutes':
      return formatMinutes(value, locale);
  }
}

/** A change since the previous period, signed: +3 · −1,5 pt · +12 min. */
export function formatDelta(delta: number, format: FigureFormat, locale: Locale): string {
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const size = Math.abs(delta);
  switch (format) {
    case 'count':
      return `${sign}${number(size, locale, 0)}`;
    case 'percent':
      return `${sign}${number(size, locale, 1)} pt`;
    case 'precisePercent':
      return `${sign}${number(size, locale, 3)} pt`;
    case 'minutes':
      return `${sign}${formatMinutes(size, locale)}`;
  }
}
