import { slaClockSchema } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { createServiceCalendar } from './service-calendar.js';
import { nextSlaThresholdAt, toSlaClock } from './sla-clock-wire.js';
import { computeSlaClocks } from './sla-clocks.js';

const target = { ackMinutes: 60, restoreMinutes: 240, resolveMinutes: 480 };
const policy = { P0: target, P1: target, P2: target, P3: target, P4: target };
const calendar = createServiceCalendar({
  timeZone: 'UTC',
  serviceHours: '24x7',
  businessHours: null,
  holidays: [],
});
const openedAt = new Date('2026-11-23T09:00:00Z');
const compute = (now: string) =>
  computeSlaClocks({ openedAt, initialPriority: 'P2', events: [], policy, calendar, now: new Date(now) });

describe('toSlaClock', () => {
  it('gives clocks that the shared schema accepts, with ISO times', () => {
    const [ack] = compute('2026-11-23T10:30:00Z').map(toSlaClock);
    expect(slaClockSchema.parse(ack)).toEqual({
      metric: 'ack',
      state: 'breached',
      targetMinutes: 60,
      dueAt: '2026-11-23T10:00:00.000Z',
      warnAt: '2026-11-23T09:45:00.000Z',
      elapsedMinutes: 90,
      pausedMinutes: 0,
      stoppedAt: null,
      breachedAt: '2026-11-23T10:00:00.000Z',
    });
  });
});

describe('nextSlaThresholdAt', () => {
  it('is the nearest warning or due time ahead among running clocks', () => {
    expect(nextSlaThresholdAt(compute('2026-11-23T09:10:00Z'), new Date('2026-11-23T09:10:00Z'))).toEqual(
      new Date('2026-11-23T09:45:00Z'),
    );
    // Once ack has breached, the next threshold is restore's warning (75 % of 240 min).
    expect(nextSlaThresholdAt(compute('2026-11-23T10:30:00Z'), new Date('2026-11-23T10:30:00Z'))).toEqual(
      new Date('2026-11-23T12:00:00Z'),
    );
    expect(nextSlaThresholdAt([], new Date())).toBeNull();
  });
});
