import type {
  IncidentStatus,
  Page,
  Priority,
  ReportFigureKey,
  ReportItem,
  ReportItemsQuery,
  SlaMetric,
} from '@vigie/shared';
import { decodeSortedCursor, encodeSortedCursor } from '../../common/keyset-page.js';
import { incidentReferenceOf } from '../../incidents/incident-reference.js';
import type { FigureQuery, ReportScope } from '../report-query.js';
import { backlogSql } from './backlog-figures.js';
import {
  clientImpactSql,
  inScope,
  iso,
  msPerMinute,
  paramsOf,
  prepared,
  restoredAtSql,
  round,
  type SqlParams,
} from './incident-sql.js';
import { breachedClocksSql, endedClocksSql } from './sla-figures.js';
import { reopeningSql, timelineInWindowSql } from './team-figures.js';
import { majorDurationMinutes, majorSql, openedSql } from './volume-figures.js';

/**
 * The drill-down: exactly the records a figure counts, each shown as its incident, in the order of
 * the record's own key (`k1`, `k2`: e.g. stop time and clock id), paged by keyset on that key.
 * Each source reuses the figure's own `from … where …` so the two can never disagree.
 */

type IncidentFigureKey = Extract<
  ReportFigureKey,
  | 'incidents.opened'
  | 'incidents.major'
  | 'sla.ended'
  | 'sla.breached'
  | 'availability.impact'
  | 'backlog.open'
  | 'team.reopened'
  | 'team.escalated'
>;

/** The incident columns and the record's key, plus what each source selects for its detail. */
interface Row {
  id: number;
  title: string;
  priority: Priority;
  status: IncidentStatus;
  opened_at: number;
  k1: number;
  k2: number;
  origin?: string;
  category?: string | null;
  restored_at?: number | null;
  metric?: SlaMetric | null;
  state?: string;
  elapsed_minutes?: number;
  target_minutes?: number;
  stopped_at?: number | null;
  s?: number;
  e?: number;
  status_at_end?: IncidentStatus;
  level?: number;
}

interface ItemSource {
  /** `select` of the incident columns, `k1`, `k2` and what the detail needs, narrowed by `@priority` / `@metric`. */
  sql(scope: ReportScope): string;
  detail(row: Row, params: SqlParams): string;
}

const incidentColumns = 'i.id, i.title, i.priority, i.status, i.opened_at';
const byPriority = 'and (@priority is null or i.priority = @priority)';
const byMetric = 'and (@metric is null or c.metric = @metric)';
const minutes = (value: number | undefined) => round(value ?? 0);

