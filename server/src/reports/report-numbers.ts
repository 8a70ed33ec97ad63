import type { Ratio } from '@vigie/shared';
import type { ReportWindow } from './report-period.js';

/** The report's numbers carry three decimals at most. */
export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function roundOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : round(value);
}

/** `count` of `of` as a percentage (0–100, 3 decimals); null when there is nothing to measure. */
export function ratioOf(count: number, of: number): Ratio {
  return { count, of, percent: of === 0 ? null : round((count / of) * 100) };
}

export const minutesOf = (window: ReportWindow) => (window.end - window.start) / 60_000;

/** (window − downtime) ÷ window, in percent. */
export function availabilityPercent(window: ReportWindow, impactMinutes: number): number {
  const period = minutesOf(window);
  return period === 0 ? 100 : round(((period - impactMinutes) / period) * 100);
}
