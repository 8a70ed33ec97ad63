import { describe, expect, it } from 'vitest';
import { previousPeriodOf, weeksOf, windowOf } from './report-period.js';

const paris = 'Europe/Paris';
const iso = (ms: number) => new Date(ms).toISOString();

describe('report periods', () => {
  it('reads local dates in the zone, the last day included, across the autumn DST change', () => {
    const october = windowOf(paris, { from: '2026-10-01', to: '2026-10-31' });
    expect(iso(october.start)).toBe('2026-09-30T22:00:00.000Z');
    expect(iso(october.end)).toBe('2026-10-31T23:00:00.000Z');
    // 31 days and the hour given back on 25 October.
    expect((october.end - october.start) / 60_000).toBe(31 * 1440 + 60);
    const march = windowOf(paris, { from: '2026-03-29', to: '2026-03-29' });
    expect((march.end - march.start) / 60_000).toBe(23 * 60);
  });

  it('compares whole months with the months just before, other spans with as many days', () => {
    expect(previousPeriodOf({ from: '2026-10-01', to: '2026-10-31' })).toEqual({
      from: '2026-09-01',
      to: '2026-09-30',
    });
    expect(previousPeriodOf({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriodOf({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriodOf({ from: '2026-10-10', to: '2026-10-16' })).toEqual({
      from: '2026-10-03',
      to: '2026-10-09',
    });
  });

  it('cuts the period into Monday weeks clipped to it', () => {
    const weeks = weeksOf(paris, { from: '2026-10-01', to: '2026-10-31' });
    expect(weeks.map((week) => week.weekStart)).toEqual([
      '2026-09-28',
      '2026-10-05',
      '2026-10-12',
      '2026-10-19',
      '2026-10-26',
    ]);
    expect(iso(weeks[0]!.window.start)).toBe('2026-09-30T22:00:00.000Z');
    // The week of the DST change has 169 hours.
    expect((weeks[3]!.window.end - weeks[3]!.window.start) / 3_600_000).toBe(169);
    expect(iso(weeks[4]!.window.end)).toBe('2026-10-31T23:00:00.000Z');
  });
});
