import type { ServiceCalendar, ServiceCalendarSpec } from './sla-engine.types.js';
import {
  assertTimeZone,
  dayOfIsoDate,
  instantOfLocalTime,
  isoWeekdayOfDay,
  localDayOf,
  minutesOfTime,
} from './zoned-time.js';

const msPerMinute = 60_000;
/** A calendar with no service day in ten years is a configuration error, not a reason to loop forever. */
const maxDaysWalked = 3660;

/** Service time of one local day: the real instants between the local opening and closing times. */
interface ServiceWindow {
  opensAt: number;
  closesAt: number;
}

/**
 * Builds the calendar the SLA clocks count in.
 * 24x7: every wall-clock minute counts. Business hours: on the listed ISO weekdays that are not
 * holidays, the real time between the local start and end in the site's zone (so 08:00–18:00 is
 * 10 h on DST change days too, while 00:00–06:00 is 5 h in spring and 7 h in autumn). A start or
 * end that does not exist locally means the DST jump; one that repeats means its first occurrence.
 */
export function createServiceCalendar(spec: ServiceCalendarSpec): ServiceCalendar {
  if (spec.serviceHours === '24x7') return wallClockCalendar;
  if (!spec.businessHours) throw new RangeError('a business-hours calendar needs business hours');
  assertTimeZone(spec.timeZone);
  const { days, start, end } = spec.businessHours;
  const startMinute = minutesOfTime(start);
  const endMinute = minutesOfTime(end);
  if (endMinute <= startMinute) throw new RangeError('business hours must end after they start');
  const serviceDays = new Set(days);
  if (serviceDays.size === 0) throw new RangeError('business hours need at least one day');
  const holidays = new Set(spec.holidays.map(dayOfIsoDate));

  const windows = new Map<number, ServiceWindow | null>();
  const windowOf = (day: number): ServiceWindow | null => {
    let window = windows.get(day);
    if (window === undefined) {
      window =
        serviceDays.has(isoWeekdayOfDay(day)) && !holidays.has(day)
          ? {
              opensAt: instantOfLocalTime(spec.timeZone, day, startMinute),
              closesAt: instantOfLocalTime(spec.timeZone, day, endMinute),
            }
          : null;
      windows.set(day, window);
    }
    return window;
  };
  return windowedCalendar((instant) => localDayOf(spec.timeZone, instant), windowOf);
}

const wallClockCalendar: ServiceCalendar = {
  addServiceMinutes: (from, minutes) => new Date(from.getTime() + Math.round(minutes * msPerMinute)),
  serviceMinutesBetween: (from, to) => Math.max(0, to.getTime() - from.getTime()) / msPerMinute,
};

/** Walks the service windows day by day; windows never cross local midnight since start < end. */
function windowedCalendar(
  dayOf: (instant: number) => number,
  windowOf: (day: number) => ServiceWindow | null,
): ServiceCalendar {
  return {
    addServiceMinutes(from, minutes) {
      let remaining = Math.round(minutes * msPerMinute);
      const cursor = from.getTime();
      if (remaining <= 0) return new Date(cursor);
      const firstDay = dayOf(cursor);
      for (let day = firstDay; day <= firstDay + maxDaysWalked; day += 1) {
        const window = windowOf(day);
        if (!window || window.closesAt <= cursor) continue;
        const segmentStart = Math.max(cursor, window.opensAt);
        const available = window.closesAt - segmentStart;
        if (remaining <= available) return new Date(segmentStart + remaining);
        remaining -= available;
      }
      throw new RangeError('the service calendar has no service time left');
    },

    serviceMinutesBetween(from, to) {
      const start = from.getTime();
      const end = to.getTime();
      if (end <= start) return 0;
      let total = 0;
      const lastDay = dayOf(end);
      for (let day = dayOf(start); day <= lastDay; day += 1) {
        const window = windowOf(day);
        if (!window) continue;
        total += Math.max(0, Math.min(end, window.closesAt) - Math.max(start, window.opensAt));
      }
      return total / msPerMinute;
    },
  };
}
