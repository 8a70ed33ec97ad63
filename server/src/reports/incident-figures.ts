import type {
  Page,
  ReportItem,
  ReportItemsQuery,
  ReportWeek,
  SteeringFigures,
  SteeringReport,
} from '@vigie/shared';
import { backlogFigures } from './incidents/backlog-figures.js';
import { impactMinutesOf } from './incidents/impact-minutes.js';
import { incidentItemsPage } from './incidents/incident-items.js';
import { breachList, slaFigures } from './incidents/sla-figures.js';
import { teamFigures } from './incidents/team-figures.js';
import { majorList, volumeFigures } from './incidents/volume-figures.js';
import type { FigureQuery } from './report-query.js';

export { incidentWeeks } from './incidents/incident-weeks.js';

/** The figures that come from incidents and their SLA clocks. */
export interface IncidentFigures extends Pick<
  SteeringFigures,
  'sla' | 'responseTimes' | 'volume' | 'backlog'
> {
  /** Unplanned client-impact minutes in the window (overlapping incidents counted once). */
  impactMinutes: number;
  team: Pick<SteeringFigures['team'], 'resolved' | 'reopened' | 'reopenRate' | 'escalations'>;
}

export function incidentFigures(query: FigureQuery): IncidentFigures {
  return {
    ...slaFigures(query),
    volume: volumeFigures(query),
    backlog: backlogFigures(query),
    impactMinutes: impactMinutesOf(query, [query.window])[0]!,
    team: teamFigures(query),
  };
}

export function incidentLists(
  query: FigureQuery,
  cap: number,
): Pick<SteeringReport, 'breaches' | 'majorIncidents'> {
  return { breaches: breachList(query, cap), majorIncidents: majorList(query, cap) };
}

export type IncidentWeek = Pick<
  ReportWeek,
  'incidentsByPriority' | 'slaPercent' | 'mttaMinutes' | 'mttrMinutes' | 'availabilityPercent'
>;

export function incidentItems(query: FigureQuery, items: ReportItemsQuery): Page<ReportItem> {
  return incidentItemsPage(query, items);
}
