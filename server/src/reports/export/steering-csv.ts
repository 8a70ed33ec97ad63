import {
  backlogAgeBuckets,
  incidentOrigins,
  pendingReasons,
  priorities,
  shifts,
  slaMetrics,
  type DurationStats,
  type Locale,
  type Priority,
  type Ratio,
  type SteeringFigures,
  type SteeringReport,
  type SteeringTable,
} from '@vigie/shared';
import { toCsv } from '../../inventory/csv.js';
import { changeOf, figureRows, type FigureUnit } from './figure-rows.js';
import { localIso, rounded } from './report-format.js';
import { reportLabels, type ReportLabels } from './report-labels.js';

/**
 * The CSV tables of a steering report, one file each: headers and words in the reader's language,
 * numbers machine-readable (a dot for decimals, no unit), instants as local ISO 8601 with their
 * offset, nothing measured as an empty cell. `toCsv` makes every cell formula-safe.
 */

type Cell = string | number | null | undefined;
interface Table {
  header: string[];
  rows: Cell[][];
}

const digitsOf: Record<FigureUnit, number> = { percent: 2, minutes: 1, count: 0 };
const percent = (value: number | null) => rounded(value, 2);
const minutes = (value: number | null) => rounded(value, 1);

function summary(report: SteeringReport, l: ReportLabels, locale: Locale): Table {
  const c = l.columns;
  return {
    header: [
      c.section,
      c.indicator,
      c.unit,
      c.current,
      c.previous,
      c.change,
      c.currentCount,
      c.currentOf,
      c.previousCount,
      c.previousOf,
    ],
    rows: figureRows(report, locale).map((row) => {
      const digits = digitsOf[row.unit];
      return [
        l.sections[row.section],
        row.label,
        l.units[row.unit],
        rounded(row.current, digits),
        rounded(row.previous, digits),
        rounded(changeOf(row), digits),
        row.ratios?.current.count,
        row.ratios?.current.of,
        row.ratios?.previous.count,
        row.ratios?.previous.of,
      ];
    }),
  };
}

function sla(report: SteeringReport, l: ReportLabels): Table {
  const c = l.columns;
  const previous = (header: string) => `${header} – ${c.previous}`;
  const ratioCells = (ratio: Ratio) => [ratio.count, ratio.of, percent(ratio.percent)];
  const statsCells = (stats: DurationStats) => [
    stats.count,
    minutes(stats.meanMinutes),
    minutes(stats.p90Minutes),
  ];
  const rows = slaMetrics.flatMap((metric) =>
    (['all', ...priorities] as const).map((priority) => {
      const of = (figures: SteeringFigures) => {
        const adherence = figures.sla[metric];
        const times = figures.responseTimes[metric];
        return priority === 'all'
          ? { ratio: adherence.all, stats: times.all }
          : { ratio: adherence.byPriority[priority], stats: times.byPriority[priority] };
      };
      const current = of(report.current);
      const before = of(report.previous);
      return [
        l.metrics[metric],
        priority === 'all' ? l.work.all : priority,
        ...ratioCells(current.ratio),
        ...ratioCells(before.ratio),
        ...statsCells(current.stats),
        ...statsCells(before.stats),
      ];
    }),
  );
  return {
    header: [
      c.metric,
      c.priority,
      c.met,
      c.ended,
      c.adherence,
      previous(c.met),
      previous(c.ended),
      previous(c.adherence),
      c.count,
      c.mean,
      c.p90,
      previous(c.count),
      previous(c.mean),
      previous(c.p90),
    ],
    rows,
  };
}

function breaches(report: SteeringReport, l: ReportLabels): Table {
  const c = l.columns;
  const zone = report.timeZone;
  return {
    header: [
      c.reference,
      c.incidentTitle,
      c.priority,
      c.metric,
      c.target,
      c.elapsed,
      c.dueAt,
      c.breachedAt,
      c.stoppedAt,
    ],
    rows: report.breaches.items.map((breach) => [
      breach.incident.reference,
      breach.incident.title,
      breach.incident.priority,
      l.metrics[breach.metric],
      breach.targetMinutes,
      minutes(breach.elapsedMinutes),
      localIso(breach.dueAt, zone),
      localIso(breach.breachedAt, zone),
      localIso(breach.stoppedAt, zone),
    ]),
  };
}

