import type { IncidentStatus } from './incident-status.js';

/** Statuses an incident can be moved to (every status but `new`, which only creation gives). */
export const incidentTargetStatuses = [
  'acknowledged',
  'in_progress',
  'pending',
  'mitigated',
  'resolved',
  'closed',
  'reopened',
  'cancelled',
] as const satisfies readonly IncidentStatus[];
export type IncidentTargetStatus = (typeof incidentTargetStatuses)[number];

/**
 * The lifecycle of DESIGN.md §3: new → acknowledged → in_progress ⇄ pending → mitigated →
 * resolved → closed; resolved → reopened; new/acknowledged → cancelled. Work may also go straight
 * from in_progress to resolved (no workaround needed), come back from mitigated when the
 * workaround fails, and wait (pending) after mitigation for a vendor or a window.
 */
export const allowedIncidentTransitions: Readonly<Record<IncidentStatus, readonly IncidentTargetStatus[]>> = {
  new: ['acknowledged', 'cancelled'],
  acknowledged: ['in_progress', 'cancelled'],
  in_progress: ['pending', 'mitigated', 'resolved'],
  pending: ['in_progress', 'mitigated'],
  mitigated: ['in_progress', 'pending', 'resolved'],
  resolved: ['closed', 'reopened'],
  reopened: ['in_progress', 'pending', 'mitigated', 'resolved'],
  closed: [],
  cancelled: [],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return (allowedIncidentTransitions[from] as readonly IncidentStatus[]).includes(to);
}

/** Statuses in which an incident still needs work (the board's "open"). */
export const openIncidentStatuses = [
  'new',
  'acknowledged',
  'in_progress',
  'pending',
  'mitigated',
  'reopened',
] as const satisfies readonly IncidentStatus[];

export function isOpenIncidentStatus(status: IncidentStatus): boolean {
  return (openIncidentStatuses as readonly IncidentStatus[]).includes(status);
}
