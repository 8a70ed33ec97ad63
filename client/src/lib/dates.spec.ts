import { describe, expect, it } from 'vitest';
import { formatInTimeZone } from './dates';

describe('formatInTimeZone', () => {
  it('shows a UTC instant in the site time zone, summer time included', () => {
    // 29 March 2026 is the night Paris moves from UTC+1 to UTC+2.
    expect(formatInTimeZone('2026-03-29T00:30:00Z', 'fr', 'Europe/Paris', 'time')).toBe('01:30');
    expect(formatInTimeZone('2026-03-29T01:30:00Z', 'fr', 'Europe/Paris', 'time')).toBe('03:30');
  });

  it('depends on the time zone, not on the machine', () => {
    const instant = '2026-07-14T22:15:00Z';
    expect(formatInTimeZone(instant, 'fr', 'Europe/Paris', 'datetime')).toBe('15/07/2026 00:15');
    expect(formatInTimeZone(instant, 'fr', 'America/New_York', 'datetime')).toBe('14/07/2026 18:15');
  });

  it('follows the language', () => {
    expect(formatInTimeZone('2026-07-14T10:00:00Z', 'fr', 'Europe/Paris', 'date')).toBe('14 juil. 2026');
    expect(formatInTimeZone('2026-07-14T10:00:00Z', 'en', 'Europe/Paris', 'date')).toBe('14 Jul 2026');
  });

  it('falls back to the default zone for an unknown zone, and to an empty string for a non-date', () => {
    expect(formatInTimeZone('2026-01-01T12:00:00Z', 'fr', 'Mars/Olympus_Mons', 'time')).toBe('13:00');
    expect(formatInTimeZone('not a date', 'fr', 'Europe/Paris')).toBe('');
  });
});
