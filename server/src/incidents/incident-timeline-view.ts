import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import {
  isTenantScoped,
  type FieldChange,
  type Page,
  type TimelineEntry,
  type TimelineQuery,
} from '@vigie/shared';
import { keysetPage } from '../common/keyset-page.js';
import type { Actor } from '../common/request-context.js';
import { Device } from '../inventory/device.entity.js';
import { Rack } from '../inventory/rack.entity.js';
import { Tenant } from '../inventory/tenant.entity.js';
import { IncidentTimelineEntry } from './incident-timeline-entry.entity.js';
import type { Incident } from './incident.entity.js';
import { toTimelineEntryDto } from './incident.mapper.js';

/** Field changes that list equipment or tenants by name: a client viewer sees only their own. */
const namedFields = ['tenants', 'racks', 'devices'] as const;
type NamedField = (typeof namedFields)[number];

/** The names a client viewer may read in field changes, per field. */
export type VisibleNames = Record<NamedField, ReadonlySet<string>>;

/**
 * An incident's timeline page as `actor` may read it. Staff read every entry. A client viewer
 * reads transitions, SLA lines, the notes marked visible to the client, and field changes trimmed
 * to their own tenant, devices and racks (and shared racks), as `redactIncidentFor` trims the incident.
 */
export async function timelinePageFor(
  em: EntityManager,
  actor: Actor | undefined,
  incident: Incident,
  query: TimelineQuery,
): Promise<Page<TimelineEntry>> {
  if (!actor || !isTenantScoped(actor.role))
    return keysetPage(em, IncidentTimelineEntry, { incident }, query, toTimelineEntryDto, ['author']);
  const where: FilterQuery<IncidentTimelineEntry> = {
    incident,
    $or: [{ kind: { $ne: 'note' } }, { clientVisible: true }],
  };
  const page = await keysetPage(em, IncidentTimelineEntry, where, query, toTimelineEntryDto, ['author']);
  const visible = await namesVisibleTo(em, actor.tenantId ?? -1, page.items);
  const items = page.items.flatMap((entry) => {
    const redacted = redactTimelineEntry(entry, visible);
    return redacted ? [redacted] : [];
  });
  // The cursor still follows the stored rows, so paging goes on past a page trimmed to nothing.
  return { items, nextCursor: page.nextCursor };
}

/** A timeline entry as a client viewer sees it, or null when nothing of it is theirs to see. */
export function redactTimelineEntry(entry: TimelineEntry, visible: VisibleNames): TimelineEntry | null {
  if (entry.kind === 'note') return entry.details.clientVisible === true ? entry : null;
  if (entry.kind !== 'field_change') return entry;
  const changes = entry.details.changes.flatMap((change): FieldChange[] => {
    if (!isNamedField(change.field)) return [change];
    const names = visible[change.field];
    const keep = (value: FieldChange['from']) =>
      Array.isArray(value) ? value.filter((name) => names.has(name)) : [];
    const trimmed = { field: change.field, from: keep(change.from), to: keep(change.to) };
    return JSON.stringify(trimmed.from) === JSON.stringify(trimmed.to) ? [] : [trimmed];
  });
  return changes.length === 0 ? null : { ...entry, details: { changes } };
}

function isNamedField(field: string): field is NamedField {
  return (namedFields as readonly string[]).includes(field);
}

/** Of the names the entries mention, those of the viewer's tenant, its devices and its or shared racks. */
async function namesVisibleTo(
  em: EntityManager,
  tenantId: number,
  entries: readonly TimelineEntry[],
): Promise<VisibleNames> {
  const mentioned = (field: NamedField) => [
    ...new Set(
      entries.flatMap((entry) =>
        entry.kind === 'field_change'
          ? entry.details.changes
              .filter((change) => change.field === field)
              .flatMap((change) => [change.from, change.to])
              .flatMap((value) => (Array.isArray(value) ? value : []))
          : [],
      ),
    ),
  ];
  const [tenantNames, rackNames, deviceNames] = [
    mentioned('tenants'),
    mentioned('racks'),
    mentioned('devices'),
  ];
  // One after another: the requests share one entity manager.
  const tenants =
    tenantNames.length > 0
      ? await em.find(
          Tenant,
          { id: tenantId, name: { $in: tenantNames } },
          { filters: false, fields: ['name'] },
        )
      : [];
  const racks =
    rackNames.length > 0
      ? await em.find(
          Rack,
          { name: { $in: rackNames }, $or: [{ tenant: tenantId }, { tenant: null }] },
          { filters: false, fields: ['name'] },
        )
      : [];
  const devices =
    deviceNames.length > 0
      ? await em.find(
          Device,
          { name: { $in: deviceNames }, tenant: tenantId },
          { filters: false, fields: ['name'] },
        )
      : [];
  const names = (rows: readonly { name: string }[]) => new Set(rows.map((row) => row.name));
  return { tenants: names(tenants), racks: names(racks), devices: names(devices) };
}
