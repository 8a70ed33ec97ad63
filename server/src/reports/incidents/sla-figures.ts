import {
  slaMetrics,
  type DurationStats,
  type Priority,
  type SlaBreach,
  type SlaMetric,
  type SteeringFigures,
} from '@vigie/shared';
import { incidentReferenceOf as referenceOf } from '../../incidents/incident-reference.js';
import type { FigureQuery } from '../report-query.js';
import {
  byPriorityOf,
  inScope,
  iso,
  isoOrNull,
  paramsOf,
  prepared,
  ratioOf,
  roundOrNull,
} from './incident-sql.js';

/**
 * SLA adherence and response times over the clocks that ended in the window (stopped there, met or
 * breached). `elapsed_minutes` is contractual time: the SLA engine already deducted pauses and
 * out-of-hours. Clocks of cancelled incidents are left out. (`+c.state`: the stop time is the index to use.)
 */
export const endedClocksSql = (scope: FigureQuery['scope']) => `
  from incident_sla_clock c join incident i on i.id = c.incident_id
  where c.stopped_at >= @start and c.stopped_at < @end and +c.state in ('met', 'breached')
    and i.status <> 'cancelled' and ${inScope(scope)}`;

/** Breaches dated in the window, the clock still running or not. */
export const breachedClocksSql = (scope: FigureQuery['scope']) => `
  from incident_sla_clock c join incident i on i.id = c.incident_id
  where c.breached_at >= @start and c.breached_at < @end and i.status <> 'cancelled' and ${inScope(scope)}`;

// Mean and nearest-rank 90th percentile (the value at rank ⌈0.9 n⌉), overall (priority null) and by priority.
const endedStatsSql = (scope: FigureQuery['scope']) => `
  with ended as (
    select c.metric, i.priority, c.state, c.elapsed_minutes as elapsed ${endedClocksSql(scope)}
  ),
  ranked as materialized (
    select metric, priority, state, elapsed,
      row_number() over (partition by metric order by elapsed) as rank_all,
      count(*) over (partition by metric) as n_all,
      row_number() over (partition by metric, priority order by elapsed) as rank_priority,
      count(*) over (partition by metric, priority) as n_priority
    from ended
  )
  select metric, null as priority, count(*) as ended, sum(state = 'met') as met, avg(elapsed) as mean,
    min(case when rank_all * 10 >= n_all * 9 then elapsed end) as p90
  from ranked group by metric
  union all
  select metric, priority, count(*), sum(state = 'met'), avg(elapsed),
    min(case when rank_priority * 10 >= n_priority * 9 then elapsed end)
  from ranked group by metric, priority`;

interface EndedRow {
  metric: SlaMetric;
  priority: Priority | null;
  ended: number;
  met: number;
  mean: number | null;
  p90: number | null;
}

const noStats: DurationStats = { count: 0, meanMinutes: null, p90Minutes: null };

export function slaFigures(query: FigureQuery): Pick<SteeringFigures, 'sla' | 'responseTimes'> {
  const rows = prepared(query.db, endedStatsSql(query.scope)).all(
    paramsOf(query.scope, query.window),
  ) as EndedRow[];
  const sla = {} as SteeringFigures['sla'];
  const responseTimes = {} as SteeringFigures['responseTimes'];
  for (const metric of slaMetrics) {
    sla[metric] = { all: ratioOf(0, 0), byPriority: byPriorityOf(() => ratioOf(0, 0)) };
    responseTimes[metric] = { all: noStats, byPriority: byPriorityOf(() => noStats) };
  }
  for (const row of rows) {
    const ratio = ratioOf(row.met, row.ended);
    const stats = { count: row.ended, meanMinutes: roundOrNull(row.mean), p90Minutes: roundOrNull(row.p90) };
    if (row.priority === null) {
      sla[row.metric].all = ratio;
      responseTimes[row.metric].all = stats;
    } else {
      sla[row.metric].byPriority[row.priority] = ratio;
      responseTimes[row.metric].byPriority[row.priority] = stats;
    }
  }
  return { sla, responseTimes };
}

interface BreachRow {
  id: number;
  title: string;
  priority: Priority;
  metric: SlaMetric;
  due_at: number | null;
  breached_at: number;
  stopped_at: number | null;
  target_minutes: number;
  elapsed_minutes: number;
  total: number;
}

const breachListSql = (scope: FigureQuery['scope']) => `
  select i.id, i.title, i.priority, c.metric, c.due_at, c.breached_at, c.stopped_at, c.target_minutes,
    c.elapsed_minutes, count(*) over () as total
  ${breachedClocksSql(scope)}
  order by c.breached_at desc, c.id desc
  limit @cap`;

/** The breaches dated in the window, most recent first, capped; `total` counts them all. */
export function breachList(query: FigureQuery, cap: number): { items: SlaBreach[]; total: number } {
  const rows = prepared(query.db, breachListSql(query.scope)).all({
    ...paramsOf(query.scope, query.window),
    cap,
  }) as BreachRow[];
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      incident: { id: row.id, reference: referenceOf(row.id), title: row.title, priority: row.priority },
      metric: row.metric,
      // A breached clock's due time is the breach instant (the engine fixes it there).
      dueAt: iso(row.due_at ?? row.breached_at),
      breachedAt: iso(row.breached_at),
      stoppedAt: isoOrNull(row.stopped_at),
      targetMinutes: row.target_minutes,
      elapsedMinutes: roundOrNull(row.elapsed_minutes) ?? 0,
    })),
  };
}
