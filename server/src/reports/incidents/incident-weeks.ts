import { slaMetrics, type Priority, type SlaMetric } from '@vigie/shared';
import { availabilityPercent } from '../report-numbers.js';
import type { IncidentWeek } from '../incident-figures.js';
import type { ReportWindow } from '../report-period.js';
import type { FigureQuery } from '../report-query.js';
import { impactMinutesOf } from './impact-minutes.js';
import {
  byPriorityOf,
  inScope,
  paramsOf,
  prepared,
  ratioOf,
  roundOrNull,
  weeksCte,
  windowsParam,
} from './incident-sql.js';

// The same definitions as the period's figures, grouped by week in one pass each.
const openedByWeekSql = (scope: FigureQuery['scope']) => `
  with ${weeksCte}
  select w.idx, i.priority, count(*) as n
  from weeks w join incident i on i.opened_at >= w.ws and i.opened_at < w.we
  where ${inScope(scope)}
  group by w.idx, i.priority`;

const endedByWeekSql = (scope: FigureQuery['scope']) => `
  with ${weeksCte}
  select w.idx, c.metric, count(*) as ended, sum(c.state = 'met') as met, avg(c.elapsed_minutes) as mean
  from weeks w
  join incident_sla_clock c on c.stopped_at >= w.ws and c.stopped_at < w.we
  join incident i on i.id = c.incident_id
  where +c.state in ('met', 'breached') and i.status <> 'cancelled' and ${inScope(scope)}
  group by w.idx, c.metric`;

export function incidentWeeks(
  query: Omit<FigureQuery, 'window'>,
  weeks: readonly ReportWindow[],
): IncidentWeek[] {
  if (weeks.length === 0) return [];
  const params = {
    ...paramsOf(query.scope, { start: weeks[0]!.start, end: weeks.at(-1)!.end }),
    windows: windowsParam(weeks),
  };
  const result = weeks.map(() => ({
    incidentsByPriority: byPriorityOf(() => 0),
    slaPercent: Object.fromEntries(slaMetrics.map((metric) => [metric, null])) as Record<
      SlaMetric,
      number | null
    >,
    mttaMinutes: null as number | null,
    mttrMinutes: null as number | null,
  }));
  const opened = prepared(query.db, openedByWeekSql(query.scope)).all(params) as {
    idx: number;
    priority: Priority;
    n: number;
  }[];
  for (const row of opened) result[row.idx]!.incidentsByPriority[row.priority] = row.n;
  const ended = prepared(query.db, endedByWeekSql(query.scope)).all(params) as {
    idx: number;
    metric: SlaMetric;
    ended: number;
    met: number;
    mean: number;
  }[];
  for (const row of ended) {
    const week = result[row.idx]!;
    week.slaPercent[row.metric] = ratioOf(row.met, row.ended).percent;
    if (row.metric === 'ack') week.mttaMinutes = roundOrNull(row.mean);
    if (row.metric === 'resolve') week.mttrMinutes = roundOrNull(row.mean);
  }
  const impact = impactMinutesOf(query, weeks);
  return result.map((week, index) => {
    return { ...week, availabilityPercent: availabilityPercent(weeks[index]!, impact[index]!) };
  });
}
