import type { Incident as IncidentDto, IncidentTenantRef, TimelineEntry } from '@vigie/shared';
import type { WriteContext } from '../database/writer.js';
import { liveRooms } from '../realtime/live-rooms.js';
import { redactIncidentFor } from './incident.mapper.js';

/**
 * Announces an incident change: the full incident to staff, each affected tenant's viewers their
 * own part of it, and `incident.removed` to the viewers of tenants it no longer concerns.
 */
export function announceIncident(
  tx: WriteContext,
  type: 'incident.created' | 'incident.updated',
  incident: IncidentDto,
  previousTenants: readonly IncidentTenantRef[],
): void {
  tx.announce(type, incident, [liveRooms.staff]);
  for (const tenant of incident.tenants) {
    tx.announce(type, redactIncidentFor(incident, tenant.id), [liveRooms.tenant(tenant.id)]);
  }
  for (const tenant of previousTenants) {
    if (!incident.tenants.some((current) => current.id === tenant.id)) {
      tx.announce('incident.removed', { id: incident.id }, [liveRooms.tenant(tenant.id)]);
    }
  }
}

/** A note goes to staff; to the affected tenants' viewers only when it is marked visible to the client. */
export function announceNote(tx: WriteContext, incident: IncidentDto, entry: TimelineEntry): void {
  const clientVisible = entry.kind === 'note' && entry.details.clientVisible === true;
  const tenantRooms = clientVisible ? incident.tenants.map((tenant) => liveRooms.tenant(tenant.id)) : [];
  const rooms = [liveRooms.staff, ...tenantRooms];
  tx.announce('incident.note-added', { incidentId: incident.id, entry }, rooms);
}
