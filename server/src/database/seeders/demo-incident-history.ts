import type { EntityManager, EntityName } from '@mikro-orm/core';
import { Logger } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { isOpenIncidentStatus, type Priority } from '@vigie/shared';
import { User } from '../../auth/user.entity.js';
import { boardRankOf } from '../../incidents/incident-board-rank.js';
import { strictestContract } from '../../incidents/incident-contracts.js';
import { defaultIncidentSlaPolicy } from '../../incidents/incident-default-sla-policy.js';
import { IncidentSlaClock } from '../../incidents/incident-sla-clock.entity.js';
import { IncidentTimelineEntry } from '../../incidents/incident-timeline-entry.entity.js';
import { Incident } from '../../incidents/incident.entity.js';
import { createServiceCalendar } from '../../incidents/sla/service-calendar.js';
import { computeSlaClocks } from '../../incidents/sla/sla-clocks.js';
import { nextDueOf, slaHolidayDates } from '../../incidents/sla/sla-horizon.js';
import type { ComputedSlaClock, ServiceCalendar } from '../../incidents/sla/sla-engine.types.js';
import { Contract } from '../../inventory/contract.entity.js';
import { Site } from '../../inventory/site.entity.js';
import { demoCatalogue } from './demo-device-catalogue.js';
import { clockEventsOf } from './demo-incident-history-clocks.js';
import { planIncidentHistory, type HistoryInventory, type SlaTerms } from './demo-incident-history-plan.js';
import type { DemoAuthor, PlannedEntry, PlannedIncident } from './demo-incident-history-timeline.js';
import type { SeededRandom } from './seeded-random.js';
import { nativeClientOf } from '../native-database.js';

export interface DemoIncidentCounts {
  incidents: number;
  open: number;
  timelineEntries: number;
}

const roleOfSlug = new Map(demoCatalogue.map((entry) => [entry.slug, entry.role]));
const isoDate = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/** The stored demo site, as incidents may affect it: racked equipment that is in service. */
function readInventory(db: Database, site: Site): HistoryInventory {
  const rows = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
  const devices = rows<{ id: number; name: string; rackId: number; tenantId: number | null; slug: string }>(
    `select d.id, d.name, d.rack_id as rackId, d.tenant_id as tenantId, t.slug from device d
     join device_type t on t.id = d.device_type_id join rack r on r.id = d.rack_id join room m on m.id = r.room_id
     where m.site_id = ? and r.status in ('active', 'reserved') and d.status in ('active', 'failed', 'offline')
     order by d.id`,
    site.id,
  );
  return {
    timeZone: site.timeZone,
    tenants: rows('select id, code from tenant order by id'),
    rooms: rows('select id, name from room where site_id = ? order by id', site.id),
    racks: rows(
      `select r.id, r.name, r.room_id as roomId, r.row_label as rowLabel, r.tenant_id as tenantId from rack r
       join room m on m.id = r.room_id where m.site_id = ? and r.status in ('active', 'reserved') order by r.id`,
      site.id,
    ),
    devices: devices.flatMap(({ slug, ...device }) => {
      const role = roleOfSlug.get(slug);
      return role ? [{ ...device, role }] : [];
    }),
  };
}

/**
 * The clocks' terms exactly as the incident service chooses them at `now`: the strictest contract in
 * force among the tenants for the priority, its calendar with the stored holidays (as far ahead as
 * the service reads them), or the internal policy round the clock.
 */
async function slaTermsAt(
  em: EntityManager,
  site: Site,
  now: Date,
): Promise<(tenantIds: readonly number[], priority: Priority) => SlaTerms & { contract: Contract | null }> {
  const today = isoDate(now.getTime());
  const contracts = (await em.find(Contract, {}, { filters: false, orderBy: { id: 'asc' } })).filter(
    (contract) => contract.startsOn <= today && (contract.endsOn == null || contract.endsOn >= today),
  );
  // Every opening of the history is in the past: from the epoch on, earlier dates are harmless.
  const holidays = await slaHolidayDates(em, site.countryCode, new Date(0), now);
  const calendars = new Map<number | null, ServiceCalendar>();
  const calendarOf = (contract: Contract | null): ServiceCalendar => {
    const key = contract?.id ?? null;
    let calendar = calendars.get(key);
    if (!calendar) {
      const businessHours = contract?.serviceHours === 'business_hours';
      calendar = createServiceCalendar({
        timeZone: site.timeZone,
        serviceHours: contract?.serviceHours ?? '24x7',
        businessHours: contract?.businessHours ?? null,
        holidays: businessHours ? holidays : [],
      });
      calendars.set(key, calendar);
    }
    return calendar;
  };
  return (tenantIds, priority) => {
    const contract = strictestContract(
      contracts.filter((candidate) => tenantIds.includes(candidate.tenant.id)),
      priority,
    );
    return {
      contract,
      policy: contract?.slaPolicy ?? defaultIncidentSlaPolicy,
      calendar: calendarOf(contract),
    };
  };
}

