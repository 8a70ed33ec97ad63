import {
  incidentOrigins,
  pendingReasons,
  priorities,
  slaMetrics,
  type Locale,
  type Ratio,
  type SteeringFigures,
  type SteeringReport,
} from '@vigie/shared';
import { minutesText, numberText } from './report-format.js';
import { reportLabels, type ReportLabels } from './report-labels.js';

/**
 * Every figure of the report as one row (current beside previous): the CSV summary and the PDF's
 * section tables both read this list, so the two exports always show the same figures.
 */

export type FigureSection = Exclude<keyof ReportLabels['sections'], 'summary'>;
export type FigureUnit = 'percent' | 'minutes' | 'count';

export interface FigureRow {
  section: FigureSection;
  label: string;
  unit: FigureUnit;
  current: number | null;
  previous: number | null;
  /** Which way is an improvement; null when a rise is neither good nor bad (volumes). */
  better: 'up' | 'down' | null;
  /** For shares: the counts behind the percentages. */
  ratios?: { current: Ratio; previous: Ratio };
}

type Select = (figures: SteeringFigures) => number | null;
type PickRatio = (figures: SteeringFigures) => Ratio;

function rowsBuilder(report: SteeringReport) {
  const rows: FigureRow[] = [];
  const value = (
    section: FigureSection,
    label: string,
    unit: FigureUnit,
    better: FigureRow['better'],
    pick: Select,
  ) =>
    rows.push({
      section,
      label,
      unit,
      better,
      current: pick(report.current),
      previous: pick(report.previous),
    });
  const ratio = (section: FigureSection, label: string, better: FigureRow['better'], pick: PickRatio) => {
    const current = pick(report.current);
    const previous = pick(report.previous);
    rows.push({
      section,
      label,
      unit: 'percent',
      better,
      current: current.percent,
      previous: previous.percent,
      ratios: { current, previous },
    });
  };
  return { rows, value, ratio };
}

