import type { ReportWindow } from '../report-period.js';
import type { FigureQuery } from '../report-query.js';
import {
  clientImpactSql,
  inScope,
  msPerMinute,
  paramsOf,
  prepared,
  restoredAtSql,
  weeksCte,
  windowsParam,
} from './incident-sql.js';

/**
 * Unplanned client-impact minutes per window: each client-impact incident from its opening to its
 * restoration, clipped to the window; overlapping incidents are counted once (union of intervals:
 * an interval starts a new island when it begins after everything before it has ended).
 */
const impactSql = (scope: FigureQuery['scope']) => `
  with ${weeksCte},
  spans as materialized (
    select i.opened_at as s, ${restoredAtSql} as e
    from incident i
    left join incident_sla_clock rc on rc.incident_id = i.id and rc.metric = 'restore'
    -- closed before the start: restored before it too (a cheap test on the row before the join)
    where +i.opened_at < @end and coalesce(i.closed_at, @end) >= @start
      and ${clientImpactSql} and ${inScope(scope)}
  ),
  intervals as (
    select w.idx, max(spans.s, w.ws) as s, min(spans.e, w.we) as e
    from spans join weeks w on spans.s < w.we and spans.e > w.ws
  ),
  reaching as (
    select idx, s, e,
      max(e) over (partition by idx order by s, e rows between unbounded preceding and 1 preceding) as reach
    from intervals where e > s
  ),
  islands as (
    select idx, s, e,
      sum(case when reach is null or s > reach then 1 else 0 end)
        over (partition by idx order by s, e rows unbounded preceding) as island
    from reaching
  )
  select idx, sum(span) as ms from (
    select idx, max(e) - min(s) as span from islands group by idx, island
  ) group by idx`;

/** Impact minutes of each window, in the order given. */
export function impactMinutesOf(
  query: Omit<FigureQuery, 'window'>,
  windows: readonly ReportWindow[],
): number[] {
  if (windows.length === 0) return [];
  const first = windows[0]!;
  const last = windows.at(-1)!;
  // `until` (now, or the end) bounds what still runs; the windows themselves come as JSON.
  const params = {
    ...paramsOf(query.scope, { start: first.start, end: last.end }),
    windows: windowsParam(windows),
  };
  const rows = prepared(query.db, impactSql(query.scope)).all(params) as { idx: number; ms: number }[];
  const minutes = windows.map(() => 0);
  for (const row of rows) minutes[row.idx] = row.ms / msPerMinute;
  return minutes;
}
