import { describe, expect, it } from 'vitest';
import { addDays, isLocalDate, localDate, periodDays, queryWindow, shiftPeriod } from './calendar-days';

describe('calendar days', () => {
  it('gives the week from Monday, across a month end', () => {
    expect(periodDays('2026-12-02', 'week')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(periodDays('2026-12-06', 'week')[0]).toBe('2026-11-30');
    expect(periodDays('2026-12-02', 'day')).toEqual(['2026-12-02']);
  });

  it('moves by a day or a week, across the daylight-saving change', () => {
    expect(shiftPeriod('2026-03-29', 'day', 1)).toBe('2026-03-30');
    expect(shiftPeriod('2026-03-25', 'week', 1)).toBe('2026-04-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('places an instant on its local date in the site zone', () => {
    expect(localDate('2026-11-23T23:30:00.000Z', 'Europe/Paris')).toBe('2026-11-24');
    expect(localDate('2026-11-23T23:30:00.000Z', 'UTC')).toBe('2026-11-23');
  });

  it('queries a window covering the whole local days', () => {
    const window = queryWindow(['2026-11-23', '2026-11-24']);
    expect(window.from < '2026-11-22T14:00:00.000Z').toBe(true);
    expect(window.to > '2026-11-25T10:00:00.000Z').toBe(true);
  });

  it('reads only real dates from the address', () => {
    expect(isLocalDate('2026-11-23')).toBe(true);
    expect(isLocalDate('nonsense')).toBe(false);
    expect(isLocalDate(null)).toBe(false);
  });
});
