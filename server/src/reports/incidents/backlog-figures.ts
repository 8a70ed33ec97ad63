import {
  backlogAgeBuckets,
  pendingReasons,
  type BacklogAgeBucket,
  type PendingReason,
  type Priority,
  type SteeringFigures,
} from '@vigie/shared';
import type { FigureQuery } from '../report-query.js';
import {
  byPriorityOf,
  inScope,
  msPerMinute,
  paramsOf,
  prepared,
  round,
  transitionToSql,
} from './incident-sql.js';

const dayMs = 86_400_000;

/**
 * An incident's own timeline, read through its (incident, kind, at) index: without statistics
 * SQLite may pick the (kind, at) index instead and walk every transition for each incident.
 */
const byIncident = 'indexed by incident_timeline_entry_incident_id_kind_at_index';

/**
 * Incidents open at the end of the window: opened before it, and whose last status change before
 * the end (from the timeline, since a reopening clears `resolved_at`) is not resolved, closed or
 * cancelled. Those resolved, closed or cancelled before the end and never reopened since are
 * ruled out first from the incident row, so the timeline is read only for the others. (`+i.opened_at`:
 * "opened before the end" is most incidents, a plain scan beats the index.)
 */
export const backlogSql = (scope: FigureQuery['scope']) => `
  with candidates as materialized (
    select i.id, i.priority, i.opened_at,
      (select json_extract(t.details, '$.to') from incident_timeline_entry t ${byIncident}
        where t.incident_id = i.id and t.kind = 'transition' and t.at < @end
        order by t.at desc, t.id desc limit 1) as status_at_end
    from incident i
    where +i.opened_at < @end and ${inScope(scope)}
      and coalesce(i.resolved_at, @end) >= @end
      and coalesce(i.closed_at, @end) >= @end
      and coalesce(i.cancelled_at, @end) >= @end
  )
  select id, priority, opened_at, status_at_end,
    case
      when @end - opened_at < ${dayMs} then 'lt1d'
      when @end - opened_at < ${7 * dayMs} then 'd1to7'
      when @end - opened_at < ${30 * dayMs} then 'd7to30'
      else 'gt30d'
    end as bucket
  from candidates
  where status_at_end is null or status_at_end not in ('resolved', 'closed', 'cancelled')`;

const backlogCountSql = (scope: FigureQuery['scope']) => `
  select priority, bucket, count(*) as n from (${backlogSql(scope)}) group by priority, bucket`;

/**
 * Time spent pending within the window, by reason: from each transition into pending to the next
 * transition of the incident (or still pending), clipped to the window. Incidents finished before
 * the window began (and not reopened since) cannot have been pending in it.
 */
export const pendingSql = (scope: FigureQuery['scope']) => `
  with spells as materialized (
    select t.id, t.incident_id, json_extract(t.details, '$.pendingReason') as reason, t.at as s,
      coalesce(
        (select min(n.at) from incident_timeline_entry n ${byIncident}
          where n.incident_id = t.incident_id and n.kind = 'transition'
            and (n.at > t.at or (n.at = t.at and n.id > t.id))),
        @until) as e
    -- cross join: SQLite keeps this order, from the few incidents live in the window to their own entries
    from incident i
    cross join incident_timeline_entry t ${byIncident} on t.incident_id = i.id
    where +i.opened_at < @end and ${inScope(scope)}
      and min(coalesce(i.resolved_at, @end), coalesce(i.closed_at, @end), coalesce(i.cancelled_at, @end)) >= @start
      and t.at < @end and ${transitionToSql('pending')}
  )
  select reason, sum(min(e, @end) - max(s, @start)) as ms
  from spells where min(e, @end) > max(s, @start)
  group by reason`;

type Backlog = SteeringFigures['backlog'];

export function backlogFigures(query: FigureQuery): Backlog {
  const params = paramsOf(query.scope, query.window);
  const counts = prepared(query.db, backlogCountSql(query.scope)).all(params) as {
    priority: Priority;
    bucket: BacklogAgeBucket;
    n: number;
  }[];
  const byAge = Object.fromEntries(
    backlogAgeBuckets.map((bucket) => [bucket, byPriorityOf(() => 0)]),
  ) as Backlog['byAge'];
  let open = 0;
  for (const row of counts) {
    byAge[row.bucket][row.priority] += row.n;
    open += row.n;
  }
  const pending = prepared(query.db, pendingSql(query.scope)).all(params) as {
    reason: PendingReason | null;
    ms: number;
  }[];
  const pendingMinutesByReason = Object.fromEntries(
    pendingReasons.map((reason) => [reason, 0]),
  ) as Backlog['pendingMinutesByReason'];
  for (const row of pending) {
    if (row.reason !== null) pendingMinutesByReason[row.reason] = round(row.ms / msPerMinute);
  }
  return { open, byAge, pendingMinutesByReason };
}
