import { backlogAgeBuckets, pendingReasons, priorities, type SteeringReport } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { compareCounts } from './comparison-value';
import { ComparisonTable, type ComparisonRow } from './comparison-table';
import { ReportSection } from './report-section';

/** Incidents still open at the end of the period by age and priority; pending time by reason. */
export function BacklogSection({ report }: { report: SteeringReport }) {
  const t = useT();
  const now = report.current.backlog;
  const before = report.previous.backlog;
  const total = (backlog: typeof now, priority: (typeof priorities)[number]) =>
    backlogAgeBuckets.reduce((sum, bucket) => sum + backlog.byAge[bucket][priority], 0);
  const columns = [
    ...priorities.map((priority) => t(`incidents.priority.${priority}`)),
    t('reports.backlog.open'),
  ];
  const rows: ComparisonRow[] = [
    ...backlogAgeBuckets.map((bucket) => ({
      key: bucket,
      label: t(`reports.backlog.age.${bucket}`),
      cells: [
        ...priorities.map((priority) =>
          compareCounts(now.byAge[bucket][priority], before.byAge[bucket][priority], 'lowerIsBetter'),
        ),
        compareCounts(
          priorities.reduce((sum, priority) => sum + now.byAge[bucket][priority], 0),
          priorities.reduce((sum, priority) => sum + before.byAge[bucket][priority], 0),
          'lowerIsBetter',
        ),
      ],
    })),
    {
      key: 'total',
      label: t('reports.backlog.total'),
      cells: [
        ...priorities.map((priority) =>
          compareCounts(total(now, priority), total(before, priority), 'lowerIsBetter', {
            figure: 'backlog.open',
            priority,
          }),
        ),
        compareCounts(now.open, before.open, 'lowerIsBetter', { figure: 'backlog.open' }),
      ],
    },
  ];
  const pending: ComparisonRow[] = pendingReasons.map((reason) => ({
    key: reason,
    label: t(`incidents.pendingReason.${reason}`),
    cells: [
      compareCounts(
        now.pendingMinutesByReason[reason],
        before.pendingMinutesByReason[reason],
        'lowerIsBetter',
        undefined,
        'minutes',
      ),
    ],
  }));
  return (
    <ReportSection title={t('reports.section.backlog')} table="backlog">
      <ComparisonTable
        caption={t('reports.backlog.caption')}
        rowHeader={t('reports.backlog.age')}
        columns={columns}
        rows={rows}
        testId="backlog-table"
      />
      <ComparisonTable
        caption={t('reports.backlog.pendingCaption')}
        rowHeader={t('incidents.pendingReason')}
        columns={[t('reports.backlog.pendingMinutes')]}
        rows={pending}
      />
    </ReportSection>
  );
}
