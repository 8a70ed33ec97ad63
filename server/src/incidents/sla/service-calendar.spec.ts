import type { BusinessHours } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { createServiceCalendar } from './service-calendar.js';

const paris = 'Europe/Paris';
const weekdays: BusinessHours = { days: [1, 2, 3, 4, 5], start: '08:00', end: '18:00' };
const everyDay = (start: string, end: string): BusinessHours => ({ days: [1, 2, 3, 4, 5, 6, 7], start, end });
const businessCalendar = (businessHours: BusinessHours, holidays: string[] = [], timeZone = paris) =>
  createServiceCalendar({ timeZone, serviceHours: 'business_hours', businessHours, holidays });
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('24x7 calendar', () => {
  const calendar = createServiceCalendar({
    timeZone: paris,
    serviceHours: '24x7',
    businessHours: null,
    holidays: [],
  });

  it('counts every wall-clock minute, whatever the holidays', () => {
    expect(iso(calendar.addServiceMinutes(at('2026-12-24T22:00:00Z'), 150))).toBe('2026-12-25T00:30:00.000Z');
    expect(calendar.serviceMinutesBetween(at('2026-12-24T22:00:00Z'), at('2026-12-25T00:30:00Z'))).toBe(150);
    expect(iso(calendar.addServiceMinutes(at('2026-12-24T22:00:00Z'), 0))).toBe('2026-12-24T22:00:00.000Z');
    expect(calendar.serviceMinutesBetween(at('2026-12-25T00:30:00Z'), at('2026-12-24T22:00:00Z'))).toBe(0);
  });

  it('counts the real length of DST change days: 23 h in spring, 25 h in autumn', () => {
    // Local midnight to local midnight in Paris.
    expect(calendar.serviceMinutesBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(
      23 * 60,
    );
    expect(calendar.serviceMinutesBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(
      25 * 60,
    );
    // 01:30 CET + 60 min is 03:30 CEST.
    expect(iso(calendar.addServiceMinutes(at('2026-03-29T00:30:00Z'), 60))).toBe('2026-03-29T01:30:00.000Z');
  });
});

describe('business hours Mon–Fri 08:00–18:00 Europe/Paris', () => {
  const calendar = businessCalendar(weekdays, ['2026-11-11']);

  it('counts within a day', () => {
    // 09:00 → 11:30 local (UTC+1 in November).
    expect(iso(calendar.addServiceMinutes(at('2026-11-23T08:00:00Z'), 150))).toBe('2026-11-23T10:30:00.000Z');
    expect(calendar.serviceMinutesBetween(at('2026-11-23T08:00:00Z'), at('2026-11-23T10:30:00Z'))).toBe(150);
  });

  it('ends exactly at closing time when the service time runs out there', () => {
    expect(iso(calendar.addServiceMinutes(at('2026-11-23T16:00:00Z'), 60))).toBe('2026-11-23T17:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 17:00 + 2 h of service = Monday 09:00.
    expect(iso(calendar.addServiceMinutes(at('2026-11-20T16:00:00Z'), 120))).toBe('2026-11-23T08:00:00.000Z');
    expect(calendar.serviceMinutesBetween(at('2026-11-20T16:00:00Z'), at('2026-11-23T08:00:00Z'))).toBe(120);
    expect(calendar.serviceMinutesBetween(at('2026-11-21T09:00:00Z'), at('2026-11-22T20:00:00Z'))).toBe(0);
  });

  it('skips a public holiday', () => {
    // Tuesday 10 November 17:30 + 60 min = Thursday 12 November 08:30 (the 11th is Armistice Day).
    expect(iso(calendar.addServiceMinutes(at('2026-11-10T16:30:00Z'), 60))).toBe('2026-11-12T07:30:00.000Z');
    expect(calendar.serviceMinutesBetween(at('2026-11-10T00:00:00Z'), at('2026-11-13T00:00:00Z'))).toBe(
      2 * 600,
    );
    const withoutHoliday = businessCalendar(weekdays);
    expect(iso(withoutHoliday.addServiceMinutes(at('2026-11-10T16:30:00Z'), 60))).toBe(
      '2026-11-11T07:30:00.000Z',
    );
  });

  it('starts counting at the next opening when started out of hours', () => {
    // Saturday 10:00 local + 30 min = Monday 08:30; Monday 06:00 + 30 min = Monday 08:30.
    expect(iso(calendar.addServiceMinutes(at('2026-11-21T09:00:00Z'), 30))).toBe('2026-11-23T07:30:00.000Z');
    expect(iso(calendar.addServiceMinutes(at('2026-11-23T05:00:00Z'), 30))).toBe('2026-11-23T07:30:00.000Z');
  });

  it('walks targets many days long', () => {
    // 5 days of 10 h from Monday 08:00 end on Friday 18:00; one more minute is the next Monday 08:01.
    expect(iso(calendar.addServiceMinutes(at('2026-11-16T07:00:00Z'), 3000))).toBe(
      '2026-11-20T17:00:00.000Z',
    );
    expect(iso(calendar.addServiceMinutes(at('2026-11-16T07:00:00Z'), 3001))).toBe(
      '2026-11-23T07:01:00.000Z',
    );
    expect(calendar.serviceMinutesBetween(at('2026-11-01T00:00:00Z'), at('2026-12-01T00:00:00Z'))).toBe(
      20 * 600,
    );
  });

  it('keeps 10 h of service on both DST change weekends, and shifts the UTC opening', () => {
    // Friday 27 March 17:00 CET + 2 h = Monday 30 March 09:00 CEST (07:00 UTC).
    expect(iso(calendar.addServiceMinutes(at('2026-03-27T16:00:00Z'), 120))).toBe('2026-03-30T07:00:00.000Z');
    // Friday 23 October 17:00 CEST + 2 h = Monday 26 October 09:00 CET (08:00 UTC).
    expect(iso(calendar.addServiceMinutes(at('2026-10-23T15:00:00Z'), 120))).toBe('2026-10-26T08:00:00.000Z');
  });
});

describe('business hours across DST changes (every day)', () => {
  it('counts a 08:00–18:00 DST change day as 10 h', () => {
    const calendar = businessCalendar(everyDay('08:00', '18:00'));
    expect(calendar.serviceMinutesBetween(at('2026-03-28T23:00:00Z'), at('2026-03-29T22:00:00Z'))).toBe(600);
    expect(calendar.serviceMinutesBetween(at('2026-10-24T22:00:00Z'), at('2026-10-25T23:00:00Z'))).toBe(600);
    // Saturday 17:00 CET + 2 h = Sunday 09:00 CEST.
    expect(iso(calendar.addServiceMinutes(at('2026-03-28T16:00:00Z'), 120))).toBe('2026-03-29T07:00:00.000Z');
  });

  it('counts the real time of a 00:00–06:00 window spanning the changed hour: 5 h in spring, 7 h in autumn', () => {
    const calendar = businessCalendar(everyDay('00:00', '06:00'));
    expect(calendar.serviceMinutesBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(300);
    expect(calendar.serviceMinutesBetween(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(420);
    // Ordinary days keep 6 h.
    expect(calendar.serviceMinutesBetween(at('2026-03-27T12:00:00Z'), at('2026-03-28T12:00:00Z'))).toBe(360);
    // 04:00 CEST (02:00 UTC) on the spring day + 150 min: 120 min left that night, 30 min the next.
    expect(iso(calendar.addServiceMinutes(at('2026-03-29T02:00:00Z'), 150))).toBe('2026-03-29T22:30:00.000Z');
    // From local midnight on the autumn day, 400 min end at 05:40 CET.
    expect(iso(calendar.addServiceMinutes(at('2026-10-24T22:00:00Z'), 400))).toBe('2026-10-25T04:40:00.000Z');
  });

  it('opens a window whose start is skipped at the jump, and closes one whose end is skipped there', () => {
    // 02:30–04:00 on the spring day: opens at 03:00 CEST (the jump), closes at 04:00 CEST.
    const lateStart = businessCalendar(everyDay('02:30', '04:00'));
    expect(lateStart.serviceMinutesBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(60);
    expect(iso(lateStart.addServiceMinutes(at('2026-03-28T12:00:00Z'), 1))).toBe('2026-03-29T01:01:00.000Z');
    // 01:00–02:30 on the spring day: closes at the jump, after 1 h.
    const earlyEnd = businessCalendar(everyDay('01:00', '02:30'));
    expect(earlyEnd.serviceMinutesBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(60);
  });

  it('takes the first occurrence of a repeated start or end', () => {
    // 02:15–02:45 on the autumn day is the first (CEST) half hour, counted once.
    const repeated = businessCalendar(everyDay('02:15', '02:45'));
    expect(repeated.serviceMinutesBetween(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(30);
    expect(iso(repeated.addServiceMinutes(at('2026-10-24T12:00:00Z'), 30))).toBe('2026-10-25T00:45:00.000Z');
    // 02:30–06:00 opens at 02:30 CEST and runs through the repeated hour: 4 h 30.
    const acrossRepeat = businessCalendar(everyDay('02:30', '06:00'));
    expect(acrossRepeat.serviceMinutesBetween(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toBe(
      270,
    );
  });

  it('works in another zone (New York, spring forward on 8 March 2026)', () => {
    const calendar = businessCalendar(everyDay('00:00', '06:00'), [], 'America/New_York');
    expect(calendar.serviceMinutesBetween(at('2026-03-08T00:00:00Z'), at('2026-03-08T20:00:00Z'))).toBe(300);
  });
});

describe('invalid calendars', () => {
  it('rejects an unknown zone, a missing or inverted window and days without service', () => {
    expect(() => businessCalendar(weekdays, [], 'Nowhere/City')).toThrow(RangeError);
    expect(() => businessCalendar({ days: [1], start: '18:00', end: '08:00' })).toThrow(RangeError);
    expect(() =>
      createServiceCalendar({
        timeZone: paris,
        serviceHours: 'business_hours',
        businessHours: null,
        holidays: [],
      }),
    ).toThrow(RangeError);
    const mondaysOnly = businessCalendar({ days: [1], start: '08:00', end: '18:00' });
    expect(iso(mondaysOnly.addServiceMinutes(at('2026-11-24T08:00:00Z'), 60))).toBe(
      '2026-11-30T08:00:00.000Z',
    );
  });
});
