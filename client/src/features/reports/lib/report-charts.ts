import { priorities, slaMetrics, type Locale, type ReportWeek } from '@vigie/shared';
import type { Translate } from '../../../lib/i18n/translate';
import type { FigureFormat } from './report-format';

/*
 * The weekly charts as data: one spec feeds both the chart and its table view, so the two can
 * never disagree. Colours are the Okabe–Ito palette (told apart by colour-blind readers), and
 * lines also differ by dash so a black-and-white print still separates them.
 */

export type ChartKind = 'stackedBars' | 'bars' | 'lines';

export interface ChartSeries {
  key: string;
  label: string;
  colour: string;
  /** SVG stroke-dasharray for lines; undefined = solid. */
  dash?: string;
}

export interface ChartRow {
  /** The week as shown on the axis and in the table. */
  label: string;
  values: Record<string, number | null>;
}

export interface ChartSpec {
  id: 'incidents' | 'sla' | 'responseTimes' | 'recurring' | 'availability';
  title: string;
  kind: ChartKind;
  xLabel: string;
  yLabel: string;
  format: FigureFormat;
  series: ChartSeries[];
  rows: ChartRow[];
  /** The value axis range; percentages stop at 100. */
  domain: [number | 'auto', number | 'auto'];
}

export const okabeIto = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

const priorityColours = {
  P0: okabeIto.black,
  P1: okabeIto.vermillion,
  P2: okabeIto.orange,
  P3: okabeIto.skyBlue,
  P4: okabeIto.blue,
} as const;

const metricLines = {
  ack: { colour: okabeIto.blue, dash: undefined },
  restore: { colour: okabeIto.vermillion, dash: '8 4' },
  resolve: { colour: okabeIto.green, dash: '2 3' },
} as const;

const intlLocales: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** "5 oct." / "5 Oct": the Monday (or the period's first day) a week row stands for. */
export function weekLabel(weekStart: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocales[locale], {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${weekStart}T12:00:00Z`));
}

/**
 * A percentage axis that ends at 100 and starts a little under the lowest week, so 99.95 % and
 * 99.99 % do not look the same; a round step keeps the ticks readable.
 */
export function percentDomain(rows: readonly ChartRow[]): [number, number] {
  const values = rows.flatMap((row) => Object.values(row.values)).filter((value) => value !== null);
  if (values.length === 0) return [0, 100];
  const lowest = Math.min(...values);
  const span = Math.max(100 - lowest, 0.01);
  const step = 10 ** Math.floor(Math.log10(span));
  return [Math.max(0, Math.floor((lowest - span * 0.2) / step) * step), 100];
}

export function reportCharts(weeks: readonly ReportWeek[], t: Translate, locale: Locale): ChartSpec[] {
  const xLabel = t('reports.chart.week');
  const rows = (values: (week: ReportWeek) => Record<string, number | null>): ChartRow[] =>
    weeks.map((week) => ({ label: weekLabel(week.weekStart, locale), values: values(week) }));
  const slaRows = rows((week) => ({ ...week.slaPercent }));
  const availabilityRows = rows((week) => ({ availability: week.availabilityPercent }));
  return [
    {
      id: 'incidents',
      title: t('reports.chart.incidents'),
      kind: 'stackedBars',
      xLabel,
      yLabel: t('reports.chart.incidentCount'),
      format: 'count',
      series: priorities.map((priority) => ({
        key: priority,
        label: t(`incidents.priority.${priority}`),
        colour: priorityColours[priority],
      })),
      rows: rows((week) => ({ ...week.incidentsByPriority })),
      domain: [0, 'auto'],
    },
    {
      id: 'sla',
      title: t('reports.chart.sla'),
      kind: 'lines',
      xLabel,
      yLabel: t('reports.chart.percent'),
      format: 'percent',
      series: slaMetrics.map((metric) => ({
        key: metric,
        label: t(`reports.metric.${metric}`),
        colour: metricLines[metric].colour,
        dash: metricLines[metric].dash,
      })),
      rows: slaRows,
      domain: percentDomain(slaRows),
    },
    {
      id: 'responseTimes',
      title: t('reports.chart.responseTimes'),
      kind: 'lines',
      xLabel,
      yLabel: t('reports.chart.minutes'),
      format: 'minutes',
      series: [
        { key: 'mtta', label: t('reports.mean.ack'), colour: metricLines.ack.colour },
        {
          key: 'mttr',
          label: t('reports.mean.resolve'),
          colour: metricLines.resolve.colour,
          dash: metricLines.restore.dash,
        },
      ],
      rows: rows((week) => ({ mtta: week.mttaMinutes, mttr: week.mttrMinutes })),
      domain: [0, 'auto'],
    },
    {
      id: 'recurring',
      title: t('reports.chart.recurring'),
      kind: 'bars',
      xLabel,
      yLabel: t('reports.chart.percent'),
      format: 'percent',
      series: [{ key: 'completion', label: t('reports.recurring.completion'), colour: okabeIto.blue }],
      rows: rows((week) => ({ completion: week.recurringPercent })),
      domain: [0, 100],
    },
    {
      id: 'availability',
      title: t('reports.chart.availability'),
      kind: 'lines',
      xLabel,
      yLabel: t('reports.chart.percent'),
      format: 'precisePercent',
      series: [{ key: 'availability', label: t('reports.availability.percent'), colour: okabeIto.green }],
      rows: availabilityRows,
      domain: percentDomain(availabilityRows),
    },
  ];
}

/** Whether a chart has anything to draw (a week with a value). */
export function chartHasData(spec: ChartSpec): boolean {
  return spec.rows.some((row) => Object.values(row.values).some((value) => value !== null && value !== 0));
}
