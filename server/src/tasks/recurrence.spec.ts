import { parseRrule } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { occurrencesOf } from './recurrence.js';

const paris = 'Europe/Paris';

function rule(text: string) {
  const parsed = parseRrule(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.rule;
}

function iso(text: string, startDate: string, from: string, limit: number, timeZone = paris): string[] {
  return occurrencesOf(rule(text), { timeZone, startDate, from: Date.parse(from), limit }).map((at) =>
    new Date(at).toISOString().replace(':00.000Z', 'Z'),
  );
}

describe('occurrencesOf across daylight-saving changes (Europe/Paris)', () => {
  it('daily 02:30: the skipped time on the last Sunday of March becomes the moment of the jump', () => {
    expect(iso('FREQ=DAILY;BYHOUR=2;BYMINUTE=30', '2026-03-01', '2026-03-28T00:00:00Z', 3)).toEqual([
      '2026-03-28T01:30Z', // 02:30 CET
      '2026-03-29T01:00Z', // 02:30 does not exist: 03:00 CEST, the jump
      '2026-03-30T00:30Z', // 02:30 CEST
    ]);
  });

  it('daily 02:30: the repeated time on the last Sunday of October is taken once, its first time', () => {
    expect(iso('FREQ=DAILY;BYHOUR=2;BYMINUTE=30', '2026-03-01', '2026-10-24T00:00:00Z', 3)).toEqual([
      '2026-10-24T00:30Z', // CEST
      '2026-10-25T00:30Z', // first 02:30 (CEST), not the second (01:30Z)
      '2026-10-26T01:30Z', // CET
    ]);
  });

  it('monthly on the last Sunday (-1SU) at 02:30 lands on both change days', () => {
    expect(
      iso('FREQ=MONTHLY;BYDAY=-1SU;BYHOUR=2;BYMINUTE=30', '2026-01-01', '2026-02-01T00:00:00Z', 10),
    ).toEqual([
      '2026-02-22T01:30Z',
      '2026-03-29T01:00Z',
      '2026-04-26T00:30Z',
      '2026-05-31T00:30Z',
      '2026-06-28T00:30Z',
      '2026-07-26T00:30Z',
      '2026-08-30T00:30Z',
      '2026-09-27T00:30Z',
      '2026-10-25T00:30Z',
      '2026-11-29T01:30Z',
    ]);
  });

  it('weekly at 07:00 keeps 07:00 local on both sides of both changes', () => {
    expect(iso('FREQ=WEEKLY;BYDAY=MO;BYHOUR=7;BYMINUTE=0', '2026-01-01', '2026-03-23T00:00:00Z', 2)).toEqual([
      '2026-03-23T06:00Z',
      '2026-03-30T05:00Z',
    ]);
    expect(iso('FREQ=WEEKLY;BYDAY=MO;BYHOUR=7;BYMINUTE=0', '2026-01-01', '2026-10-19T00:00:00Z', 2)).toEqual([
      '2026-10-19T05:00Z',
      '2026-10-26T06:00Z',
    ]);
  });

  it('three rounds a day stay at their local times on the change day', () => {
    expect(iso('FREQ=DAILY;BYHOUR=7,15,23;BYMINUTE=0', '2026-01-01', '2026-03-29T00:00:00Z', 3)).toEqual([
      '2026-03-29T05:00Z',
      '2026-03-29T13:00Z',
      '2026-03-29T21:00Z',
    ]);
  });
});

describe('occurrencesOf at month ends and leap days', () => {
  it('BYMONTHDAY=29 skips February except in leap years', () => {
    expect(
      iso('FREQ=MONTHLY;BYMONTHDAY=29;BYHOUR=9', '2027-01-01', '2027-01-01T00:00:00Z', 14, 'UTC'),
    ).toEqual([
      '2027-01-29T09:00Z',
      '2027-03-29T09:00Z',
      '2027-04-29T09:00Z',
      '2027-05-29T09:00Z',
      '2027-06-29T09:00Z',
      '2027-07-29T09:00Z',
      '2027-08-29T09:00Z',
      '2027-09-29T09:00Z',
      '2027-10-29T09:00Z',
      '2027-11-29T09:00Z',
      '2027-12-29T09:00Z',
      '2028-01-29T09:00Z',
      '2028-02-29T09:00Z',
      '2028-03-29T09:00Z',
    ]);
  });

  it('FREQ=YEARLY from February 29 recurs only on February 29', () => {
    expect(iso('FREQ=YEARLY;BYHOUR=9', '2024-02-29', '2024-01-01T00:00:00Z', 3, 'UTC')).toEqual([
      '2024-02-29T09:00Z',
      '2028-02-29T09:00Z',
      '2032-02-29T09:00Z',
    ]);
  });

  it('the 31st skips months without one', () => {
    expect(
      iso('FREQ=MONTHLY;BYMONTHDAY=31;BYHOUR=8', '2026-01-01', '2026-01-01T00:00:00Z', 7, 'UTC'),
    ).toEqual([
      '2026-01-31T08:00Z',
      '2026-03-31T08:00Z',
      '2026-05-31T08:00Z',
      '2026-07-31T08:00Z',
      '2026-08-31T08:00Z',
      '2026-10-31T08:00Z',
      '2026-12-31T08:00Z',
    ]);
  });

  it('a monthly rule without a day repeats the start date and skips months without it', () => {
    expect(iso('FREQ=MONTHLY;BYHOUR=8', '2026-01-31', '2026-01-01T00:00:00Z', 3, 'UTC')).toEqual([
      '2026-01-31T08:00Z',
      '2026-03-31T08:00Z',
      '2026-05-31T08:00Z',
    ]);
  });

  it('BYMONTHDAY=-1 is the last day of every month, February 29 in a leap year', () => {
    expect(
      iso('FREQ=MONTHLY;BYMONTHDAY=-1;BYHOUR=8', '2028-01-01', '2028-01-01T00:00:00Z', 4, 'UTC'),
    ).toEqual(['2028-01-31T08:00Z', '2028-02-29T08:00Z', '2028-03-31T08:00Z', '2028-04-30T08:00Z']);
  });
});

describe('occurrencesOf: interval, ordinals, count, until, windows', () => {
  it('the first Monday of each month', () => {
    expect(iso('FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10', '2026-01-01', '2026-01-01T00:00:00Z', 3, 'UTC')).toEqual([
      '2026-01-05T10:00Z',
      '2026-02-02T10:00Z',
      '2026-03-02T10:00Z',
    ]);
  });

  it('every second week counts from the start date’s week', () => {
    expect(
      iso('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=9', '2026-11-04', '2026-11-01T00:00:00Z', 3, 'UTC'),
    ).toEqual([
      '2026-11-17T09:00Z', // the start week's Tuesday (Nov 3) is before the start date
      '2026-12-01T09:00Z',
      '2026-12-15T09:00Z',
    ]);
  });

  it('quarterly thermography: BYMONTH with the second Thursday', () => {
    expect(
      iso(
        'FREQ=MONTHLY;BYMONTH=1,4,7,10;BYDAY=2TH;BYHOUR=14',
        '2026-01-01',
        '2026-01-01T00:00:00Z',
        4,
        'UTC',
      ),
    ).toEqual(['2026-01-08T14:00Z', '2026-04-09T14:00Z', '2026-07-09T14:00Z', '2026-10-08T14:00Z']);
  });

  it('COUNT counts from the start, also before the window', () => {
    expect(iso('FREQ=DAILY;COUNT=3;BYHOUR=6', '2026-01-01', '2026-01-02T12:00:00Z', 10, 'UTC')).toEqual([
      '2026-01-03T06:00Z',
    ]);
  });

  it('UNTIL is inclusive and ends the rule', () => {
    expect(
      iso('FREQ=DAILY;UNTIL=20260103T060000Z;BYHOUR=6', '2026-01-01', '2026-01-01T00:00:00Z', 10, 'UTC'),
    ).toEqual(['2026-01-01T06:00Z', '2026-01-02T06:00Z', '2026-01-03T06:00Z']);
  });

  it('a window bound by `to` excludes its end, and a rule that never matches ends', () => {
    const daily = rule('FREQ=DAILY;BYHOUR=6');
    const found = occurrencesOf(daily, {
      timeZone: 'UTC',
      startDate: '2026-01-01',
      from: Date.parse('2026-01-01T00:00:00Z'),
      to: Date.parse('2026-01-03T06:00:00Z'),
    });
    expect(found.map((at) => new Date(at).toISOString())).toEqual([
      '2026-01-01T06:00:00.000Z',
      '2026-01-02T06:00:00.000Z',
    ]);
    const never = rule('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30');
    expect(occurrencesOf(never, { timeZone: 'UTC', startDate: '2026-01-01', from: 0, limit: 3 })).toEqual([]);
  });
});

describe('parseRrule refuses what it does not evaluate', () => {
  it.each([
    ['FREQ=HOURLY', 'FREQ=HOURLY is not supported'],
    ['FREQ=DAILY;BYSETPOS=1', 'BYSETPOS is not supported'],
    ['FREQ=WEEKLY;BYDAY=1MO', 'needs FREQ=MONTHLY or YEARLY'],
    ['FREQ=MONTHLY;BYMONTHDAY=32', 'out of range'],
    ['FREQ=DAILY;COUNT=2;UNTIL=20270101', 'COUNT and UNTIL'],
    ['BYHOUR=7', 'FREQ is required'],
  ])('%s', (text, message) => {
    const parsed = parseRrule(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});
