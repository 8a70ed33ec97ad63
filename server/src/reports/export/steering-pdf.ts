import {
  backlogAgeBuckets,
  priorities,
  shifts,
  slaMetrics,
  type DurationStats,
  type Locale,
  type Priority,
  type Ratio,
  type SteeringFigures,
  type SteeringReport,
} from '@vigie/shared';
import { PdfWriter, type PdfKeyFigure } from '../../common/pdf/pdf-document.js';
import { figureRows, trendText, type FigureRow, type FigureSection } from './figure-rows.js';
import {
  dateText,
  dateTimeText,
  minutesText,
  notMeasured,
  numberText,
  percentText,
  shortDateText,
} from './report-format.js';
import { reportLabels, type ReportLabels } from './report-labels.js';
import {
  barChart,
  barStyles,
  lineChart,
  lineStyles,
  stackedBarChart,
  type ChartAxes,
} from './steering-charts.js';
import { volumeRows } from './steering-csv.js';

/*
 * Why pdfkit rather than HTML printed by a headless browser: `./vigie start` runs on a plain machine
 * where no Chromium is installed at run time (Chromium is only a test dependency), and a browser
 * would add hundreds of MB, a process per export and seconds of start-up. pdfkit is pure JavaScript,
 * already used for run records, draws the charts as vector paths (sharp when printed, small files),
 * and gives the same document for the same report: the pack is deterministic and built in
 * milliseconds on the request's own thread.
 */

const chartHeight = 190;

function valueText(row: Pick<FigureRow, 'unit'>, value: number | null, locale: Locale): string {
  if (row.unit === 'percent') return percentText(value, locale);
  if (row.unit === 'minutes') return minutesText(value, locale);
  return numberText(value, locale);
}

function ratioText(ratio: Ratio, locale: Locale): string {
  return ratio.of === 0 ? notMeasured : `${percentText(ratio.percent, locale)} (${ratio.count}/${ratio.of})`;
}

function statsText(stats: DurationStats, locale: Locale): string {
  if (stats.count === 0) return notMeasured;
  return `${minutesText(stats.meanMinutes, locale)} · p90 ${minutesText(stats.p90Minutes, locale)} (n=${stats.count})`;
}

class SteeringPdf {
  private readonly l: ReportLabels;
  private readonly pdf: PdfWriter;
  private readonly rows: FigureRow[];

  constructor(
    private readonly report: SteeringReport,
    private readonly locale: Locale,
  ) {
    this.l = reportLabels[locale];
    // Stamped with the report's generation time: the same report gives the same bytes.
    this.pdf = new PdfWriter({
      title: `${this.l.title} — ${this.who()} — ${this.periodText(report.period)}`,
      createdAt: new Date(report.generatedAt),
    });
    this.rows = figureRows(report, locale);
  }

  private who(): string {
    const scope = this.report.scope;
    return scope.kind === 'tenant' ? `${scope.tenant.name} (${scope.tenant.code})` : this.l.overview;
  }

  private periodText(period: { from: string; to: string }): string {
    return this.l.range(dateText(period.from, this.locale), dateText(period.to, this.locale));
  }

  private validityText(startsOn: string | null, endsOn: string | null): string {
    const { l, locale } = this;
    if (startsOn && endsOn) return l.range(dateText(startsOn, locale), dateText(endsOn, locale));
    if (startsOn) return `${l.since(dateText(startsOn, locale))} (${l.openEnded})`;
    if (endsOn) return l.until(dateText(endsOn, locale));
    return l.openEnded;
  }

  private when(iso: string | null): string {
    return dateTimeText(iso, this.report.timeZone, this.locale);
  }

  build(): Promise<Buffer> {
    this.cover();
    this.sla();
    this.responseTimes();
    this.volume();
    this.availability();
    this.section('changes');
    this.compliance();
    this.recurring();
    this.backlog();
    this.team();
    return this.pdf.finish(`${this.l.footer} · ${this.who()} · ${this.periodText(this.report.period)}`);
  }

  private cover(): void {
    const { l, report } = this;
    const scope = report.scope;
    const contract = scope.kind === 'tenant' ? scope.contract : null;
    const contractFields: [string, string][] =
      scope.kind !== 'tenant'
        ? []
        : contract === null
          ? [[l.contract, l.noContract]]
          : [
              [l.contract, contract.reference],
              [l.serviceHours, l.serviceHoursKinds[contract.serviceHours] ?? contract.serviceHours],
              [l.contractValidity, this.validityText(contract.startsOn, contract.endsOn)],
            ];
    this.pdf.cover(l.title, l.subtitle, this.who(), [
      ...(scope.kind === 'tenant'
        ? [[l.client, `${scope.tenant.name} (${scope.tenant.code})`] as [string, string]]
        : []),
      ...contractFields,
      [l.site, report.site ? `${report.site.name} (${report.site.code})` : l.allSites],
      [l.period, this.periodText(report.period)],
      [l.previousPeriod, this.periodText(report.previousPeriod)],
      [l.timeZone, report.timeZone],
      [l.generatedAt, this.when(report.generatedAt)],
    ]);
    this.pdf.subheading(l.keyFigures);
    this.pdf.keyFigures(this.keyFigures());
  }

