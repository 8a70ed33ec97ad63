import type { SlaClock } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { currentClock, formatDuration, readClock, urgencyKey } from './sla-countdown';

const now = Date.parse('2026-11-23T12:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

function clock(overrides: Partial<SlaClock>): SlaClock {
  return {
    metric: 'ack',
    state: 'running',
    targetMinutes: 60,
    dueAt: at(30),
    warnAt: at(15),
    elapsedMinutes: 30,
    pausedMinutes: 0,
    stoppedAt: null,
    breachedAt: null,
    ...overrides,
  };
}

describe('readClock', () => {
  it('counts down to the due time, warning from 75 % and breached once past', () => {
    expect(readClock(clock({}), now)).toMatchObject({ level: 'ok', remainingMs: 30 * 60_000 });
    expect(readClock(clock({ warnAt: at(-1), dueAt: at(14) }), now).level).toBe('warning');
    expect(readClock(clock({ warnAt: at(-20), dueAt: at(-5) }), now)).toMatchObject({
      level: 'breached',
      remainingMs: -5 * 60_000,
    });
  });

  it('shows a paused clock with the service time it has left, and stopped clocks as met or breached', () => {
    expect(
      readClock(clock({ state: 'paused', dueAt: null, warnAt: null, elapsedMinutes: 40 }), now),
    ).toMatchObject({
      level: 'paused',
      remainingMs: 20 * 60_000,
    });
    expect(readClock(clock({ state: 'met', stoppedAt: at(-3) }), now)).toMatchObject({
      level: 'met',
      remainingMs: null,
    });
    expect(readClock(clock({ state: 'breached', stoppedAt: at(-3), breachedAt: at(-10) }), now).level).toBe(
      'breached',
    );
  });
});

describe('currentClock', () => {
  it('follows acknowledgement first, then restore, then resolve; none once all have stopped', () => {
    const ack = clock({ metric: 'ack', state: 'met', stoppedAt: at(-50) });
    const restore = clock({ metric: 'restore', dueAt: at(100) });
    const resolve = clock({ metric: 'resolve', dueAt: at(300) });
    expect(currentClock([resolve, clock({ metric: 'ack' }), restore], now)?.clock.metric).toBe('ack');
    expect(currentClock([ack, restore, resolve], now)?.clock.metric).toBe('restore');
    expect(
      currentClock([ack, { ...restore, state: 'met', stoppedAt: at(-1) }, resolve], now)?.clock.metric,
    ).toBe('resolve');
    expect(currentClock([ack], now)).toBeNull();
  });

  it('sorts overdue before soon due, and paused or no clock last', () => {
    const overdue = urgencyKey(readClock(clock({ dueAt: at(-1) }), now));
    const soon = urgencyKey(readClock(clock({ dueAt: at(5) }), now));
    const paused = urgencyKey(readClock(clock({ state: 'paused', dueAt: null }), now));
    expect(overdue).toBeLessThan(soon);
    expect(soon).toBeLessThan(paused);
    expect(paused).toBeLessThan(urgencyKey(null));
  });
});

describe('formatDuration', () => {
  it('writes minutes and seconds, hours when needed, and days apart', () => {
    expect(formatDuration(65_000)).toEqual({ days: 0, clock: '01:05' });
    expect(formatDuration(-(3600_000 + 2_000))).toEqual({ days: 0, clock: '01:00:02' });
    expect(formatDuration(2 * 86_400_000 + 3 * 3600_000)).toEqual({ days: 2, clock: '03:00:00' });
  });
});
