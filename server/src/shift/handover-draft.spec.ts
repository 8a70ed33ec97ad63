import type { SlaClock } from '@vigie/shared';
import { describe, expect, it } from 'vitest';
import { slaStateOf } from './handover-draft.js';

const now = new Date('2026-11-23T12:00:00Z');
const clock = (change: Partial<SlaClock>): SlaClock => ({
  metric: 'resolve',
  state: 'running',
  targetMinutes: 240,
  dueAt: '2026-11-23T14:00:00Z',
  warnAt: '2026-11-23T13:00:00Z',
  elapsedMinutes: 60,
  pausedMinutes: 0,
  stoppedAt: null,
  breachedAt: null,
  ...change,
});

describe('slaStateOf', () => {
  it('reports the worst clock: breached, then warning past 75 %, then on track', () => {
    expect(slaStateOf({ slaClocks: [clock({}), clock({ metric: 'ack', state: 'met' })] }, now)).toBe(
      'on_track',
    );
    expect(slaStateOf({ slaClocks: [clock({ warnAt: '2026-11-23T11:59:00Z' })] }, now)).toBe('warning');
    expect(
      slaStateOf(
        { slaClocks: [clock({ warnAt: '2026-11-23T11:59:00Z' }), clock({ state: 'breached' })] },
        now,
      ),
    ).toBe('breached');
  });

  it('says paused while only paused clocks remain, none without any running clock', () => {
    expect(slaStateOf({ slaClocks: [clock({ state: 'paused', dueAt: null, warnAt: null })] }, now)).toBe(
      'paused',
    );
    expect(slaStateOf({ slaClocks: [clock({ state: 'met' })] }, now)).toBe('none');
    expect(slaStateOf({ slaClocks: [] }, now)).toBe('none');
  });
});
