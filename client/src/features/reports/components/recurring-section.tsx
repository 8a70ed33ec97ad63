import type { ReportFigureKey, SteeringFigures, SteeringReport } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { compareCounts, compareRatios, type Comparison } from './comparison-value';
import { ComparisonTable, type ComparisonRow } from './comparison-table';
import { ReportSection } from './report-section';

type Split = SteeringFigures['recurring']['rounds'];
const splits = ['all', 'rounds', 'maintenance'] as const;

function splitOf(figures: SteeringFigures, split: (typeof splits)[number]): Split {
  return split === 'all' ? figures.recurring : figures.recurring[split];
}

/** Recurring work due in the period: on time, late, missed; rounds apart from maintenance. */
export function RecurringSection({ report }: { report: SteeringReport }) {
  const t = useT();
  // The drill-down lists the whole programme's occurrences, not one kind's.
  const drill = (split: (typeof splits)[number], figure: ReportFigureKey) =>
    split === 'all' ? { figure } : undefined;
  const cell = (make: (now: Split, before: Split, split: (typeof splits)[number]) => Comparison) =>
    splits.map((split) => make(splitOf(report.current, split), splitOf(report.previous, split), split));
  const rows: ComparisonRow[] = [
    {
      key: 'completion',
      label: t('reports.recurring.completion'),
      cells: cell((now, before, split) =>
        compareRatios(now.completion, before.completion, drill(split, 'recurring.due')),
      ),
    },
    {
      key: 'due',
      label: t('reports.recurring.due'),
      cells: cell((now, before, split) =>
        compareCounts(now.due, before.due, 'neutral', drill(split, 'recurring.due')),
      ),
    },
    {
      key: 'onTime',
      label: t('reports.recurring.onTime'),
      cells: cell((now, before) => compareCounts(now.onTime, before.onTime, 'higherIsBetter')),
    },
    {
      key: 'late',
      label: t('reports.recurring.late'),
      cells: cell((now, before, split) =>
        compareCounts(now.late, before.late, 'lowerIsBetter', drill(split, 'recurring.late')),
      ),
    },
    {
      key: 'missed',
      label: t('reports.recurring.missed'),
      cells: cell((now, before, split) =>
        compareCounts(now.missed, before.missed, 'lowerIsBetter', drill(split, 'recurring.missed')),
      ),
    },
    {
      key: 'lateness',
      label: t('reports.recurring.meanLateness'),
      cells: cell((now, before) => ({
        current: { value: now.meanLatenessMinutes },
        previous: { value: before.meanLatenessMinutes },
        format: 'minutes',
        polarity: 'lowerIsBetter',
      })),
    },
    {
      key: 'cancelled',
      label: t('reports.recurring.cancelled'),
      cells: [
        compareCounts(report.current.recurring.cancelled, report.previous.recurring.cancelled, 'neutral'),
        null,
        null,
      ],
    },
  ];
  return (
    <ReportSection title={t('reports.section.recurring')} table="recurring">
      <ComparisonTable
        caption={t('reports.section.recurring')}
        rowHeader={t('reports.figure')}
        columns={splits.map((split) => t(`reports.recurring.${split}`))}
        rows={rows}
        testId="recurring-table"
      />
    </ReportSection>
  );
}
