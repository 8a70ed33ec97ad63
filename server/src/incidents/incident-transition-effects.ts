import type { EntityManager } from '@mikro-orm/core';
import {
  allowedIncidentTransitions,
  canTransition,
  type IncidentStatus,
  type IncidentTransition,
} from '@vigie/shared';
import { DomainError } from '../common/domain-error.js';
import { openRunsOf } from '../runs/run.repository.js';
import { assignableUser } from './incident-assignee.js';
import { loadOne } from './incident-equipment.js';
import { Incident } from './incident.entity.js';

function ruleViolation(path: string, message: string): DomainError {
  return new DomainError('rule_violation', message, { fields: [{ path, message }] });
}

/** 422 unless the lifecycle allows the change, naming the allowed targets; and no resolving over a running procedure. */
export async function checkTransition(
  em: EntityManager,
  incident: Incident,
  to: IncidentStatus,
): Promise<void> {
  const from = incident.status;
  if (!canTransition(from, to)) {
    const allowed = allowedIncidentTransitions[from];
    const list = allowed.length > 0 ? allowed.join(', ') : 'none';
    throw new DomainError('rule_violation', `An incident cannot go from ${from} to ${to}; allowed: ${list}`, {
      fields: [{ path: 'to', message: `allowed from ${from}: ${list}` }],
    });
  }
  if (to === 'resolved' || to === 'closed') {
    const [open] = await openRunsOf(em, { kind: 'incident', id: incident.id });
    if (open) {
      throw ruleViolation(
        'to',
        `Procedure run #${open.id} of this incident is still in progress: complete or abort it first`,
      );
    }
  }
}

/**
 * Applies what a transition brings to the incident (times, reasons, resolution, workaround) and
 * returns the details its timeline entry records.
 */
export async function applyTransition(
  em: EntityManager,
  incident: Incident,
  change: IncidentTransition,
  at: Date,
): Promise<Record<string, unknown>> {
  const details: Record<string, unknown> = { from: incident.status, to: change.to };
  if (change.comment) details.comment = change.comment;
  if (incident.status === 'pending') incident.pendingReason = null;
  switch (change.to) {
    case 'acknowledged':
      incident.acknowledgedAt ??= at;
      if (change.assigneeId !== undefined) incident.assignee = await assignableUser(em, change.assigneeId);
      break;
    case 'in_progress':
      break;
    case 'pending':
      incident.pendingReason = change.pendingReason;
      details.pendingReason = change.pendingReason;
      break;
    case 'mitigated': {
      const workaround = change.workaround ?? incident.workaround;
      if (!workaround)
        throw ruleViolation('workaround', 'Describe the workaround in place to mark the incident mitigated');
      incident.workaround = workaround;
      incident.mitigatedAt = at;
      details.workaround = workaround;
      break;
    }
    case 'resolved':
      incident.resolutionCode = change.resolutionCode;
      incident.solution = change.solution;
      if (change.rootCause) incident.rootCause = change.rootCause;
      incident.resolvedAt = at;
      details.resolutionCode = change.resolutionCode;
      details.solution = change.solution;
      break;
    case 'closed':
      incident.closedAt = at;
      break;
    case 'reopened':
      // The earlier resolution did not hold: it stays in the timeline, not on the incident.
      incident.resolutionCode = null;
      incident.solution = null;
      incident.resolvedAt = null;
      break;
    case 'cancelled':
      if (change.duplicateOfId !== undefined) {
        if (change.duplicateOfId === incident.id)
          throw ruleViolation('duplicateOfId', 'An incident cannot duplicate itself');
        incident.duplicateOf = await loadOne(em, Incident, change.duplicateOfId, 'duplicateOfId', 'incident');
        details.duplicateOfId = change.duplicateOfId;
      }
      incident.cancellationReason = change.cancellationReason;
      incident.cancelledAt = at;
      details.cancellationReason = change.cancellationReason;
      break;
  }
  incident.status = change.to;
  return details;
}