  private keyFigures(): PdfKeyFigure[] {
    const { l, report } = this;
    const key = (
      label: string,
      pick: (figures: SteeringFigures) => number | null,
      unit: FigureRow['unit'],
      better: FigureRow['better'],
    ): PdfKeyFigure => {
      const row: FigureRow = {
        section: 'sla',
        label,
        unit,
        better,
        current: pick(report.current),
        previous: pick(report.previous),
      };
      return {
        label,
        value: valueText(row, row.current, this.locale),
        note: `${l.pdf.previousShort} ${valueText(row, row.previous, this.locale)} (${trendText(row, this.locale)})`,
      };
    };
    return [
      key(`${l.sections.sla} — ${l.metrics.ack}`, (x) => x.sla.ack.all.percent, 'percent', 'up'),
      key(`${l.sections.sla} — ${l.metrics.restore}`, (x) => x.sla.restore.all.percent, 'percent', 'up'),
      key(l.figures.availability, (x) => x.availability.percent, 'percent', 'up'),
      key(l.figures.total, (x) => x.volume.total, 'count', null),
      key(l.sections.changes, (x) => x.changes.success.percent, 'percent', 'up'),
      key(
        `${l.sections.recurring} — ${l.figures.completion}`,
        (x) => x.recurring.completion.percent,
        'percent',
        'up',
      ),
    ];
  }

  /** The section's heading and its figures, current beside previous with the trend in words. */
  private section(section: FigureSection): void {
    const { l } = this;
    const rows = this.rows.filter((row) => row.section === section);
    // The heading and the first rows of its table stay together.
    this.pdf.room(60 + 14 * Math.min(rows.length, 4));
    this.pdf.heading(l.sections[section]);
    this.pdf.table(
      [
        { header: l.columns.indicator, width: 40 },
        { header: l.columns.current, width: 20 },
        { header: l.columns.previous, width: 20 },
        { header: l.columns.trend, width: 20 },
      ],
      rows.map((row) => [
        row.label,
        row.ratios ? ratioText(row.ratios.current, this.locale) : valueText(row, row.current, this.locale),
        row.ratios ? ratioText(row.ratios.previous, this.locale) : valueText(row, row.previous, this.locale),
        trendText(row, this.locale),
      ]),
    );
  }

  /** A capped list: its rows, a note when some were left out, or "none". */
  private list(
    title: string,
    total: number,
    columns: { header: string; width: number }[],
    rows: string[][],
  ): void {
    this.pdf.subheading(title);
    if (rows.length === 0) {
      this.pdf.note(this.l.lists.none);
      return;
    }
    this.pdf.table(columns, rows);
    if (total > rows.length) this.pdf.note(this.l.lists.shownOf(rows.length, total));
  }

  private axes(yTitle: string, yFormat: (value: number) => string): ChartAxes {
    return {
      xTitle: this.l.charts.week,
      xLabels: this.report.weeks.map((week) => shortDateText(week.weekStart, this.locale)),
      yTitle,
      yFormat,
      noData: this.l.charts.noData,
    };
  }

  private chart(title: string, draw: Parameters<PdfWriter['area']>[1], height = chartHeight): void {
    // The title stays on the chart's page.
    this.pdf.room(height + 30);
    this.pdf.subheading(title);
    this.pdf.area(height, draw);
  }

  private percentAxis = (value: number) => `${numberText(value, this.locale, 1)} %`;

