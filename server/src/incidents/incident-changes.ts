import type { FieldChange, TimelineValue } from '@vigie/shared';
import type { Incident } from './incident.entity.js';

/** An incident's editable fields as the timeline shows them: names, not ids. Collections must be loaded. */
export function displayedFields(incident: Incident): Record<string, TimelineValue> {
  const names = (items: { name: string }[]) => items.map((item) => item.name).sort();
  return {
    title: incident.title,
    description: incident.description,
    category: incident.category ?? null,
    origin: incident.origin,
    impact: incident.impact,
    urgency: incident.urgency,
    major: incident.major,
    priority: incident.priority,
    site: incident.site?.code ?? null,
    room: incident.room?.name ?? null,
    racks: names(incident.racks.getItems()),
    devices: names(incident.devices.getItems()),
    tenants: names(incident.tenants.getItems()),
    tenantsDerived: incident.tenantsDerived,
    assignee: incident.assignee?.displayName ?? null,
    workaround: incident.workaround ?? null,
    rootCause: incident.rootCause ?? null,
  };
}

/** The fields that differ between two snapshots, in snapshot order. */
export function changedFields(
  before: Record<string, TimelineValue>,
  after: Record<string, TimelineValue>,
  skip: readonly string[] = [],
): FieldChange[] {
  return Object.keys(after)
    .filter((field) => !skip.includes(field))
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]))
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}
