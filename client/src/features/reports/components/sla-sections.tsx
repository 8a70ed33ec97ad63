import { priorities, slaMetrics, type SteeringReport } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { ratioValue, type Comparison, type FigureValue } from './comparison-value';
import { ComparisonTable, type ComparisonRow } from './comparison-table';
import { ReportSection } from './report-section';

type PriorityOrAll = (typeof priorities)[number] | 'all';
const rowKeys: readonly PriorityOrAll[] = ['all', ...priorities];

/** SLA adherence per metric (TTO, restore, TTR), overall and by priority. */
export function SlaSection({ report }: { report: SteeringReport }) {
  const t = useT();
  const rows: ComparisonRow[] = rowKeys.map((key) => ({
    key,
    label: key === 'all' ? t('reports.allPriorities') : t(`incidents.priority.${key}`),
    cells: slaMetrics.map((metric): Comparison => {
      const pick = (figures: SteeringReport['current']) =>
        key === 'all' ? figures.sla[metric].all : figures.sla[metric].byPriority[key];
      return {
        current: ratioValue(pick(report.current)),
        previous: ratioValue(pick(report.previous)),
        format: 'percent',
        polarity: 'higherIsBetter',
        drill: { figure: 'sla.ended', metric, ...(key === 'all' ? {} : { priority: key }) },
      };
    }),
  }));
  return (
    <ReportSection title={t('reports.section.sla')} table="sla">
      <p className="report-hint">{t('reports.sla.hint')}</p>
      <ComparisonTable
        caption={t('reports.sla.caption')}
        rowHeader={t('reports.priority')}
        columns={slaMetrics.map((metric) => t(`reports.metric.${metric}`))}
        rows={rows}
        testId="sla-table"
      />
    </ReportSection>
  );
}

/** MTTA, MTTRestore, MTTR: mean and 90th percentile of contractual minutes. */
export function ResponseTimesSection({ report }: { report: SteeringReport }) {
  const t = useT();
  const columns = slaMetrics.flatMap((metric) => [t(`reports.mean.${metric}`), t(`reports.p90.${metric}`)]);
  const rows: ComparisonRow[] = rowKeys.map((key) => ({
    key,
    label: key === 'all' ? t('reports.allPriorities') : t(`incidents.priority.${key}`),
    cells: slaMetrics.flatMap((metric) => {
      const pick = (figures: SteeringReport['current']) =>
        key === 'all' ? figures.responseTimes[metric].all : figures.responseTimes[metric].byPriority[key];
      const current = pick(report.current);
      const previous = pick(report.previous);
      const side = (stats: typeof current, value: number | null): FigureValue => ({
        value,
        note: t('reports.samples', { count: stats.count }),
        records: stats.count,
      });
      const drill = { figure: 'sla.ended' as const, metric, ...(key === 'all' ? {} : { priority: key }) };
      return [
        {
          current: side(current, current.meanMinutes),
          previous: side(previous, previous.meanMinutes),
          format: 'minutes',
          polarity: 'lowerIsBetter',
          drill,
        },
        {
          current: { value: current.p90Minutes },
          previous: { value: previous.p90Minutes },
          format: 'minutes',
          polarity: 'lowerIsBetter',
        },
      ] satisfies Comparison[];
    }),
  }));
  return (
    <ReportSection title={t('reports.section.responseTimes')}>
      <p className="report-hint">{t('reports.responseTimes.hint')}</p>
      <ComparisonTable
        caption={t('reports.responseTimes.caption')}
        rowHeader={t('reports.priority')}
        columns={columns}
        rows={rows}
        testId="response-times-table"
      />
    </ReportSection>
  );
}
