import {
  incidentOrigins,
  type IncidentOrigin,
  type IncidentStatus,
  type MajorIncident,
  type Priority,
  type ProcedureCategory,
  type SteeringFigures,
} from '@vigie/shared';
import { incidentReferenceOf } from '../../incidents/incident-reference.js';
import type { FigureQuery } from '../report-query.js';
import {
  byPriorityOf,
  inScope,
  iso,
  isoOrNull,
  msPerMinute,
  paramsOf,
  prepared,
  round,
} from './incident-sql.js';

/** Incidents opened in the window. */
export const openedSql = (scope: FigureQuery['scope']) => `
  from incident i where i.opened_at >= @start and i.opened_at < @end and ${inScope(scope)}`;

// One pass grouped by every dimension the report splits by; the few groups are folded below.
const volumeSql = (scope: FigureQuery['scope']) => `
  select i.priority, i.origin, i.category, i.room_id, r.name as room_name, count(*) as n
  from incident i left join room r on r.id = i.room_id
  where i.opened_at >= @start and i.opened_at < @end and ${inScope(scope)}
  group by i.priority, i.origin, i.category, i.room_id`;

interface VolumeRow {
  priority: Priority;
  origin: IncidentOrigin;
  category: ProcedureCategory | null;
  room_id: number | null;
  room_name: string | null;
  n: number;
}

type Volume = SteeringFigures['volume'];

/** Most frequent first, ties by name (nulls last) so the order is stable. */
function ranked<K>(counts: Map<K, number>, nameOf: (key: K) => string | null): { key: K; count: number }[] {
  return [...counts.entries()]
    .map(([key, count]) => ({ key, count }))
    .sort(
      (a, b) => b.count - a.count || (nameOf(a.key) ?? '\uffff').localeCompare(nameOf(b.key) ?? '\uffff'),
    );
}

export function volumeFigures(query: FigureQuery): Volume {
  const rows = prepared(query.db, volumeSql(query.scope)).all(
    paramsOf(query.scope, query.window),
  ) as VolumeRow[];
  const byPriority = byPriorityOf(() => 0);
  const byOrigin = Object.fromEntries(incidentOrigins.map((origin) => [origin, 0])) as Volume['byOrigin'];
  const byCategory = new Map<ProcedureCategory | null, number>();
  const rooms = new Map<number | null, { name: string | null; count: number }>();
  let total = 0;
  for (const row of rows) {
    total += row.n;
    byPriority[row.priority] += row.n;
    byOrigin[row.origin] += row.n;
    byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + row.n);
    const room = rooms.get(row.room_id) ?? { name: row.room_name, count: 0 };
    room.count += row.n;
    rooms.set(row.room_id, room);
  }
  const roomCounts = new Map([...rooms.entries()].map(([id, room]) => [id, room.count]));
  return {
    total,
    major: byPriority.P0,
    byPriority,
    byOrigin,
    byCategory: ranked(byCategory, (category) => category).map(({ key, count }) => ({
      category: key,
      count,
    })),
    byRoom: ranked(roomCounts, (id) => (id === null ? null : (rooms.get(id)?.name ?? null))).map(
      ({ key, count }) => ({
        room: key === null ? null : { id: key, name: rooms.get(key)?.name ?? '' },
        count,
      }),
    ),
  };
}

interface MajorRow {
  id: number;
  title: string;
  priority: Priority;
  status: IncidentStatus;
  opened_at: number;
  restored_at: number | null;
  resolved_at: number | null;
  root_cause: string | null;
  workaround: string | null;
  total: number;
}

/** Major (P0) incidents opened in the window, with their restore clock's stop. */
export const majorSql = (scope: FigureQuery['scope']) => `
  from incident i
  left join incident_sla_clock rc on rc.incident_id = i.id and rc.metric = 'restore'
  where i.priority = 'P0' and i.opened_at >= @start and i.opened_at < @end and ${inScope(scope)}`;

const majorListSql = (scope: FigureQuery['scope']) => `
  select i.id, i.title, i.priority, i.status, i.opened_at, rc.stopped_at as restored_at, i.resolved_at,
    i.root_cause, i.workaround, count(*) over () as total
  ${majorSql(scope)}
  order by i.opened_at desc, i.id desc
  limit @cap`;

/** Opened → restored, or → the end of the window (or now) while not restored. */
export function majorDurationMinutes(openedAt: number, restoredAt: number | null, until: number): number {
  return round(Math.max(0, (restoredAt ?? until) - openedAt) / msPerMinute);
}

export function majorList(query: FigureQuery, cap: number): { items: MajorIncident[]; total: number } {
  const params = paramsOf(query.scope, query.window);
  const rows = prepared(query.db, majorListSql(query.scope)).all({ ...params, cap }) as MajorRow[];
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      incident: {
        id: row.id,
        reference: incidentReferenceOf(row.id),
        title: row.title,
        priority: row.priority,
      },
      status: row.status,
      openedAt: iso(row.opened_at),
      restoredAt: isoOrNull(row.restored_at),
      resolvedAt: isoOrNull(row.resolved_at),
      durationMinutes: majorDurationMinutes(row.opened_at, row.restored_at, params.until),
      rootCause: row.root_cause,
      workaround: row.workaround,
    })),
  };
}