/** A warning or breach crossed before the clock stopped (or before now): the SLA watcher would have recorded it. */
function crossings(clock: ComputedSlaClock, now: Date): { warnedAt: Date | null; breachedAt: Date | null } {
  const horizon = (clock.stoppedAt ?? now).getTime();
  return {
    warnedAt: clock.warnAt && clock.warnAt.getTime() <= horizon ? clock.warnAt : null,
    breachedAt: clock.breachedAt,
  };
}

/** The watcher's lines for the crossings, and the escalation level they raise. */
function slaEntries(
  clocks: readonly ComputedSlaClock[],
  now: Date,
): { entries: PlannedEntry[]; level: number } {
  const entries: PlannedEntry[] = [];
  const crossed = clocks.map((clock) => ({ clock, ...crossings(clock, now) }));
  for (const { clock, warnedAt } of crossed) {
    if (warnedAt)
      entries.push({
        kind: 'sla_warning',
        at: warnedAt,
        author: null,
        details: { metric: clock.metric, dueAt: (clock.dueAt ?? warnedAt).toISOString() },
      });
  }
  let level = 0;
  const breaches = crossed
    .filter((crossing) => crossing.breachedAt !== null)
    .sort((a, b) => a.breachedAt!.getTime() - b.breachedAt!.getTime());
  for (const { clock, breachedAt } of breaches) {
    level += 1;
    const at = breachedAt!;
    entries.push({
      kind: 'sla_breach',
      at,
      author: null,
      details: { metric: clock.metric, dueAt: at.toISOString() },
    });
    entries.push({ kind: 'escalation', at, author: null, details: { level, metric: clock.metric } });
  }
  return { entries, level };
}

