import type { Incident, Priority, SlaClock } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { boardOrder } from './board-order';

const now = Date.parse('2026-11-23T12:00:00Z');

function incident(id: number, priority: Priority, ackDueInMinutes: number | 'paused'): Incident {
  const clock: SlaClock = {
    metric: 'ack',
    state: ackDueInMinutes === 'paused' ? 'paused' : 'running',
    targetMinutes: 60,
    dueAt: ackDueInMinutes === 'paused' ? null : new Date(now + ackDueInMinutes * 60_000).toISOString(),
    warnAt: null,
    elapsedMinutes: 10,
    pausedMinutes: 0,
    stoppedAt: null,
    breachedAt: null,
  };
  // Only the fields the order reads matter here; the rest comes from a minimal valid-looking shape.
  return { id, priority, slaClocks: [clock] } as Incident;
}

describe('boardOrder', () => {
  it('puts higher priorities first, then the least time left, paused last within a priority', () => {
    const ordered = boardOrder(
      [
        incident(1, 'P3', 5),
        incident(2, 'P1', 50),
        incident(3, 'P1', -2),
        incident(4, 'P1', 'paused'),
        incident(5, 'P0', 120),
        incident(6, 'P1', 10),
      ],
      now,
    );
    expect(ordered.map((item) => item.id)).toEqual([5, 3, 6, 2, 4, 1]);
  });
});