  private sla(): void {
    const { l, report, locale } = this;
    this.pdf.newPage();
    this.section('sla');
    const byPriority = (figures: SteeringFigures, metric: (typeof slaMetrics)[number], priority: Priority) =>
      ratioText(figures.sla[metric].byPriority[priority], locale);
    this.pdf.table(
      [
        { header: l.columns.priority, width: 10 },
        ...slaMetrics.flatMap((metric) => [
          { header: `${l.metrics[metric]} — ${l.columns.current}`, width: 15 },
          { header: l.columns.previous, width: 15 },
        ]),
      ],
      priorities.map((priority) => [
        priority,
        ...slaMetrics.flatMap((metric) => [
          byPriority(report.current, metric, priority),
          byPriority(report.previous, metric, priority),
        ]),
      ]),
    );
    this.chart(l.charts.slaTrend, (area) =>
      lineChart(
        this.pdf.doc,
        area,
        this.axes(l.charts.percent, this.percentAxis),
        slaMetrics.map((metric, index) => ({
          name: l.metrics[metric],
          style: lineStyles[index]!,
          values: report.weeks.map((week) => week.slaPercent[metric]),
        })),
        { ceiling: 100 },
      ),
    );
    this.list(
      l.lists.breaches,
      report.breaches.total,
      [
        { header: l.columns.reference, width: 24 },
        { header: l.columns.metric, width: 14 },
        { header: l.pdf.targetElapsed, width: 14 },
        { header: l.columns.breachedAt, width: 16 },
        { header: l.columns.stoppedAt, width: 16 },
      ],
      report.breaches.items.map((breach) => [
        `${breach.incident.reference} (${breach.incident.priority})\n${breach.incident.title}`,
        l.metrics[breach.metric],
        `${minutesText(breach.targetMinutes, locale)} / ${minutesText(breach.elapsedMinutes, locale)}`,
        this.when(breach.breachedAt),
        this.when(breach.stoppedAt),
      ]),
    );
  }

  private responseTimes(): void {
    const { l, report, locale } = this;
    this.section('responseTimes');
    const cell = (figures: SteeringFigures, metric: (typeof slaMetrics)[number], priority: Priority) =>
      statsText(figures.responseTimes[metric].byPriority[priority], locale);
    this.pdf.table(
      [
        { header: l.columns.priority, width: 10 },
        ...slaMetrics.flatMap((metric) => [
          { header: `${l.responseNames[metric]} — ${l.columns.current}`, width: 15 },
          { header: l.columns.previous, width: 15 },
        ]),
      ],
      priorities.map((priority) => [
        priority,
        ...slaMetrics.flatMap((metric) => [
          cell(report.current, metric, priority),
          cell(report.previous, metric, priority),
        ]),
      ]),
    );
    const minutesAxis = (value: number) => numberText(value, locale, 1);
    this.chart(l.charts.responseTrend, (area) => {
      const half = (area.width - 16) / 2;
      const panel = (
        x: number,
        name: string,
        pick: (week: SteeringReport['weeks'][number]) => number | null,
        index: number,
      ) =>
        lineChart(
          this.pdf.doc,
          { ...area, x, width: half },
          this.axes(`${name} (${l.charts.minutes})`, minutesAxis),
          [
            {
              name: `${name} (${l.figures.mean})`,
              style: lineStyles[index]!,
              values: report.weeks.map(pick),
            },
          ],
          { valueLabels: true },
        );
      panel(area.x, l.responseNames.ack, (week) => week.mttaMinutes, 0);
      panel(area.x + half + 16, l.responseNames.resolve, (week) => week.mttrMinutes, 1);
    });
  }

  private volume(): void {
    const { l, report, locale } = this;
    this.section('volume');
    const breakdown = volumeRows(report, l);
    const counts = (dimension: string) =>
      breakdown
        .filter(([name]) => name === dimension)
        .map(([, value, current, previous]) => [
          value,
          numberText(current, locale),
          numberText(previous, locale),
        ]);
    const columns = (first: string) => [
      { header: first, width: 50 },
      { header: l.columns.current, width: 25 },
      { header: l.columns.previous, width: 25 },
    ];
    for (const [title, dimension] of [
      [l.lists.byCategory, l.dimensions.category],
      [l.lists.byRoom, l.dimensions.room],
    ] as const) {
      const rows = counts(dimension);
      this.list(title, rows.length, columns(dimension), rows);
    }
    this.chart(l.charts.incidentsPerWeek, (area) =>
      stackedBarChart(
        this.pdf.doc,
        area,
        this.axes(l.charts.incidents, (value) => numberText(value, locale)),
        priorities.map((priority, index) => ({
          name: priority,
          style: barStyles[index]!,
          values: report.weeks.map((week) => week.incidentsByPriority[priority]),
        })),
      ),
    );
    this.list(
      l.lists.majorIncidents,
      report.majorIncidents.total,
      [
        { header: l.columns.reference, width: 22 },
        { header: `${l.columns.openedAt} / ${l.columns.restoredAt}`, width: 18 },
        { header: l.pdf.duration, width: 10 },
        { header: l.columns.rootCause, width: 25 },
        { header: l.columns.workaround, width: 25 },
      ],
      report.majorIncidents.items.map((major) => [
        `${major.incident.reference} (${l.statuses[major.status]})\n${major.incident.title}`,
        `${this.when(major.openedAt)}\n${this.when(major.restoredAt)}`,
        minutesText(major.durationMinutes, locale),
        major.rootCause ?? notMeasured,
        major.workaround ?? notMeasured,
      ]),
    );
  }

