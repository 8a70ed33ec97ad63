import { slaMetrics, type SlaClock } from '@vigie/shared';

/** How a clock stands at a given instant, as the board and the detail page show it. */
export type ClockLevel = 'ok' | 'warning' | 'breached' | 'paused' | 'met';

export interface ClockReading {
  clock: SlaClock;
  level: ClockLevel;
  /** Milliseconds until the due time (negative once past); for a paused clock, the service time left. */
  remainingMs: number | null;
}

/** A clock still counting toward its stop (a breached one keeps running until its metric is reached). */
export function isOpenClock(clock: SlaClock): boolean {
  return clock.stoppedAt === null && clock.state !== 'met';
}

/** Reads one clock at `now`: the due and warning times come from the server, only the ticking is local. */
export function readClock(clock: SlaClock, now: number): ClockReading {
  if (!isOpenClock(clock)) {
    return { clock, level: clock.state === 'breached' ? 'breached' : 'met', remainingMs: null };
  }
  if (clock.state === 'paused' || clock.dueAt === null) {
    const leftMinutes = clock.targetMinutes - clock.elapsedMinutes;
    return { clock, level: clock.breachedAt ? 'breached' : 'paused', remainingMs: leftMinutes * 60_000 };
  }
  const remainingMs = Date.parse(clock.dueAt) - now;
  if (clock.state === 'breached' || clock.breachedAt !== null || remainingMs <= 0) {
    return { clock, level: 'breached', remainingMs };
  }
  const warning = clock.warnAt !== null && Date.parse(clock.warnAt) <= now;
  return { clock, level: warning ? 'warning' : 'ok', remainingMs };
}

/**
 * The clock that matters now: time to acknowledge until the incident is acknowledged, then time to
 * restore, then time to resolve. Null when every clock has stopped (resolved, closed, cancelled).
 */
export function currentClock(clocks: readonly SlaClock[], now: number): ClockReading | null {
  for (const metric of slaMetrics) {
    const clock = clocks.find((candidate) => candidate.metric === metric);
    if (clock && isOpenClock(clock)) return readClock(clock, now);
  }
  return null;
}

/** Orders time left for sorting: overdue first, then soonest due; paused and stopped clocks last. */
export function urgencyKey(reading: ClockReading | null): number {
  if (!reading || reading.remainingMs === null) return Number.POSITIVE_INFINITY;
  if (reading.level === 'paused') return Number.MAX_SAFE_INTEGER + reading.remainingMs;
  return reading.remainingMs;
}

/** `1:05:09`, `12:30`, or `2 j 03:04:05` style pieces (sign handled by the caller). */
export function formatDuration(ms: number): { days: number; clock: string } {
  const totalSeconds = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const two = (value: number) => String(value).padStart(2, '0');
  const clock =
    hours > 0 || days > 0
      ? `${two(hours)}:${two(minutes)}:${two(seconds)}`
      : `${two(minutes)}:${two(seconds)}`;
  return { days, clock };
}
