import type { Database } from 'better-sqlite3';
import type {
  Page,
  ReportFigureKey,
  ReportItem,
  ReportItemsQuery,
  SteeringFigures,
  SteeringReport,
} from '@vigie/shared';
import { incidentFigures, incidentItems, incidentLists, incidentWeeks } from './incident-figures.js';
import {
  operationsFigures,
  operationsItems,
  operationsLists,
  operationsWeeks,
  stepActivity,
} from './operations-figures.js';
import type { ActivityRow } from './operations/operations-steps.js';
import { previousPeriodOf, weeksOf, windowOf, type LocalPeriod, type ReportWindow } from './report-period.js';
import { availabilityPercent, minutesOf, round } from './report-numbers.js';
import { reportListCap, type ReportScope } from './report-query.js';

/** What the report says about whom, resolved (and access-checked) before the figures are computed. */
export type ReportHeader = Pick<SteeringReport, 'scope' | 'site' | 'timeZone'>;

export interface SteeringReportInput {
  header: ReportHeader;
  scope: ReportScope;
  period: LocalPeriod;
  /** When the report is made: what is still open is open "now". */
  now: number;
}

function figuresOf(
  db: Database,
  scope: ReportScope,
  window: ReportWindow,
  activity?: readonly ActivityRow[],
): SteeringFigures {
  const incidents = incidentFigures({ db, scope, window });
  const operations = operationsFigures({ db, scope, window }, activity);
  return {
    sla: incidents.sla,
    responseTimes: incidents.responseTimes,
    volume: incidents.volume,
    availability: {
      periodMinutes: Math.round(minutesOf(window)),
      impactMinutes: round(incidents.impactMinutes),
      percent: availabilityPercent(window, incidents.impactMinutes),
      plannedRuns: operations.planned.runs,
      plannedMinutes: round(operations.planned.minutes),
    },
    changes: operations.changes,
    compliance: operations.compliance,
    recurring: operations.recurring,
    backlog: incidents.backlog,
    team: { ...operations.team, ...incidents.team },
  };
}

function windowWithPeriod(timeZone: string, period: LocalPeriod) {
  const window = windowOf(timeZone, period);
  return {
    window,
    shown: {
      ...period,
      start: new Date(window.start).toISOString(),
      end: new Date(window.end).toISOString(),
    },
  };
}

/** Every figure of DESIGN.md §7 for the period and the one before, from the recorded events (SQL). */
export function computeSteeringReport(db: Database, input: SteeringReportInput): SteeringReport {
  const { scope, header } = input;
  const current = windowWithPeriod(scope.timeZone, input.period);
  const previous = windowWithPeriod(scope.timeZone, previousPeriodOf(input.period));
  const query = { db, scope, window: current.window };
  const weeks = weeksOf(scope.timeZone, input.period);
  const weekWindows = weeks.map((week) => week.window);
  const incidentByWeek = incidentWeeks({ db, scope }, weekWindows);
  const operationsByWeek = operationsWeeks({ db, scope }, weekWindows);
  const incidentList = incidentLists(query, reportListCap);
  // The period's step records per person and shift: read once for the team list and compliance.
  const activity = stepActivity(query);
  const operationsList = operationsLists(query, reportListCap, activity);
  return {
    ...header,
    period: current.shown,
    previousPeriod: previous.shown,
    generatedAt: new Date(input.now).toISOString(),
    current: figuresOf(db, scope, current.window, activity),
    previous: figuresOf(db, scope, previous.window),
    breaches: incidentList.breaches,
    majorIncidents: incidentList.majorIncidents,
    plannedWork: operationsList.plannedWork,
    stepExceptions: operationsList.stepExceptions,
    team: operationsList.team,
    weeks: weeks.map((week, index) => ({
      weekStart: week.weekStart,
      ...incidentByWeek[index]!,
      ...operationsByWeek[index]!,
    })),
  };
}

const operationsFigureKeys: ReadonlySet<ReportFigureKey> = new Set([
  'changes.all',
  'changes.failed',
  'compliance.exceptions',
  'recurring.due',
  'recurring.late',
  'recurring.missed',
  'team.runs',
]);

/** The records behind one figure of the report (or of its previous period), page by page. */
export function reportItems(
  db: Database,
  scope: ReportScope,
  period: LocalPeriod,
  items: ReportItemsQuery,
): Page<ReportItem> {
  const shown = items.previous ? previousPeriodOf(period) : period;
  const query = { db, scope, window: windowOf(scope.timeZone, shown) };
  return operationsFigureKeys.has(items.figure) ? operationsItems(query, items) : incidentItems(query, items);
}