  private availability(): void {
    const { l, report, locale } = this;
    this.section('availability');
    this.chart(l.charts.availabilityPerWeek, (area) =>
      lineChart(
        this.pdf.doc,
        area,
        this.axes(l.charts.percent, this.percentAxis),
        [
          {
            name: l.figures.availability,
            style: lineStyles[0]!,
            values: report.weeks.map((week) => week.availabilityPercent),
          },
        ],
        { fromZero: false, ceiling: 100, valueLabels: true },
      ),
    );
    this.list(
      l.lists.plannedWork,
      report.plannedWork.total,
      [
        { header: l.columns.run, width: 40 },
        { header: l.columns.state, width: 14 },
        { header: l.columns.startedAt, width: 18 },
        { header: l.columns.endedAt, width: 18 },
        { header: l.pdf.duration, width: 10 },
      ],
      report.plannedWork.items.map((work) => [
        `#${work.run.id} ${work.run.title[locale]}\n${work.run.procedureId}`,
        l.runStates[work.state],
        this.when(work.startedAt),
        this.when(work.endedAt),
        minutesText(work.minutes, locale),
      ]),
    );
  }

  private compliance(): void {
    const { l, report, locale } = this;
    this.section('compliance');
    this.list(
      l.lists.stepExceptions,
      report.stepExceptions.total,
      [
        { header: l.columns.run, width: 24 },
        { header: l.columns.step, width: 18 },
        { header: l.columns.outcome, width: 12 },
        { header: `${l.columns.reason} / ${l.columns.comment}`, width: 26 },
        { header: `${l.columns.performedBy} / ${l.columns.performedAt}`, width: 20 },
      ],
      report.stepExceptions.items.map((exception) => [
        `#${exception.run.id} ${exception.run.title[locale]}`,
        exception.stepId,
        `${l.outcomes[exception.outcome]}${exception.deviation ? ` (${l.columns.deviation.toLowerCase()})` : ''}`,
        [exception.reason, exception.comment].filter((part): part is string => Boolean(part)).join('\n'),
        `${exception.performedBy.displayName}\n${this.when(exception.performedAt)}`,
      ]),
    );
  }

  private recurring(): void {
    const { l, report } = this;
    this.section('recurring');
    this.chart(l.charts.recurringPerWeek, (area) =>
      barChart(
        this.pdf.doc,
        area,
        this.axes(l.charts.percent, this.percentAxis),
        {
          name: `${l.figures.completion} (${l.figures.onTime} / ${l.figures.due})`,
          style: barStyles[3]!,
          values: report.weeks.map((week) => week.recurringPercent),
        },
        { ceiling: 100 },
      ),
    );
  }

  private backlog(): void {
    const { l, report, locale } = this;
    this.section('backlog');
    this.pdf.subheading(l.lists.byAge);
    const count = (
      figures: SteeringFigures,
      bucket: (typeof backlogAgeBuckets)[number],
      priority: Priority,
    ) => figures.backlog.byAge[bucket][priority];
    const total = (figures: SteeringFigures, bucket: (typeof backlogAgeBuckets)[number]) =>
      priorities.reduce((sum, priority) => sum + count(figures, bucket, priority), 0);
    // "current (previous)" in each cell keeps the matrix on one line per age.
    this.pdf.table(
      [
        { header: l.columns.age, width: 20 },
        ...priorities.map((priority) => ({ header: priority, width: 12 })),
        { header: l.columns.total, width: 14 },
      ],
      backlogAgeBuckets.map((bucket) => [
        l.ageBuckets[bucket],
        ...priorities.map(
          (priority) =>
            `${numberText(count(report.current, bucket, priority), locale)} (${numberText(count(report.previous, bucket, priority), locale)})`,
        ),
        `${numberText(total(report.current, bucket), locale)} (${numberText(total(report.previous, bucket), locale)})`,
      ]),
    );
    this.pdf.note(`${l.columns.current} (${l.columns.previous})`);
  }

  private team(): void {
    const { l, report, locale } = this;
    this.section('team');
    this.list(
      l.lists.teamMembers,
      report.team.length,
      [
        { header: l.columns.person, width: 28 },
        { header: l.columns.runs, width: 14 },
        { header: l.columns.steps, width: 14 },
        ...shifts.map((shift) => ({ header: l.shifts[shift], width: 15 })),
      ],
      report.team.map((member) => [
        member.user.displayName,
        numberText(member.runs, locale),
        numberText(member.steps, locale),
        ...shifts.map((shift) => numberText(member.stepsByShift[shift], locale)),
      ]),
    );
  }
}

/** The PDF pack for the steering committee: cover page, figures, charts and tables. */
export function steeringPdf(report: SteeringReport, locale: Locale): Promise<Buffer> {
  return new SteeringPdf(report, locale).build();
}
