import { describe, expect, it } from 'vitest';
import { periodProblem, presetOf, presetPeriod } from './report-period';

describe('presetPeriod', () => {
  it('runs this month and this quarter up to today', () => {
    expect(presetPeriod('this-month', '2026-11-23')).toEqual({ from: '2026-11-01', to: '2026-11-23' });
    expect(presetPeriod('this-quarter', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-11-23' });
  });

  it('takes last month whole, across a year and with February of a leap year', () => {
    expect(presetPeriod('last-month', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('last-month', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('last-month', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('last-month', '2027-03-01')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('finds quarter boundaries on their first and last days', () => {
    expect(presetPeriod('this-quarter', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
    expect(presetPeriod('this-quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('this-quarter', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(presetPeriod('this-quarter', '2026-09-30')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('this-quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('takes last quarter whole, going back into the previous year from the first quarter', () => {
    expect(presetPeriod('last-quarter', '2026-11-23')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('last-quarter', '2026-04-01')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('last-quarter', '2026-02-15')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('last-quarter', '2026-07-01')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
});

describe('presetOf', () => {
  it('recognises the preset a period stands for today, else none', () => {
    expect(presetOf({ from: '2026-10-01', to: '2026-10-31' }, '2026-11-23')).toBe('last-month');
    expect(presetOf({ from: '2026-07-01', to: '2026-09-30' }, '2026-11-23')).toBe('last-quarter');
    expect(presetOf({ from: '2026-10-02', to: '2026-10-31' }, '2026-11-23')).toBeNull();
  });
});

describe('periodProblem', () => {
  it('accepts from ≤ to and refuses the rest with the reason', () => {
    expect(periodProblem('2026-10-01', '2026-10-01')).toBeNull();
    expect(periodProblem('2026-10-02', '2026-10-01')).toBe('invertedDates');
    expect(periodProblem('2026-10-01', 'nope')).toBe('invalidDate');
    expect(periodProblem('', '2026-10-01')).toBe('invalidDate');
  });

  it('allows a leap year and a day (367 days), not one more', () => {
    expect(periodProblem('2028-01-01', '2029-01-01')).toBeNull();
    expect(periodProblem('2028-01-01', '2029-01-02')).toBe('tooLong');
  });
});
