import { type ParsedRrule, rruleWeekdays } from '@vigie/shared';
import { dayOfIsoDate, instantOfLocalTime, isoWeekdayOfDay, msPerDay } from '../incidents/sla/zoned-time.js';

/**
 * Evaluates the supported RRULE subset (see `parseRrule` in shared) in a site's local wall time,
 * then converts each local time to UTC. A local time skipped by a spring-forward change gives the
 * instant of the jump (02:30 on the last Sunday of March in Paris → 03:00 CEST = 01:00 UTC); a
 * repeated one (autumn) gives its first occurrence (the summer-time one). Day by day on purpose:
 * simple enough to trust at the month ends and leap days, and cheap for the few years we look at.
 * The `rrule` npm package was not used: it computes tzid rules in the process's zone and shifts
 * occurrences by an hour around DST changes.
 */

export interface RecurrenceWindow {
  timeZone: string;
  /** The local date the rule counts from (DTSTART's date): INTERVAL and COUNT are anchored there. */
  startDate: string;
  /** Occurrences at or after this instant (ms). */
  from: number;
  /** Occurrences before this instant (ms); default: no bound (then give `limit`). */
  to?: number;
  /** At most this many occurrences. */
  limit?: number;
}

/** Looking further than this finds nothing new (a rule that never matches stops here). */
const maxYearsAhead = 30;

interface CalendarDay {
  day: number;
  year: number;
  /** 1 … 12 */
  month: number;
  /** 1 … 31 */
  monthDay: number;
  daysInMonth: number;
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  /** 1 … 366 */
  yearDay: number;
  daysInYear: number;
}

function calendarDay(day: number): CalendarDay {
  const date = new Date(day * msPerDay);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const yearStart = Date.UTC(year, 0, 1) / msPerDay;
  return {
    day,
    year,
    month,
    monthDay: date.getUTCDate(),
    daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
    weekday: isoWeekdayOfDay(day),
    yearDay: day - yearStart + 1,
    daysInYear: Date.UTC(year + 1, 0, 1) / msPerDay - yearStart,
  };
}

const weekdayNumber = (code: string) => rruleWeekdays.indexOf(code as (typeof rruleWeekdays)[number]) + 1;

function matchesMonthDay(rule: ParsedRrule, at: CalendarDay): boolean {
  return rule.byMonthDay.some((value) =>
    value > 0 ? value === at.monthDay : at.daysInMonth + value + 1 === at.monthDay,
  );
}

/** BYDAY: plain weekdays, or ordinals counted in the month (MONTHLY, YEARLY with BYMONTH) or the year. */
function matchesByDay(rule: ParsedRrule, at: CalendarDay): boolean {
  const inYear = rule.freq === 'YEARLY' && rule.byMonth.length === 0;
  return rule.byDay.some(({ weekday, ordinal }) => {
    if (weekdayNumber(weekday) !== at.weekday) return false;
    if (ordinal === null) return true;
    const [position, length] = inYear ? [at.yearDay, at.daysInYear] : [at.monthDay, at.daysInMonth];
    return ordinal > 0
      ? Math.ceil(position / 7) === ordinal
      : -(Math.floor((length - position) / 7) + 1) === ordinal;
  });
}

/** Whether a local day carries occurrences (before the INTERVAL check). */
function dayMatches(rule: ParsedRrule, at: CalendarDay, start: CalendarDay): boolean {
  if (rule.byMonth.length > 0 && !rule.byMonth.includes(at.month)) return false;
  const hasDay = rule.byDay.length > 0;
  const hasMonthDay = rule.byMonthDay.length > 0;
  if (hasDay && !matchesByDay(rule, at)) return false;
  if (hasMonthDay && !matchesMonthDay(rule, at)) return false;
  switch (rule.freq) {
    case 'DAILY':
      return true;
    case 'WEEKLY':
      return hasDay || at.weekday === start.weekday;
    case 'MONTHLY':
      // Without BYDAY or BYMONTHDAY: the start date's day of month; months without it are skipped.
      return hasDay || hasMonthDay || at.monthDay === start.monthDay;
    case 'YEARLY':
      if (hasDay || hasMonthDay) return true;
      // February 29 recurs only in leap years.
      return (rule.byMonth.length > 0 || at.month === start.month) && at.monthDay === start.monthDay;
  }
}

/** Whether the day falls in a period the INTERVAL keeps (counted from the start date's period). */
function inInterval(rule: ParsedRrule, at: CalendarDay, start: CalendarDay): boolean {
  if (rule.interval === 1) return true;
  let periods: number;
  switch (rule.freq) {
    case 'DAILY':
      periods = at.day - start.day;
      break;
    case 'WEEKLY':
      // Weeks start on Monday (RFC 5545 default WKST).
      periods = (at.day - (at.weekday - 1) - (start.day - (start.weekday - 1))) / 7;
      break;
    case 'MONTHLY':
      periods = (at.year - start.year) * 12 + at.month - start.month;
      break;
    case 'YEARLY':
      periods = at.year - start.year;
      break;
  }
  return periods % rule.interval === 0;
}

/** Minutes after local midnight at which a matching day has occurrences, ascending. */
function minutesOfDay(rule: ParsedRrule): number[] {
  const hours = rule.byHour.length > 0 ? rule.byHour : [0];
  const minutes = rule.byMinute.length > 0 ? rule.byMinute : [0];
  return hours.flatMap((hour) => minutes.map((minute) => hour * 60 + minute)).sort((a, b) => a - b);
}

/** The occurrences of a rule in a window, as UTC instants (ms), ascending. */
export function occurrencesOf(rule: ParsedRrule, window: RecurrenceWindow): number[] {
  const startDay = dayOfIsoDate(window.startDate);
  const start = calendarDay(startDay);
  const times = minutesOfDay(rule);
  const limit = window.limit ?? Number.POSITIVE_INFINITY;
  const to = Math.min(window.to ?? Number.POSITIVE_INFINITY, rule.until === null ? Infinity : rule.until + 1);
  // COUNT counts from the start; otherwise the walk can begin a day before the window (zone offsets).
  const firstDay =
    rule.count === null ? Math.max(startDay, Math.floor(window.from / msPerDay) - 1) : startDay;
  const lastDay = Math.min(
    Number.isFinite(to) ? Math.floor(to / msPerDay) + 1 : Infinity,
    Math.max(firstDay, startDay) + maxYearsAhead * 366,
  );
  const found: number[] = [];
  let counted = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (let day = firstDay; day <= lastDay; day++) {
    const at = calendarDay(day);
    if (!dayMatches(rule, at, start) || !inInterval(rule, at, start)) continue;
    for (const minute of times) {
      const instant = instantOfLocalTime(window.timeZone, day, minute);
      // Two local times in one spring-forward gap land on the same instant: one occurrence.
      if (instant <= previous) continue;
      previous = instant;
      if (instant >= to) return found;
      counted += 1;
      if (rule.count !== null && counted > rule.count) return found;
      if (instant < window.from) continue;
      found.push(instant);
      if (found.length >= limit) return found;
    }
  }
  return found;
}