/** A value as the ORM stores it on SQLite: datetimes in epoch ms, booleans as 0/1, JSON as text. */
function columnValue(value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Writes rows keyed by property name (relations by id) with one prepared statement: the ORM's
 * metadata names the table and columns, and a flush of thousands of entities would take seconds.
 */
function insertRows<T extends object>(
  db: Database,
  em: EntityManager,
  entity: EntityName<T>,
  rows: object[],
): void {
  if (rows.length === 0) return;
  const meta = em.getMetadata().get(entity);
  const properties = Object.keys(rows[0]!);
  const columns = properties.map((property) => {
    const column = meta.properties[property as keyof typeof meta.properties]?.fieldNames[0];
    if (!column) throw new Error(`${meta.className} has no column for ${property}`);
    return `"${column}"`;
  });
  const insert = db.prepare(
    `insert into "${meta.tableName}" (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
  );
  for (const row of rows)
    insert.run(properties.map((property) => columnValue(row[property as keyof typeof row])));
}

/** Rows of an owning many-to-many collection of incidents, written to its pivot table. */
function insertPivot(
  db: Database,
  em: EntityManager,
  property: 'racks' | 'devices' | 'tenants',
  pairs: number[][],
) {
  const meta = em.getMetadata().get(Incident).properties[property];
  const insert = db.prepare(
    `insert into "${meta.pivotTable}" ("${meta.joinColumns[0]}", "${meta.inverseJoinColumns[0]}") values (?, ?)`,
  );
  for (const pair of pairs) insert.run(pair);
}

/**
 * A year of incidents before `now` and the board's open ones, with timelines and SLA clocks, on
 * the demo site already flushed in `em`'s transaction. Clocks are the SLA engine's, computed from
 * each timeline with the terms the incident service would use, so a recomputation gives the same.
 * Written with prepared statements, not entity flushes, so the demo start stays within a few seconds.
 */
export async function createDemoIncidentHistory(
  em: EntityManager,
  random: SeededRandom,
  now: Date,
): Promise<DemoIncidentCounts> {
  const started = Date.now();
  const site = await em.findOneOrFail(Site, { code: 'PAR1' }, { filters: false });
  const users = await em.find(User, { username: { $in: ['admin', 'coordinator', 'technician'] } });
  const userId = (username: DemoAuthor | null) =>
    username === null ? null : (users.find((user) => user.username === username)?.id ?? null);
  const termsFor = await slaTermsAt(em, site, now);
  const wallClock = createServiceCalendar({
    timeZone: site.timeZone,
    serviceHours: '24x7',
    businessHours: null,
    holidays: [],
  });
  const db = await nativeClientOf(em);
  const plan = planIncidentHistory({ inventory: readInventory(db, site), termsFor, wallClock, now, random });
  const planned = Date.now();

  // Explicit ids in opening order: references (derived from ids) follow time.
  const [last] = await em.find(
    Incident,
    {},
    { filters: false, orderBy: { id: 'desc' }, limit: 1, fields: ['id'] },
  );
  const firstId = (last?.id ?? 0) + 1;
  const idOf = new Map<PlannedIncident, number>(plan.map((incident, index) => [incident, firstId + index]));

  const incidents: object[] = [];
  const entries: object[] = [];
  const clocks: object[] = [];
  const pivots = { racks: [] as number[][], devices: [] as number[][], tenants: [] as number[][] };
  let open = 0;
  for (const incident of plan) {
    const id = idOf.get(incident)!;
    const terms = termsFor(incident.tenantIds, incident.priority);
    const computed = computeSlaClocks({
      openedAt: incident.openedAt,
      initialPriority: incident.initialPriority,
      events: clockEventsOf(incident.entries),
      policy: terms.policy,
      calendar: terms.calendar,
      now,
    });
    const watcher = slaEntries(computed, now);
    // Stable: at the same instant the recorded change comes before the watcher's line.
    const timeline = [...incident.entries, ...watcher.entries].sort(
      (a, b) => a.at.getTime() - b.at.getTime(),
    );
    const lastChange = timeline[timeline.length - 1]!;
    const nextDueAt = nextDueOf(computed);
    if (isOpenIncidentStatus(incident.status)) open += 1;
    incidents.push({
      id,
      title: incident.title,
      description: incident.description,
      category: incident.category,
      origin: incident.origin,
      impact: incident.impact,
      urgency: incident.urgency,
      major: incident.major,
      priority: incident.priority,
      status: incident.status,
      pendingReason: incident.pendingReason,
      resolutionCode: incident.resolutionCode,
      solution: incident.solution,
      cancellationReason: incident.cancellationReason,
      duplicateOf: incident.duplicateOf ? idOf.get(incident.duplicateOf)! : null,
      site: site.id,
      room: incident.roomId,
      tenantsDerived: true,
      assignee: userId(incident.assignee),
      workaround: incident.workaround,
      rootCause: incident.rootCause,
      escalationLevel: watcher.level,
      slaContractId: terms.contract?.id ?? null,
      boardRank: boardRankOf(incident.priority, nextDueAt),
      nextDueAt,
      openedAt: incident.openedAt,
      acknowledgedAt: incident.acknowledgedAt,
      mitigatedAt: incident.mitigatedAt,
      resolvedAt: incident.resolvedAt,
      closedAt: incident.closedAt,
      cancelledAt: incident.cancelledAt,
      createdBy: userId(incident.createdBy),
      updatedBy: userId(lastChange.author),
      // Each recorded change moved the version on.
      version: timeline.filter((entry) => entry.kind !== 'note').length,
      createdAt: incident.openedAt,
      updatedAt: lastChange.at,
    });
    for (const entry of timeline) {
      const details =
        entry.kind === 'transition' && entry.details.to === 'cancelled' && incident.duplicateOf
          ? { ...entry.details, duplicateOfId: idOf.get(incident.duplicateOf)! }
          : entry.details;
      entries.push({ incident: id, at: entry.at, author: userId(entry.author), kind: entry.kind, details });
    }
    for (const clock of computed) {
      const { warnedAt, breachedAt } = crossings(clock, now);
      clocks.push({
        incident: id,
        metric: clock.metric,
        state: clock.state,
        targetMinutes: clock.targetMinutes,
        dueAt: clock.dueAt,
        warnAt: clock.warnAt,
        elapsedMinutes: clock.elapsedMinutes,
        pausedMinutes: clock.pausedMinutes,
        stoppedAt: clock.stoppedAt,
        breachedAt: clock.breachedAt,
        warningRecordedAt: warnedAt,
        breachRecordedAt: breachedAt,
      });
    }
    for (const rackId of incident.rackIds) pivots.racks.push([id, rackId]);
    for (const deviceId of incident.deviceIds) pivots.devices.push([id, deviceId]);
    for (const tenantId of incident.tenantIds) pivots.tenants.push([id, tenantId]);
  }

  insertRows(db, em, Incident, incidents);
  insertRows(db, em, IncidentTimelineEntry, entries);
  insertRows(db, em, IncidentSlaClock, clocks);
  insertPivot(db, em, 'racks', pivots.racks);
  insertPivot(db, em, 'devices', pivots.devices);
  insertPivot(db, em, 'tenants', pivots.tenants);
  const counts = { incidents: plan.length, open, timelineEntries: entries.length };
  new Logger('DemoData').log(
    `Incident history: ${counts.incidents} incidents (${counts.open} open), ${counts.timelineEntries} timeline ` +
      `entries in ${Date.now() - started} ms (planned in ${planned - started} ms)`,
  );
  return counts;
}
