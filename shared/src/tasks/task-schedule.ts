import { z } from 'zod';
import { formatRrule, type ParsedRrule, parseRrule, rruleWeekdays } from './rrule.js';

/** A local wall time `HH:MM`. */
export const wallTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 07:30');

const weekdaySchema = z.enum(rruleWeekdays);

/** Several times of day become BYHOUR × BYMINUTE: they must share their minutes. */
const timesSchema = z
  .array(wallTimeSchema)
  .min(1)
  .max(24)
  .refine((times) => new Set(times.map((time) => time.slice(3))).size === 1, {
    message: 'all times of one schedule share the same minutes (e.g. 07:00, 15:00, 23:00)',
  });

/**
 * The structured schedule form: what most tasks need, written into an RRULE. The raw rule stays
 * editable for anything else (e.g. every second week, quarterly months).
 */
export const taskScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('daily'), times: timesSchema }),
  z.strictObject({
    kind: z.literal('weekly'),
    days: z.array(weekdaySchema).min(1).max(7),
    times: timesSchema,
  }),
  z.strictObject({
    kind: z.literal('monthly_weekday'),
    /** 1 … 4 = first … fourth, -1 = last. */
    ordinal: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: weekdaySchema,
    time: wallTimeSchema,
  }),
  z.strictObject({
    kind: z.literal('monthly_day'),
    /** 1 … 31 (months without that day are skipped), or -1 = the last day of the month. */
    day: z
      .number()
      .int()
      .min(-1)
      .max(31)
      .refine((day) => day !== 0, 'a day from 1 to 31, or -1 for the last'),
    time: wallTimeSchema,
  }),
]);
export type TaskSchedule = z.infer<typeof taskScheduleSchema>;

function hoursAndMinute(times: readonly string[]): { byHour: number[]; byMinute: number[] } {
  const byHour = [...new Set(times.map((time) => Number(time.slice(0, 2))))].sort((a, b) => a - b);
  return { byHour, byMinute: [Number(times[0]?.slice(3) ?? 0)] };
}

const emptyRule: Omit<ParsedRrule, 'freq'> = {
  interval: 1,
  byDay: [],
  byMonthDay: [],
  byMonth: [],
  byHour: [],
  byMinute: [],
  count: null,
  until: null,
};

/** The RRULE a schedule form stands for. */
export function scheduleToRrule(schedule: TaskSchedule): string {
  switch (schedule.kind) {
    case 'daily':
      return formatRrule({ ...emptyRule, freq: 'DAILY', ...hoursAndMinute(schedule.times) });
    case 'weekly': {
      const days = rruleWeekdays.filter((day) => schedule.days.includes(day));
      return formatRrule({
        ...emptyRule,
        freq: 'WEEKLY',
        byDay: days.map((weekday) => ({ weekday, ordinal: null })),
        ...hoursAndMinute(schedule.times),
      });
    }
    case 'monthly_weekday':
      return formatRrule({
        ...emptyRule,
        freq: 'MONTHLY',
        byDay: [{ weekday: schedule.weekday, ordinal: schedule.ordinal }],
        ...hoursAndMinute([schedule.time]),
      });
    case 'monthly_day':
      return formatRrule({
        ...emptyRule,
        freq: 'MONTHLY',
        byMonthDay: [schedule.day],
        ...hoursAndMinute([schedule.time]),
      });
  }
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The form a rule can be edited in, or null when only the raw rule expresses it. */
export function scheduleOfRrule(text: string): TaskSchedule | null {
  const parsed = parseRrule(text);
  if (!parsed.ok) return null;
  const rule = parsed.rule;
  const plain =
    rule.interval === 1 &&
    rule.byMonth.length === 0 &&
    rule.count === null &&
    rule.until === null &&
    rule.byMinute.length === 1 &&
    rule.byHour.length > 0;
  if (!plain) return null;
  const minute = pad(rule.byMinute[0] ?? 0);
  const times = rule.byHour.map((hour) => `${pad(hour)}:${minute}`);
  const everyDay = rule.byDay.every((day) => day.ordinal === null);
  if (rule.freq === 'DAILY' && rule.byDay.length === 0 && rule.byMonthDay.length === 0) {
    return { kind: 'daily', times };
  }
  if (rule.freq === 'WEEKLY' && rule.byDay.length > 0 && everyDay) {
    return { kind: 'weekly', days: rule.byDay.map((day) => day.weekday), times };
  }
  if (rule.freq !== 'MONTHLY' || times.length !== 1) return null;
  const [time] = times as [string];
  const [byDay] = rule.byDay;
  if (rule.byDay.length === 1 && rule.byMonthDay.length === 0 && byDay && byDay.ordinal !== null) {
    const ordinal = byDay.ordinal;
    if (ordinal === 1 || ordinal === 2 || ordinal === 3 || ordinal === 4 || ordinal === -1) {
      return { kind: 'monthly_weekday', ordinal, weekday: byDay.weekday, time };
    }
  }
  const [day] = rule.byMonthDay;
  if (rule.byMonthDay.length === 1 && rule.byDay.length === 0 && day !== undefined && day >= -1) {
    return { kind: 'monthly_day', day, time };
  }
  return null;
}
