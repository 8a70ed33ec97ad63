import { easterSunday } from './easter-sunday.js';

/** A statutory holiday as the rules give it, before it is stored. */
export interface DefaultHoliday {
  date: string;
  name: string;
}

type HolidayRule = (year: number) => DefaultHoliday[];

const msPerDay = 86_400_000;

function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * msPerDay).toISOString().slice(0, 10);
}

function fixed(year: number, monthDay: string, name: string): DefaultHoliday {
  return { date: `${year}-${monthDay}`, name };
}

/** Metropolitan France (Code du travail L3133-1); Alsace-Moselle's two extra days are left to configuration. */
const france: HolidayRule = (year) => {
  const easter = easterSunday(year);
  return [
    fixed(year, '01-01', "Jour de l'an"),
    { date: daysAfter(easter, 1), name: 'Lundi de Pâques' },
    fixed(year, '05-01', 'Fête du Travail'),
    fixed(year, '05-08', 'Victoire 1945'),
    { date: daysAfter(easter, 39), name: 'Ascension' },
    { date: daysAfter(easter, 50), name: 'Lundi de Pentecôte' },
    fixed(year, '07-14', 'Fête nationale'),
    fixed(year, '08-15', 'Assomption'),
    fixed(year, '11-01', 'Toussaint'),
    fixed(year, '11-11', 'Armistice 1918'),
    fixed(year, '12-25', 'Noël'),
  ];
};

const rules: Record<string, HolidayRule> = { FR: france };

/** Whether the server knows the statutory holidays of a country. */
export function hasDefaultHolidays(countryCode: string): boolean {
  return countryCode in rules;
}

/**
 * The statutory public holidays of a country and year, in date order, with their local names;
 * empty for a country without rules. Stored holidays are the truth: these only fill the store.
 */
export function defaultPublicHolidays(countryCode: string, year: number): DefaultHoliday[] {
  const rule = rules[countryCode];
  if (!rule) return [];
  // A movable feast can fall on a fixed one (Ascension on 1 May 2008): one date, both names.
  const byDate = new Map<string, string[]>();
  for (const holiday of rule(year))
    byDate.set(holiday.date, [...(byDate.get(holiday.date) ?? []), holiday.name]);
  return [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, names]) => ({ date, name: names.join(' / ') }));
}
