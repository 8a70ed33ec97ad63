import { describe, expect, it } from 'vitest';
import { incidentStatuses } from './incident-status.js';
import { allowedIncidentTransitions, canTransition, isOpenIncidentStatus } from './incident-transitions.js';

describe('incident transitions', () => {
  it('follows DESIGN §3: ack before work, pending back and forth, resolve then close or reopen', () => {
    expect(canTransition('new', 'acknowledged')).toBe(true);
    expect(canTransition('new', 'in_progress')).toBe(false);
    expect(canTransition('in_progress', 'pending')).toBe(true);
    expect(canTransition('pending', 'in_progress')).toBe(true);
    expect(canTransition('resolved', 'reopened')).toBe(true);
    expect(canTransition('in_progress', 'cancelled')).toBe(false);
  });

  it('ends at closed and cancelled, and never goes back to new', () => {
    expect(allowedIncidentTransitions.closed).toEqual([]);
    expect(allowedIncidentTransitions.cancelled).toEqual([]);
    for (const status of incidentStatuses) expect(canTransition(status, 'new')).toBe(false);
    expect(isOpenIncidentStatus('mitigated')).toBe(true);
    expect(isOpenIncidentStatus('resolved')).toBe(false);
  });
});
