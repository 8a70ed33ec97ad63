import type { Incident as IncidentDto, SlaClock, TimelineEntry, UserRef } from '@vigie/shared';
import type { User } from '../auth/user.entity.js';
import type { Contract } from '../inventory/contract.entity.js';
import type { IncidentSlaClock } from './incident-sla-clock.entity.js';
import type { IncidentTimelineEntry } from './incident-timeline-entry.entity.js';
import type { Incident } from './incident.entity.js';
import { incidentReferenceOf } from './incident-reference.js';

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

export function toUserRef(user: User | null | undefined): UserRef | null {
  return user ? { id: user.id, displayName: user.displayName } : null;
}

export function toSlaClockDto(clock: IncidentSlaClock): SlaClock {
  return {
    metric: clock.metric,
    state: clock.state,
    targetMinutes: clock.targetMinutes,
    dueAt: iso(clock.dueAt),
    warnAt: iso(clock.warnAt),
    elapsedMinutes: clock.elapsedMinutes,
    pausedMinutes: clock.pausedMinutes,
    stoppedAt: iso(clock.stoppedAt),
    breachedAt: iso(clock.breachedAt),
  };
}

const byId = <T extends { id: number }>(a: T, b: T) => a.id - b.id;

/** The full incident as staff see it; relations, racks, devices and tenants must be loaded. */
export function toIncidentDto(
  incident: Incident,
  clocks: readonly IncidentSlaClock[],
  slaContract: Contract | null,
): IncidentDto {
  return {
    id: incident.id,
    reference: incidentReferenceOf(incident.id),
    title: incident.title,
    description: incident.description,
    category: incident.category ?? null,
    origin: incident.origin,
    impact: incident.impact,
    urgency: incident.urgency,
    major: incident.major,
    priority: incident.priority,
    status: incident.status,
    pendingReason: incident.pendingReason ?? null,
    resolutionCode: incident.resolutionCode ?? null,
    solution: incident.solution ?? null,
    cancellationReason: incident.cancellationReason ?? null,
    duplicateOfId: incident.duplicateOf?.id ?? null,
    sourceRunId: incident.sourceRun?.id ?? null,
    site: incident.site ? { id: incident.site.id, code: incident.site.code, name: incident.site.name } : null,
    room: incident.room ? { id: incident.room.id, name: incident.room.name } : null,
    racks: incident.racks
      .getItems()
      .map((rack) => ({ id: rack.id, name: rack.name, tenantId: rack.tenant?.id ?? null }))
      .sort(byId),
    devices: incident.devices
      .getItems()
      .map((device) => ({
        id: device.id,
        name: device.name,
        tenantId: device.tenant?.id ?? null,
        rackId: device.rack?.id ?? null,
      }))
      .sort(byId),
    tenants: incident.tenants
      .getItems()
      .map((tenant) => ({ id: tenant.id, code: tenant.code, name: tenant.name }))
      .sort(byId),
    tenantsDerived: incident.tenantsDerived,
    assignee: toUserRef(incident.assignee),
    workaround: incident.workaround ?? null,
    rootCause: incident.rootCause ?? null,
    escalationLevel: incident.escalationLevel,
    slaClocks: [...clocks].sort((a, b) => metricOrder(a) - metricOrder(b)).map(toSlaClockDto),
    slaContract: slaContract
      ? { id: slaContract.id, reference: slaContract.reference, tenantId: slaContract.tenant.id }
      : null,
    nextDueAt: iso(incident.nextDueAt),
    openedAt: incident.openedAt.toISOString(),
    acknowledgedAt: iso(incident.acknowledgedAt),
    mitigatedAt: iso(incident.mitigatedAt),
    resolvedAt: iso(incident.resolvedAt),
    closedAt: iso(incident.closedAt),
    cancelledAt: iso(incident.cancelledAt),
    createdBy: toUserRef(incident.createdBy),
    version: incident.version,
    updatedAt: incident.updatedAt.toISOString(),
    updatedBy: toUserRef(incident.updatedBy),
  };
}

const metricOrder = (clock: IncidentSlaClock) => ['ack', 'restore', 'resolve'].indexOf(clock.metric);

/**
 * What a client viewer of `tenantId` may see of an incident: their own tenant, devices and racks
 * (and shared racks), nothing that names another client; the driving contract only if it is theirs.
 */
export function redactIncidentFor(incident: IncidentDto, tenantId: number): IncidentDto {
  return {
    ...incident,
    tenants: incident.tenants.filter((tenant) => tenant.id === tenantId),
    devices: incident.devices.filter((device) => device.tenantId === tenantId),
    racks: incident.racks.filter((rack) => rack.tenantId === null || rack.tenantId === tenantId),
    slaContract: incident.slaContract?.tenantId === tenantId ? incident.slaContract : null,
  };
}

export function toTimelineEntryDto(entry: IncidentTimelineEntry): TimelineEntry {
  return {
    id: entry.id,
    incidentId: entry.incident.id,
    at: entry.at.toISOString(),
    author: toUserRef(entry.author),
    kind: entry.kind,
    details: entry.kind === 'note' ? { ...entry.details, clientVisible: entry.clientVisible } : entry.details,
  } as TimelineEntry;
}
