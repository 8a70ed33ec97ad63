// Time-zone arithmetic on Intl: Node 24 has no Temporal without a flag, and a dependency is not worth it.

const msPerMinute = 60_000;
export const msPerDay = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for an unknown zone, which is what a bad calendar spec deserves.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws a RangeError unless `timeZone` is an IANA zone this runtime knows. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The local wall-clock reading of an instant, as if it were UTC (ms). */
export function wallClockMs(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  // Intl drops the milliseconds; keep them so that wall - instant is a whole offset.
  return wall + (((instantMs % 1000) + 1000) % 1000);
}

/** UTC offset of the zone at an instant, in ms (positive east of Greenwich). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  return wallClockMs(timeZone, instantMs) - instantMs;
}

/** Local calendar day of an instant, as a day number (days since 1970-01-01). */
export function localDayOf(timeZone: string, instantMs: number): number {
  return Math.floor(wallClockMs(timeZone, instantMs) / msPerDay);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDay(day: number): string {
  return new Date(day * msPerDay).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` date. */
export function dayOfIsoDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / msPerDay);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekdayOfDay(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Minutes since midnight of an `HH:MM` time. */
export function minutesOfTime(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * The first instant at which the local clock of `day` reads `minuteOfDay` or later.
 * A skipped local time (spring forward) gives the instant of the jump; a repeated one
 * (fall back) gives its first occurrence.
 */
export function instantOfLocalTime(timeZone: string, day: number, minuteOfDay: number): number {
  const wall = day * msPerDay + minuteOfDay * msPerMinute;
  // Offsets a day before and after cover any transition near this wall time.
  const offsetBefore = zoneOffsetMs(timeZone, wall - msPerDay);
  const offsetAfter = zoneOffsetMs(timeZone, wall + msPerDay);
  const candidates = [wall - Math.max(offsetBefore, offsetAfter), wall - Math.min(offsetBefore, offsetAfter)];
  for (const instant of candidates) {
    if (wallClockMs(timeZone, instant) === wall) return instant;
  }
  // No instant shows this wall time: find the jump, where the wall clock first passes it.
  let low = candidates[0] ?? wall;
  let high = candidates[1] ?? wall;
  if (wallClockMs(timeZone, low) > wall) [low, high] = [high, low];
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (wallClockMs(timeZone, middle) >= wall) high = middle;
    else low = middle;
  }
  return high;
}
