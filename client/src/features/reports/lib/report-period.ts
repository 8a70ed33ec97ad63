import { maxReportDays } from '@vigie/shared';
import { addDays, isLocalDate } from '../../tasks/lib/calendar-days';

/*
 * The period presets of the report, on local dates (`YYYY-MM-DD`, `to` included) counted from
 * "today" in the site's zone. Periods still running end today: days to come would only dilute
 * availability and completion with minutes where nothing could have happened yet.
 */

export const periodPresets = ['this-month', 'last-month', 'this-quarter', 'last-quarter'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export interface LocalPeriod {
  from: string;
  to: string;
}

function parts(date: string): { year: number; month: number } {
  const [year = 0, month = 1] = date.split('-').map(Number);
  return { year, month };
}

function firstOfMonth(year: number, month: number): string {
  // Month arithmetic may leave 1..12: bring it back with the year.
  const normalised = new Date(Date.UTC(year, month - 1, 1, 12));
  return normalised.toISOString().slice(0, 10);
}

/** Quarters start in January, April, July and October. */
function quarterStartMonth(month: number): number {
  return month - ((month - 1) % 3);
}

export function presetPeriod(preset: PeriodPreset, today: string): LocalPeriod {
  const { year, month } = parts(today);
  switch (preset) {
    case 'this-month':
      return { from: firstOfMonth(year, month), to: today };
    case 'last-month':
      return { from: firstOfMonth(year, month - 1), to: addDays(firstOfMonth(year, month), -1) };
    case 'this-quarter':
      return { from: firstOfMonth(year, quarterStartMonth(month)), to: today };
    case 'last-quarter': {
      const thisQuarter = firstOfMonth(year, quarterStartMonth(month));
      return { from: firstOfMonth(year, quarterStartMonth(month) - 3), to: addDays(thisQuarter, -1) };
    }
  }
}

/** The preset that gives exactly this period today, if any (the picker shows it as chosen). */
export function presetOf(period: LocalPeriod, today: string): PeriodPreset | null {
  return (
    periodPresets.find((preset) => {
      const candidate = presetPeriod(preset, today);
      return candidate.from === period.from && candidate.to === period.to;
    }) ?? null
  );
}

export type PeriodProblem = 'invalidDate' | 'invertedDates' | 'tooLong';

/** Why a custom period cannot be asked for, or null when it can (the server checks the same). */
export function periodProblem(from: string, to: string): PeriodProblem | null {
  if (!isLocalDate(from) || !isLocalDate(to)) return 'invalidDate';
  if (to < from) return 'invertedDates';
  const days = Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000) + 1;
  return days > maxReportDays ? 'tooLong' : null;
}
