/*
 * The schedule builder's editing helpers around the shared form (`TaskSchedule`), whose rule the
 * shared `scheduleToRrule` / `scheduleOfRrule` write and read.
 */
import { rruleWeekdays, taskScheduleSchema, type TaskSchedule } from '@vigie/shared';

export type ScheduleKind = TaskSchedule['kind'];
export type WeekdayOrdinal = Extract<TaskSchedule, { kind: 'monthly_weekday' }>['ordinal'];

export const scheduleKinds: readonly ScheduleKind[] = ['daily', 'weekly', 'monthly_day', 'monthly_weekday'];
export const weekdayOrdinals: readonly WeekdayOrdinal[] = [1, 2, 3, 4, -1];
/** 1 … 31, then -1 for "the last day". */
export const monthDays: readonly number[] = [...Array.from({ length: 31 }, (_, i) => i + 1), -1];
export const weekdays = rruleWeekdays;

export const defaultSchedule: TaskSchedule = { kind: 'daily', times: ['08:00'] };

/** The times a schedule is at (one for the monthly kinds). */
export function scheduleTimes(schedule: TaskSchedule): string[] {
  return schedule.kind === 'daily' || schedule.kind === 'weekly' ? schedule.times : [schedule.time];
}

/** A fresh form of another kind, keeping the times of the current one where it can. */
export function switchScheduleKind(current: TaskSchedule, kind: ScheduleKind): TaskSchedule {
  const times = scheduleTimes(current);
  const time = times[0] ?? '08:00';
  switch (kind) {
    case 'daily':
      return { kind, times };
    case 'weekly':
      return { kind, days: ['MO'], times };
    case 'monthly_day':
      return { kind, day: 1, time };
    case 'monthly_weekday':
      return { kind, ordinal: 1, weekday: 'MO', time };
  }
}

/** Why the form cannot be written as a rule yet (a `tasks.schedule.problem.*` suffix); null when it can. */
export type ScheduleProblem = 'time' | 'noTimes' | 'sameMinute' | 'noDays' | 'dayOfMonth';

export function scheduleProblem(schedule: TaskSchedule): ScheduleProblem | null {
  const result = taskScheduleSchema.safeParse(schedule);
  if (result.success) return null;
  const times = scheduleTimes(schedule);
  if (times.length === 0) return 'noTimes';
  if (times.some((time) => !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))) return 'time';
  if (new Set(times.map((time) => time.slice(3))).size > 1) return 'sameMinute';
  if (schedule.kind === 'weekly' && schedule.days.length === 0) return 'noDays';
  return 'dayOfMonth';
}
