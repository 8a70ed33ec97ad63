import { scheduleOfRrule, scheduleToRrule } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { scheduleProblem, switchScheduleKind } from './schedule-form';

describe('schedule form helpers', () => {
  it('keeps the times when switching kind, and the result writes a rule that reads back', () => {
    const weekly = switchScheduleKind({ kind: 'daily', times: ['06:15', '18:15'] }, 'weekly');
    expect(weekly).toEqual({ kind: 'weekly', days: ['MO'], times: ['06:15', '18:15'] });
    expect(scheduleOfRrule(scheduleToRrule(weekly))).toEqual(weekly);
    expect(switchScheduleKind(weekly, 'monthly_weekday')).toEqual({
      kind: 'monthly_weekday',
      ordinal: 1,
      weekday: 'MO',
      time: '06:15',
    });
  });

  it('says why a form is not a rule yet', () => {
    expect(scheduleProblem({ kind: 'daily', times: ['08:00'] })).toBeNull();
    expect(scheduleProblem({ kind: 'daily', times: [] })).toBe('noTimes');
    expect(scheduleProblem({ kind: 'daily', times: ['8h'] })).toBe('time');
    expect(scheduleProblem({ kind: 'daily', times: ['08:00', '14:30'] })).toBe('sameMinute');
    expect(scheduleProblem({ kind: 'weekly', days: [], times: ['08:00'] })).toBe('noDays');
    expect(scheduleProblem({ kind: 'monthly_day', day: 0, time: '08:00' })).toBe('dayOfMonth');
  });
});
