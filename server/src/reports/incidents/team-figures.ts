import type { IncidentFigures } from '../incident-figures.js';
import type { FigureQuery } from '../report-query.js';
import { inScope, paramsOf, prepared, ratioOf, transitionToSql } from './incident-sql.js';

/** Timeline entries of incidents in scope dated in the window, of the given kinds; `i` joined when asked. */
export const timelineInWindowSql = (scope: FigureQuery['scope'], kinds: string, withIncident = false) =>
  withIncident
    ? `from incident_timeline_entry t join incident i on i.id = t.incident_id
       where t.kind in (${kinds}) and t.at >= @start and t.at < @end and ${inScope(scope)}`
    : `from incident_timeline_entry t
       where t.kind in (${kinds}) and t.at >= @start and t.at < @end and ${inScope(scope, 't.incident_id')}`;

export const reopeningSql = transitionToSql('reopened');

const teamSql = (scope: FigureQuery['scope']) => `
  select
    count(distinct case when ${transitionToSql('resolved')} then t.incident_id end) as resolved,
    coalesce(sum(${reopeningSql}), 0) as reopened,
    coalesce(sum(t.kind = 'escalation'), 0) as escalations
  ${timelineInWindowSql(scope, "'transition', 'escalation'")}`;

/** Incidents that reached resolved in the window, reopenings and escalations recorded in it. */
export function teamFigures(query: FigureQuery): IncidentFigures['team'] {
  const row = prepared(query.db, teamSql(query.scope)).get(paramsOf(query.scope, query.window)) as {
    resolved: number;
    reopened: number;
    escalations: number;
  };
  return {
    resolved: row.resolved,
    reopened: row.reopened,
    reopenRate: ratioOf(row.reopened, row.resolved),
    escalations: row.escalations,
  };
}
