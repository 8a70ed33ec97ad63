import { describe, expect, it } from 'vitest';
import {
  dayOfIsoDate,
  instantOfLocalTime,
  isoDateOfDay,
  isoWeekdayOfDay,
  localDayOf,
  zoneOffsetMs,
} from './zoned-time.js';

const hour = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const localTime = (zone: string, date: string, time: string) => {
  const [h, m] = time.split(':').map(Number);
  return new Date(instantOfLocalTime(zone, dayOfIsoDate(date), (h ?? 0) * 60 + (m ?? 0))).toISOString();
};

describe('zoneOffsetMs', () => {
  it('follows daylight saving time in Paris, New York and Sydney', () => {
    expect(zoneOffsetMs('Europe/Paris', at('2026-01-15T12:00:00Z'))).toBe(1 * hour);
    expect(zoneOffsetMs('Europe/Paris', at('2026-07-15T12:00:00Z'))).toBe(2 * hour);
    expect(zoneOffsetMs('America/New_York', at('2026-01-15T12:00:00Z'))).toBe(-5 * hour);
    expect(zoneOffsetMs('Australia/Sydney', at('2026-01-15T12:00:00Z'))).toBe(11 * hour);
    expect(zoneOffsetMs('Asia/Kolkata', at('2026-01-15T12:34:56.789Z'))).toBe(5.5 * hour);
  });

  it('changes at the exact instant of the transition', () => {
    expect(zoneOffsetMs('Europe/Paris', at('2026-03-29T00:59:59Z'))).toBe(1 * hour);
    expect(zoneOffsetMs('Europe/Paris', at('2026-03-29T01:00:00Z'))).toBe(2 * hour);
    expect(zoneOffsetMs('Europe/Paris', at('2026-10-25T00:59:59Z'))).toBe(2 * hour);
    expect(zoneOffsetMs('Europe/Paris', at('2026-10-25T01:00:00Z'))).toBe(1 * hour);
  });

  it('rejects an unknown zone', () => {
    expect(() => zoneOffsetMs('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});

describe('local days', () => {
  it('numbers days, names their weekday and finds the local day of an instant', () => {
    expect(isoDateOfDay(dayOfIsoDate('2026-03-29'))).toBe('2026-03-29');
    expect(isoWeekdayOfDay(dayOfIsoDate('2026-03-29'))).toBe(7);
    expect(isoWeekdayOfDay(dayOfIsoDate('2026-11-23'))).toBe(1);
    expect(isoWeekdayOfDay(dayOfIsoDate('1969-12-31'))).toBe(3);
    // 23:30 UTC on the 28th is already the 29th in Paris.
    expect(isoDateOfDay(localDayOf('Europe/Paris', at('2026-03-28T23:30:00Z')))).toBe('2026-03-29');
    expect(isoDateOfDay(localDayOf('America/New_York', at('2026-03-29T03:30:00Z')))).toBe('2026-03-28');
  });
});

describe('instantOfLocalTime', () => {
  it('converts ordinary local times', () => {
    expect(localTime('Europe/Paris', '2026-01-15', '08:00')).toBe('2026-01-15T07:00:00.000Z');
    expect(localTime('Europe/Paris', '2026-07-15', '08:00')).toBe('2026-07-15T06:00:00.000Z');
    expect(localTime('America/New_York', '2026-03-08', '12:00')).toBe('2026-03-08T16:00:00.000Z');
  });

  it('maps a local time skipped by spring forward to the instant of the jump', () => {
    // Paris jumps from 02:00 CET to 03:00 CEST at 01:00 UTC.
    expect(localTime('Europe/Paris', '2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(localTime('Europe/Paris', '2026-03-29', '02:30')).toBe('2026-03-29T01:00:00.000Z');
    expect(localTime('Europe/Paris', '2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(localTime('Europe/Paris', '2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(localTime('America/New_York', '2026-03-08', '02:15')).toBe('2026-03-08T07:00:00.000Z');
  });

  it('maps a local time repeated by fall back to its first occurrence', () => {
    expect(localTime('Europe/Paris', '2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(localTime('Europe/Paris', '2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z');
    // Sydney falls back from 03:00 AEDT to 02:00 AEST on 5 April 2026.
    expect(localTime('Australia/Sydney', '2026-04-05', '02:30')).toBe('2026-04-04T15:30:00.000Z');
  });
});
