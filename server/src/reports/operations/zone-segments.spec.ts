import { describe, expect, it } from 'vitest';
import { windowOf } from '../report-period.js';
import { zoneSegments } from './zone-segments.js';

const hour = 3_600_000;

describe('zoneSegments', () => {
  it('cuts October in Paris where summer time ends (25 October, 01:00Z)', () => {
    const window = windowOf('Europe/Paris', { from: '2026-10-01', to: '2026-10-31' });
    expect(zoneSegments('Europe/Paris', window)).toEqual([
      [window.start, Date.parse('2026-10-25T01:00:00Z'), 2 * hour],
      [Date.parse('2026-10-25T01:00:00Z'), window.end, hour],
    ]);
  });

  it('gives a year in Paris three segments, and a zone without summer time one', () => {
    const year = windowOf('Europe/Paris', { from: '2026-01-01', to: '2026-12-31' });
    const segments = zoneSegments('Europe/Paris', year);
    expect(segments.map(([, , offset]) => offset / hour)).toEqual([1, 2, 1]);
    expect(segments[1]![0]).toBe(Date.parse('2026-03-29T01:00:00Z'));
    const tokyo = windowOf('Asia/Tokyo', { from: '2026-01-01', to: '2026-12-31' });
    expect(zoneSegments('Asia/Tokyo', tokyo)).toEqual([[tokyo.start, tokyo.end, 9 * hour]]);
  });

  it('finds a change that is not on the hour (Lord Howe moves by 30 minutes at 02:00 local)', () => {
    const window = windowOf('Australia/Lord_Howe', { from: '2026-04-01', to: '2026-04-10' });
    const segments = zoneSegments('Australia/Lord_Howe', window);
    expect(segments).toHaveLength(2);
    expect(segments.map(([, , offset]) => offset / hour)).toEqual([11, 10.5]);
    // 2026-04-05 02:00 LHDT (+11) = 2026-04-04T15:00Z.
    expect(segments[0]![1]).toBe(Date.parse('2026-04-04T15:00:00Z'));
  });
});
