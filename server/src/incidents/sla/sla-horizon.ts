import type { EntityManager } from '@mikro-orm/core';
import { localHolidayDates } from '../../holidays/holiday-store.js';
import type { ComputedSlaClock } from './sla-engine.types.js';

// The rules that place an incident's clocks in time, shared by the incident service and the demo
// history seeder so both compute the same due times.

const msPerDay = 86_400_000;

/** How far past `now` due times are projected (a quarter: the longest targets are days). */
const holidayHorizonDays = 92;

/**
 * The public holidays (local dates) a service calendar needs for clocks started at `from` and
 * projected past `now`. Read with the caller's EntityManager: inside a transaction, a forked one
 * would wait on the SQLite connection the transaction holds.
 */
export function slaHolidayDates(
  em: EntityManager,
  countryCode: string,
  from: Date,
  now: Date,
): Promise<string[]> {
  return localHolidayDates(em, countryCode, from, new Date(now.getTime() + holidayHorizonDays * msPerDay));
}

/** A clock as computed or as stored (a stored row leaves unset fields undefined). */
interface DueClock {
  state: ComputedSlaClock['state'];
  dueAt?: Date | null;
  stoppedAt?: Date | null;
}

/** The due time of the nearest clock still counting (breached clocks count until they stop), the board's order. */
export function nextDueOf(clocks: readonly DueClock[]): Date | null {
  const dues = clocks
    .filter((clock) => clock.stoppedAt == null && clock.state !== 'met' && clock.state !== 'paused')
    .flatMap((clock) => (clock.dueAt ? [clock.dueAt.getTime()] : []));
  return dues.length > 0 ? new Date(Math.min(...dues)) : null;
}
