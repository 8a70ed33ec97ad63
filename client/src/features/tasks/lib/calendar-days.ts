/*
 * Calendar arithmetic on local dates (`YYYY-MM-DD` in the site's zone): pure strings and UTC
 * noon, so daylight-saving changes never shift a day.
 */

export type CalendarView = 'day' | 'week';

const dayMs = 24 * 60 * 60_000;

function toUtcNoon(date: string): number {
  const [year = Number.NaN, month = Number.NaN, day = Number.NaN] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day, 12);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtcNoon(date) + days * dayMs);
}

/** The local date of an instant in a time zone. */
export function localDate(instant: string | Date, timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The dates shown: the day itself, or its week from Monday. */
export function periodDays(anchor: string, view: CalendarView): string[] {
  if (view === 'day') return [anchor];
  const weekday = (new Date(toUtcNoon(anchor)).getUTCDay() + 6) % 7; // Monday = 0
  const monday = addDays(anchor, -weekday);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** The anchor one period earlier or later. */
export function shiftPeriod(anchor: string, view: CalendarView, direction: -1 | 1): string {
  return addDays(anchor, direction * (view === 'day' ? 1 : 7));
}

/**
 * A UTC window surely covering the local days (a day of slack each side for any zone); the
 * occurrences are then placed by their local date.
 */
export function queryWindow(days: readonly string[]): { from: string; to: string } {
  const first = days[0] ?? '';
  const last = days.at(-1) ?? first;
  return {
    from: new Date(toUtcNoon(first) - 1.5 * dayMs).toISOString(),
    to: new Date(toUtcNoon(last) + 1.5 * dayMs).toISOString(),
  };
}

export function isLocalDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtcNoon(value));
}
