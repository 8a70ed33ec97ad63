import { describe, expect, it } from 'vitest';
import { formatRrule, parseRrule } from './rrule.js';
import { scheduleOfRrule, scheduleToRrule, taskScheduleSchema, type TaskSchedule } from './task-schedule.js';
import { createTaskSchema } from './task.schema.js';

describe('the schedule form writes an RRULE and reads it back', () => {
  it.each<[TaskSchedule, string]>([
    [{ kind: 'daily', times: ['07:00', '15:00', '23:00'] }, 'FREQ=DAILY;BYHOUR=7,15,23;BYMINUTE=0'],
    [
      { kind: 'weekly', days: ['MO', 'TH'], times: ['09:30'] },
      'FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30',
    ],
    [
      { kind: 'monthly_weekday', ordinal: -1, weekday: 'SU', time: '02:30' },
      'FREQ=MONTHLY;BYDAY=-1SU;BYHOUR=2;BYMINUTE=30',
    ],
    [{ kind: 'monthly_day', day: 10, time: '08:00' }, 'FREQ=MONTHLY;BYMONTHDAY=10;BYHOUR=8;BYMINUTE=0'],
    [{ kind: 'monthly_day', day: -1, time: '18:00' }, 'FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=18;BYMINUTE=0'],
  ])('%j', (schedule, rrule) => {
    expect(scheduleToRrule(schedule)).toBe(rrule);
    expect(scheduleOfRrule(rrule)).toEqual(schedule);
  });

  it('leaves rules the form cannot show to the raw editor', () => {
    expect(scheduleOfRrule('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=9;BYMINUTE=0')).toBeNull();
    expect(scheduleOfRrule('FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=2TH;BYHOUR=14;BYMINUTE=0')).toBeNull();
    expect(scheduleOfRrule('not a rule')).toBeNull();
  });

  it('refuses times with different minutes and a day 0', () => {
    expect(taskScheduleSchema.safeParse({ kind: 'daily', times: ['07:00', '15:30'] }).success).toBe(false);
    expect(taskScheduleSchema.safeParse({ kind: 'monthly_day', day: 0, time: '08:00' }).success).toBe(false);
  });

  it('stores the raw rule in canonical form and refuses both a rule and a schedule', () => {
    const base = { title: 'T', procedureId: 'p', scope: { siteId: 1 } };
    const parsed = createTaskSchema.parse({ ...base, rrule: 'rrule:byminute=0;freq=daily;byhour=23,7' });
    expect(parsed.rrule).toBe('FREQ=DAILY;BYHOUR=7,23;BYMINUTE=0');
    const both = createTaskSchema.safeParse({
      ...base,
      rrule: 'FREQ=DAILY',
      schedule: { kind: 'daily', times: ['07:00'] },
    });
    expect(both.success).toBe(false);
    const parsedRule = parseRrule('FREQ=DAILY;UNTIL=20271231T235959Z');
    expect(parsedRule.ok && formatRrule(parsedRule.rule)).toBe('FREQ=DAILY;UNTIL=20271231T235959Z');
  });
});
