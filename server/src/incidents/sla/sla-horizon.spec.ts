import { describe, expect, it } from 'vitest';
import { nextDueOf } from './sla-horizon.js';

const at = (iso: string) => new Date(iso);

describe('nextDueOf', () => {
  it('is the nearest due time of the clocks still counting, breached ones included', () => {
    expect(
      nextDueOf([
        { state: 'running', dueAt: at('2026-11-23T12:00:00Z'), stoppedAt: null },
        { state: 'breached', dueAt: at('2026-11-23T10:00:00Z'), stoppedAt: null },
        { state: 'running', dueAt: at('2026-11-23T11:00:00Z') },
      ]),
    ).toEqual(at('2026-11-23T10:00:00Z'));
  });

  it('skips met, paused and stopped clocks, and is null when none counts', () => {
    expect(
      nextDueOf([
        { state: 'met', dueAt: at('2026-11-23T08:00:00Z'), stoppedAt: at('2026-11-23T07:00:00Z') },
        { state: 'paused', dueAt: at('2026-11-23T09:00:00Z'), stoppedAt: null },
        { state: 'breached', dueAt: at('2026-11-23T09:30:00Z'), stoppedAt: at('2026-11-23T10:00:00Z') },
        { state: 'running', dueAt: at('2026-11-23T13:00:00Z'), stoppedAt: null },
      ]),
    ).toEqual(at('2026-11-23T13:00:00Z'));
    expect(nextDueOf([{ state: 'paused', dueAt: at('2026-11-23T09:00:00Z'), stoppedAt: null }])).toBeNull();
    expect(nextDueOf([{ state: 'running', dueAt: null, stoppedAt: null }])).toBeNull();
  });
});
