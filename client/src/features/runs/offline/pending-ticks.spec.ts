import { describe, expect, it } from 'vitest';
import { pendingTicksOf } from './pending-ticks';
import type { QueuedTick } from './tick-store';

let nextId = 1;
function tick(userId: number, runId: number, state: QueuedTick['state']): QueuedTick {
  const id = nextId++;
  return {
    id,
    idempotencyKey: `key-${id}`,
    userId,
    runId,
    stepId: `step-${id}`,
    body: { outcome: 'done', deviceTime: '2026-01-01T00:00:00.000Z' },
    evidence: [],
    state,
    conflict:
      state === 'conflict' ? { status: 409, code: 'conflict', message: 'taken', current: null } : null,
    attempts: 0,
  };
}

describe('pendingTicksOf', () => {
  const ticks = [tick(1, 7, 'queued'), tick(2, 7, 'queued'), tick(1, 9, 'conflict'), tick(1, 7, 'queued')];

  it('counts only the signed-in user’s ticks, waiting and refused apart, with their runs in order', () => {
    expect(pendingTicksOf(ticks, 1)).toEqual({ waiting: 2, refused: 1, runIds: [7, 9] });
    expect(pendingTicksOf(ticks, 2)).toEqual({ waiting: 1, refused: 0, runIds: [7] });
    expect(pendingTicksOf(ticks, 3)).toEqual({ waiting: 0, refused: 0, runIds: [] });
  });

  it('narrows to one run', () => {
    expect(pendingTicksOf(ticks, 1, 9)).toEqual({ waiting: 0, refused: 1, runIds: [9] });
  });
});