const sources: Record<IncidentFigureKey, ItemSource> = {
  'incidents.opened': {
    sql: (scope) =>
      `select ${incidentColumns}, i.opened_at as k1, i.id as k2, i.origin, i.category
       ${openedSql(scope)} ${byPriority}`,
    detail: (row) => `origin ${row.origin}, category ${row.category ?? 'none'}`,
  },
  'incidents.major': {
    sql: (scope) =>
      `select ${incidentColumns}, i.opened_at as k1, i.id as k2, rc.stopped_at as restored_at
       ${majorSql(scope)} ${byPriority}`,
    detail: (row, params) => {
      const restoredAt = row.restored_at ?? null;
      const duration = majorDurationMinutes(row.opened_at, restoredAt, params.until);
      return restoredAt === null
        ? `not restored: ${duration} min by the end of the period`
        : `restored after ${duration} min`;
    },
  },
  'sla.ended': {
    sql: (scope) =>
      `select ${incidentColumns}, c.stopped_at as k1, c.id as k2, c.metric, c.state, c.elapsed_minutes,
         c.target_minutes
       ${endedClocksSql(scope)} ${byPriority} ${byMetric}`,
    detail: (row) =>
      `${row.metric} ${row.state}: ${minutes(row.elapsed_minutes)} of ${row.target_minutes} min`,
  },
  'sla.breached': {
    sql: (scope) =>
      `select ${incidentColumns}, c.breached_at as k1, c.id as k2, c.metric, c.stopped_at,
         c.elapsed_minutes, c.target_minutes
       ${breachedClocksSql(scope)} ${byPriority} ${byMetric}`,
    detail: (row) =>
      `${row.metric} breached at ${iso(row.k1)}: ${minutes(row.elapsed_minutes)} of ${row.target_minutes} min` +
      (row.stopped_at === null ? ', not stopped yet' : ''),
  },
  'availability.impact': {
    sql: (scope) =>
      `select * from (
         select ${incidentColumns}, i.opened_at as k1, i.id as k2,
           max(i.opened_at, @start) as s, min(${restoredAtSql}, @end) as e
         from incident i
         left join incident_sla_clock rc on rc.incident_id = i.id and rc.metric = 'restore'
         where ${clientImpactSql} and +i.opened_at < @end and coalesce(i.closed_at, @end) >= @start
           and ${inScope(scope)} ${byPriority}
       ) where e > s`,
    detail: (row) =>
      `${round(((row.e ?? 0) - (row.s ?? 0)) / msPerMinute)} min of client impact in the period`,
  },
  'backlog.open': {
    sql: (scope) =>
      `select ${incidentColumns}, i.opened_at as k1, i.id as k2, b.status_at_end
       from (${backlogSql(scope)}) b join incident i on i.id = b.id
       where 1 ${byPriority}`,
    detail: (row, params) =>
      `${row.status_at_end} at the end of the period, ${round((params.end - row.opened_at) / 86_400_000, 1)} days old`,
  },
  'team.reopened': {
    sql: (scope) =>
      `select ${incidentColumns}, t.at as k1, t.id as k2
       ${timelineInWindowSql(scope, "'transition'", true)} and ${reopeningSql} ${byPriority}`,
    detail: (row) => `reopened at ${iso(row.k1)}`,
  },
  'team.escalated': {
    sql: (scope) =>
      `select ${incidentColumns}, t.at as k1, t.id as k2,
         json_extract(t.details, '$.level') as level, json_extract(t.details, '$.metric') as metric
       ${timelineInWindowSql(scope, "'escalation'", true)} ${byPriority}
         and (@metric is null or json_extract(t.details, '$.metric') = @metric)`,
    detail: (row) =>
      `escalated to level ${row.level}${row.metric ? ` (${row.metric})` : ''} at ${iso(row.k1)}`,
  },
};

const pageSql = (source: string) => `
  select * from (${source})
  where @afterKey is null or (k1, k2) > (@afterKey, @afterTie)
  order by k1, k2
  limit @limit`;

export function isIncidentFigure(figure: ReportFigureKey): figure is IncidentFigureKey {
  return figure in sources;
}

/** One page of the records behind an incident figure. */
export function incidentItemsPage(query: FigureQuery, items: ReportItemsQuery): Page<ReportItem> {
  if (!isIncidentFigure(items.figure)) throw new Error(`${items.figure} is not an incident figure`);
  const source = sources[items.figure];
  const [afterKey, afterTie] = items.cursor ? decodeSortedCursor(items.cursor) : [null, null];
  const params = paramsOf(query.scope, query.window);
  const rows = prepared(query.db, pageSql(source.sql(query.scope))).all({
    ...params,
    priority: items.priority ?? null,
    metric: items.metric ?? null,
    afterKey,
    afterTie,
    limit: items.limit + 1,
  }) as Row[];
  const page = rows.slice(0, items.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      kind: 'incident' as const,
      id: row.id,
      reference: incidentReferenceOf(row.id),
      title: row.title,
      priority: row.priority,
      status: row.status,
      openedAt: iso(row.opened_at),
      detail: source.detail(row, params),
    })),
    nextCursor: rows.length > items.limit && last ? encodeSortedCursor(last.k1, last.k2) : null,
  };
}