function majorIncidents(report: SteeringReport, l: ReportLabels): Table {
  const c = l.columns;
  const zone = report.timeZone;
  return {
    header: [
      c.reference,
      c.incidentTitle,
      c.priority,
      c.status,
      c.openedAt,
      c.restoredAt,
      c.resolvedAt,
      c.duration,
      c.rootCause,
      c.workaround,
    ],
    rows: report.majorIncidents.items.map((major) => [
      major.incident.reference,
      major.incident.title,
      major.incident.priority,
      l.statuses[major.status],
      localIso(major.openedAt, zone),
      localIso(major.restoredAt, zone),
      localIso(major.resolvedAt, zone),
      minutes(major.durationMinutes),
      major.rootCause,
      major.workaround,
    ]),
  };
}

/** Categories and rooms of both periods, keyed, so that one that vanished still shows its previous count. */
function mergedCounts<T>(
  current: readonly T[],
  previous: readonly T[],
  keyOf: (item: T) => string,
  countOf: (item: T) => number,
): { item: T; current: number; previous: number }[] {
  const merged = new Map<string, { item: T; current: number; previous: number }>();
  for (const item of current) merged.set(keyOf(item), { item, current: countOf(item), previous: 0 });
  for (const item of previous) {
    const entry = merged.get(keyOf(item));
    if (entry) entry.previous = countOf(item);
    else merged.set(keyOf(item), { item, current: 0, previous: countOf(item) });
  }
  return [...merged.values()];
}

export function volumeRows(report: SteeringReport, l: ReportLabels): [string, string, number, number][] {
  const { current, previous } = { current: report.current.volume, previous: report.previous.volume };
  const d = l.dimensions;
  return [
    ...priorities.map((priority): [string, string, number, number] => [
      d.priority,
      priority,
      current.byPriority[priority],
      previous.byPriority[priority],
    ]),
    ...incidentOrigins.map((origin): [string, string, number, number] => [
      d.origin,
      l.origins[origin],
      current.byOrigin[origin],
      previous.byOrigin[origin],
    ]),
    ...mergedCounts(
      current.byCategory,
      previous.byCategory,
      (entry) => entry.category ?? '',
      (entry) => entry.count,
    ).map((entry): [string, string, number, number] => [
      d.category,
      entry.item.category === null ? l.noCategory : l.categories[entry.item.category],
      entry.current,
      entry.previous,
    ]),
    ...mergedCounts(
      current.byRoom,
      previous.byRoom,
      (entry) => String(entry.room?.id ?? ''),
      (entry) => entry.count,
    ).map((entry): [string, string, number, number] => [
      d.room,
      entry.item.room?.name ?? l.noRoom,
      entry.current,
      entry.previous,
    ]),
  ];
}

function volume(report: SteeringReport, l: ReportLabels): Table {
  const c = l.columns;
  return { header: [c.dimension, c.value, c.current, c.previous], rows: volumeRows(report, l) };
}

function changes(report: SteeringReport, l: ReportLabels, locale: Locale): Table {
  const c = l.columns;
  const zone = report.timeZone;
  return {
    header: [c.run, c.procedure, c.procedureTitle, c.state, c.startedAt, c.endedAt, c.minutes],
    rows: report.plannedWork.items.map((work) => [
      work.run.id,
      work.run.procedureId,
      work.run.title[locale],
      l.runStates[work.state],
      localIso(work.startedAt, zone),
      localIso(work.endedAt, zone),
      minutes(work.minutes),
    ]),
  };
}

function compliance(report: SteeringReport, l: ReportLabels, locale: Locale): Table {
  const c = l.columns;
  return {
    header: [
      c.run,
      c.procedureTitle,
      c.step,
      c.outcome,
      c.deviation,
      c.reason,
      c.comment,
      c.performedAt,
      c.performedBy,
    ],
    rows: report.stepExceptions.items.map((exception) => [
      exception.run.id,
      exception.run.title[locale],
      exception.stepId,
      l.outcomes[exception.outcome],
      exception.deviation ? l.yes : l.no,
      exception.reason,
      exception.comment,
      localIso(exception.performedAt, report.timeZone),
      exception.performedBy.displayName,
    ]),
  };
}