export function figureRows(report: SteeringReport, locale: Locale): FigureRow[] {
  const l = reportLabels[locale];
  const f = l.figures;
  const { rows, value, ratio } = rowsBuilder(report);

  for (const metric of slaMetrics)
    ratio('sla', `${f.adherence} — ${l.metrics[metric]}`, 'up', (figures) => figures.sla[metric].all);

  for (const metric of slaMetrics) {
    const name = l.responseNames[metric];
    value(
      'responseTimes',
      `${name} — ${f.mean}`,
      'minutes',
      'down',
      (x) => x.responseTimes[metric].all.meanMinutes,
    );
    value(
      'responseTimes',
      `${name} — ${f.p90}`,
      'minutes',
      'down',
      (x) => x.responseTimes[metric].all.p90Minutes,
    );
    value('responseTimes', `${name} — ${f.count}`, 'count', null, (x) => x.responseTimes[metric].all.count);
  }

  value('volume', f.total, 'count', null, (x) => x.volume.total);
  value('volume', f.major, 'count', 'down', (x) => x.volume.major);
  for (const priority of priorities)
    value(
      'volume',
      `${l.dimensions.priority} ${priority}`,
      'count',
      null,
      (x) => x.volume.byPriority[priority],
    );
  for (const origin of incidentOrigins)
    value(
      'volume',
      `${l.dimensions.origin} — ${l.origins[origin]}`,
      'count',
      null,
      (x) => x.volume.byOrigin[origin],
    );

  value('availability', f.availability, 'percent', 'up', (x) => x.availability.percent);
  value('availability', f.impactMinutes, 'minutes', 'down', (x) => x.availability.impactMinutes);
  value('availability', f.periodMinutes, 'minutes', null, (x) => x.availability.periodMinutes);
  value('availability', f.plannedRuns, 'count', null, (x) => x.availability.plannedRuns);
  value('availability', f.plannedMinutes, 'minutes', null, (x) => x.availability.plannedMinutes);

  ratio('changes', f.success, 'up', (x) => x.changes.success);
  value('changes', f.changesTotal, 'count', null, (x) => x.changes.total);
  value('changes', f.successful, 'count', null, (x) => x.changes.successful);
  value('changes', f.rolledBack, 'count', 'down', (x) => x.changes.rolledBack);
  value('changes', f.withIncident, 'count', 'down', (x) => x.changes.withIncident);
  value('changes', f.aborted, 'count', 'down', (x) => x.changes.aborted);

  ratio('compliance', f.rate, 'up', (x) => x.compliance.rate);
  value('compliance', f.signed, 'count', null, (x) => x.compliance.signed);
  value('compliance', f.compliant, 'count', null, (x) => x.compliance.compliant);
  value('compliance', f.missingReading, 'count', 'down', (x) => x.compliance.missingReading);
  value('compliance', f.missingEvidence, 'count', 'down', (x) => x.compliance.missingEvidence);
  value('compliance', f.unverified, 'count', 'down', (x) => x.compliance.unverified);
  value('compliance', f.skipped, 'count', 'down', (x) => x.compliance.skipped);
  value('compliance', f.deviations, 'count', 'down', (x) => x.compliance.deviations);

  for (const work of ['all', 'rounds', 'maintenance'] as const) {
    const split = (x: SteeringFigures) => (work === 'all' ? x.recurring : x.recurring[work]);
    const name = (label: string) => (work === 'all' ? label : `${l.work[work]} — ${label}`);
    ratio('recurring', name(f.completion), 'up', (x) => split(x).completion);
    value('recurring', name(f.due), 'count', null, (x) => split(x).due);
    value('recurring', name(f.onTime), 'count', null, (x) => split(x).onTime);
    value('recurring', name(f.late), 'count', 'down', (x) => split(x).late);
    value('recurring', name(f.missed), 'count', 'down', (x) => split(x).missed);
    value('recurring', name(f.lateness), 'minutes', 'down', (x) => split(x).meanLatenessMinutes);
    if (work === 'all') value('recurring', f.cancelled, 'count', null, (x) => x.recurring.cancelled);
  }

  value('backlog', f.open, 'count', 'down', (x) => x.backlog.open);
  for (const reason of pendingReasons)
    value(
      'backlog',
      `${l.backlogKinds.pending} — ${l.pendingReasons[reason]}`,
      'minutes',
      null,
      (x) => x.backlog.pendingMinutesByReason[reason],
    );

  value('team', f.runs, 'count', null, (x) => x.team.runs);
  value('team', f.steps, 'count', null, (x) => x.team.steps);
  value('team', f.resolved, 'count', null, (x) => x.team.resolved);
  value('team', f.reopened, 'count', 'down', (x) => x.team.reopened);
  ratio('team', f.reopenRate, 'down', (x) => x.team.reopenRate);
  value('team', f.escalations, 'count', 'down', (x) => x.team.escalations);
  return rows;
}

/** current − previous; null when either side was not measured. */
export function changeOf(row: Pick<FigureRow, 'current' | 'previous'>): number | null {
  return row.current === null || row.previous === null ? null : row.current - row.previous;
}

/** The trend in words, never by colour alone: "+2,3 pt · mieux", "−1 · moins bien", "= stable". */
export function trendText(row: FigureRow, locale: Locale): string {
  const l = reportLabels[locale].trend;
  const change = changeOf(row);
  if (change === null) return '–';
  const rounded = Math.round(change * 10) / 10;
  if (rounded === 0) return `= ${l.same}`;
  const sign = rounded > 0 ? '+' : '−';
  const size =
    row.unit === 'minutes'
      ? minutesText(Math.abs(rounded), locale)
      : `${numberText(Math.abs(rounded), locale, 1)}${row.unit === 'percent' ? ' pt' : ''}`;
  const amount = `${sign}${size}`;
  const direction = rounded > 0 ? 'up' : 'down';
  const verdict = row.better === null ? l[direction] : row.better === direction ? l.better : l.worse;
  return `${amount} · ${verdict}`;
}
