import {
  dayOfIsoDate,
  instantOfLocalTime,
  isoDateOfDay,
  isoWeekdayOfDay,
} from '../incidents/sla/zoned-time.js';

/** The instants a report covers: [start, end) in ms since the epoch. */
export interface ReportWindow {
  start: number;
  end: number;
}

/** A period of local dates, `to` included. */
export interface LocalPeriod {
  from: string;
  to: string;
}

/** Local midnight of `from` to local midnight after `to`: a day of 23 or 25 hours stays one day. */
export function windowOf(timeZone: string, period: LocalPeriod): ReportWindow {
  return {
    start: instantOfLocalTime(timeZone, dayOfIsoDate(period.from), 0),
    end: instantOfLocalTime(timeZone, dayOfIsoDate(period.to) + 1, 0),
  };
}

export function periodDays(period: LocalPeriod): number {
  return dayOfIsoDate(period.to) - dayOfIsoDate(period.from) + 1;
}

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function firstOfMonth(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The period just before: whole months (a month, a quarter) go back by as many calendar months,
 * so October is compared with September; any other span goes back by the same number of days.
 */
export function previousPeriodOf(period: LocalPeriod): LocalPeriod {
  const dayAfterTo = isoDateOfDay(dayOfIsoDate(period.to) + 1);
  if (period.from.endsWith('-01') && dayAfterTo.endsWith('-01')) {
    const months = monthIndex(dayAfterTo) - monthIndex(period.from);
    return {
      from: firstOfMonth(monthIndex(period.from) - months),
      to: isoDateOfDay(dayOfIsoDate(period.from) - 1),
    };
  }
  const days = periodDays(period);
  return {
    from: isoDateOfDay(dayOfIsoDate(period.from) - days),
    to: isoDateOfDay(dayOfIsoDate(period.from) - 1),
  };
}

/** The local weeks (Monday first) overlapping the period, each clipped to it, for the charts. */
export function weeksOf(
  timeZone: string,
  period: LocalPeriod,
): { weekStart: string; window: ReportWindow }[] {
  const first = dayOfIsoDate(period.from);
  const last = dayOfIsoDate(period.to);
  const weeks: { weekStart: string; window: ReportWindow }[] = [];
  for (let monday = first - (isoWeekdayOfDay(first) - 1); monday <= last; monday += 7) {
    const from = Math.max(monday, first);
    const to = Math.min(monday + 6, last);
    weeks.push({
      weekStart: isoDateOfDay(monday),
      window: windowOf(timeZone, { from: isoDateOfDay(from), to: isoDateOfDay(to) }),
    });
  }
  return weeks;
}
