import { countriesWithDefaultHolidays } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { defaultPublicHolidays, hasDefaultHolidays } from './default-public-holidays.js';
import { easterSunday } from './easter-sunday.js';

describe('easterSunday', () => {
  it('matches the published dates, including the earliest and latest possible', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
  });
});

describe('defaultPublicHolidays', () => {
  it('gives the eleven French holidays of 2026 in date order', () => {
    expect(defaultPublicHolidays('FR', 2026)).toEqual([
      { date: '2026-01-01', name: "Jour de l'an" },
      { date: '2026-04-06', name: 'Lundi de Pâques' },
      { date: '2026-05-01', name: 'Fête du Travail' },
      { date: '2026-05-08', name: 'Victoire 1945' },
      { date: '2026-05-14', name: 'Ascension' },
      { date: '2026-05-25', name: 'Lundi de Pentecôte' },
      { date: '2026-07-14', name: 'Fête nationale' },
      { date: '2026-08-15', name: 'Assomption' },
      { date: '2026-11-01', name: 'Toussaint' },
      { date: '2026-11-11', name: 'Armistice 1918' },
      { date: '2026-12-25', name: 'Noël' },
    ]);
  });

  it('moves the Easter-based days with Easter and sorts them among the fixed ones', () => {
    // Easter 2038 is on 25 April: Ascension falls on 3 June and Whit Monday on 14 June.
    const dates = defaultPublicHolidays('FR', 2038).map((holiday) => holiday.date);
    expect(dates).toContain('2038-04-26');
    expect(dates).toContain('2038-06-03');
    expect(dates).toContain('2038-06-14');
    expect(dates).toEqual([...dates].sort());
    // Easter 2008 on 23 March put Ascension on 1 May, the same day as Labour Day.
    const may2008 = defaultPublicHolidays('FR', 2008).filter((holiday) => holiday.date === '2008-05-01');
    expect(may2008).toEqual([{ date: '2008-05-01', name: 'Fête du Travail / Ascension' }]);
    expect(defaultPublicHolidays('FR', 2008)).toHaveLength(10);
  });

  it('has nothing for a country without rules, and knows the countries the client is told about', () => {
    expect(defaultPublicHolidays('ZZ', 2026)).toEqual([]);
    expect(hasDefaultHolidays('ZZ')).toBe(false);
    for (const country of countriesWithDefaultHolidays) expect(hasDefaultHolidays(country)).toBe(true);
  });
});
