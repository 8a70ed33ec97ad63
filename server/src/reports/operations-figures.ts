import type {
  Page,
  ReportItem,
  ReportItemsQuery,
  ReportWeek,
  SteeringFigures,
  SteeringReport,
} from '@vigie/shared';
import { decodeCursor, encodeCursor } from '../common/keyset-page.js';
import type { ReportWindow } from './report-period.js';
import type { FigureQuery } from './report-query.js';
import { occurrenceItems, recurringFigures, recurringPercents } from './operations/operations-occurrences.js';
import {
  changeFigures,
  plannedFigures,
  plannedWorkList,
  runItems,
  runsStarted,
} from './operations/operations-runs.js';
import {
  type ActivityRow,
  complianceFigures,
  complianceOf,
  stepActivity,
  stepExceptionList,
  stepItems,
  teamActivity,
} from './operations/operations-steps.js';

export { stepActivity };

/** The figures that come from procedure runs, step records and task occurrences. */
export interface OperationsFigures extends Pick<SteeringFigures, 'changes' | 'compliance' | 'recurring'> {
  /** MOP runs in the window (planned work), shown apart from availability. */
  planned: { runs: number; minutes: number };
  team: Pick<SteeringFigures['team'], 'runs' | 'steps'>;
}

/**
 * `activity`, when the caller already read the window's step records per person and shift (the
 * report's own period, for its team list), saves a second pass over them.
 */
export function operationsFigures(query: FigureQuery, activity?: readonly ActivityRow[]): OperationsFigures {
  const compliance = activity ? complianceOf(activity) : complianceFigures(query);
  return {
    changes: changeFigures(query),
    compliance,
    recurring: recurringFigures(query),
    planned: plannedFigures(query),
    // Steps signed = the current records signed in the window, as compliance counts them.
    team: { runs: runsStarted(query), steps: compliance.signed },
  };
}

export function operationsLists(
  query: FigureQuery,
  cap: number,
  activity: readonly ActivityRow[] = stepActivity(query),
): Pick<SteeringReport, 'plannedWork' | 'stepExceptions' | 'team'> {
  const planned = plannedFigures(query);
  const compliance = complianceOf(activity);
  return {
    plannedWork: { items: plannedWorkList(query, cap), total: planned.runs },
    // Every signed record that is not compliant is an exception.
    stepExceptions: { items: stepExceptionList(query, cap), total: compliance.signed - compliance.compliant },
    team: teamActivity(query, activity),
  };
}

export type OperationsWeek = Pick<ReportWeek, 'recurringPercent'>;

export function operationsWeeks(
  query: Omit<FigureQuery, 'window'>,
  weeks: readonly ReportWindow[],
): OperationsWeek[] {
  return recurringPercents(query, weeks).map((recurringPercent) => ({ recurringPercent }));
}

/** The records behind one operations figure, in id order, `limit` at a time. */
export function operationsItems(query: FigureQuery, items: ReportItemsQuery): Page<ReportItem> {
  const page = {
    after: items.cursor ? decodeCursor(items.cursor) : 0,
    // One more than asked tells whether another page follows.
    limit: items.limit + 1,
    user: items.userId ?? null,
  };
  const rows = itemsOf(query, items.figure, page);
  const shown = rows.slice(0, items.limit);
  const last = shown.at(-1);
  return { items: shown, nextCursor: rows.length > items.limit && last ? encodeCursor(last.id) : null };
}

function itemsOf(
  query: FigureQuery,
  figure: ReportItemsQuery['figure'],
  page: { after: number; limit: number; user: number | null },
): ReportItem[] {
  switch (figure) {
    case 'changes.all':
    case 'changes.failed':
    case 'team.runs':
      return runItems(query, figure, page);
    case 'compliance.exceptions':
      return stepItems(query, page);
    case 'recurring.due':
    case 'recurring.late':
    case 'recurring.missed':
      return occurrenceItems(query, figure, page);
    default:
      throw new Error(`${figure} is not an operations figure`);
  }
}