function recurring(report: SteeringReport, l: ReportLabels): Table {
  const c = l.columns;
  const f = l.figures;
  const rows = (['all', 'rounds', 'maintenance'] as const).flatMap((work) => {
    const split = (figures: SteeringFigures) =>
      work === 'all' ? figures.recurring : figures.recurring[work];
    const now = split(report.current);
    const before = split(report.previous);
    const row = (
      label: string,
      unit: FigureUnit,
      current: number | null,
      previous: number | null,
    ): Cell[] => [
      l.work[work],
      label,
      l.units[unit],
      rounded(current, digitsOf[unit]),
      rounded(previous, digitsOf[unit]),
    ];
    return [
      row(f.due, 'count', now.due, before.due),
      row(f.onTime, 'count', now.onTime, before.onTime),
      row(f.late, 'count', now.late, before.late),
      row(f.missed, 'count', now.missed, before.missed),
      row(f.completion, 'percent', now.completion.percent, before.completion.percent),
      row(f.lateness, 'minutes', now.meanLatenessMinutes, before.meanLatenessMinutes),
      ...(work === 'all'
        ? [row(f.cancelled, 'count', report.current.recurring.cancelled, report.previous.recurring.cancelled)]
        : []),
    ];
  });
  return { header: [c.work, c.indicator, c.unit, c.current, c.previous], rows };
}

function backlog(report: SteeringReport, l: ReportLabels): Table {
  const c = l.columns;
  const open = backlogAgeBuckets.flatMap((bucket) =>
    priorities.map((priority: Priority) => [
      l.backlogKinds.open,
      l.ageBuckets[bucket],
      priority,
      report.current.backlog.byAge[bucket][priority],
      report.previous.backlog.byAge[bucket][priority],
    ]),
  );
  const pending = pendingReasons.map((reason) => [
    l.backlogKinds.pending,
    l.pendingReasons[reason],
    null,
    minutes(report.current.backlog.pendingMinutesByReason[reason]),
    minutes(report.previous.backlog.pendingMinutesByReason[reason]),
  ]);
  return { header: [c.category, c.detail, c.priority, c.current, c.previous], rows: [...open, ...pending] };
}

function team(report: SteeringReport, l: ReportLabels): Table {
  const c = l.columns;
  return {
    header: [c.person, c.runs, c.steps, ...shifts.map((shift) => l.shifts[shift])],
    rows: report.team.map((member) => [
      member.user.displayName,
      member.runs,
      member.steps,
      ...shifts.map((shift) => member.stepsByShift[shift]),
    ]),
  };
}

function weekly(report: SteeringReport, l: ReportLabels): Table {
  const c = l.columns;
  return {
    header: [
      c.weekStart,
      ...priorities.map((priority) => c.incidentsOf(priority)),
      ...slaMetrics.map((metric) => c.slaOf(l.metrics[metric])),
      c.mtta,
      c.mttr,
      c.recurring,
      c.availability,
    ],
    rows: report.weeks.map((week) => [
      week.weekStart,
      ...priorities.map((priority) => week.incidentsByPriority[priority]),
      ...slaMetrics.map((metric) => percent(week.slaPercent[metric])),
      minutes(week.mttaMinutes),
      minutes(week.mttrMinutes),
      percent(week.recurringPercent),
      percent(week.availabilityPercent),
    ]),
  };
}

/** One table of the report as CSV (formula-safe), headed in the reader's language. */
export function steeringCsv(report: SteeringReport, table: SteeringTable, locale: Locale): string {
  const l = reportLabels[locale];
  const tables: Record<SteeringTable, () => Table> = {
    summary: () => summary(report, l, locale),
    sla: () => sla(report, l),
    breaches: () => breaches(report, l),
    'major-incidents': () => majorIncidents(report, l),
    volume: () => volume(report, l),
    changes: () => changes(report, l, locale),
    compliance: () => compliance(report, l, locale),
    recurring: () => recurring(report, l),
    backlog: () => backlog(report, l),
    team: () => team(report, l),
    weekly: () => weekly(report, l),
  };
  const { header, rows } = tables[table]();
  return toCsv(header, rows);
}
