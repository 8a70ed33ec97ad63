import type { SteeringReport } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { compareCounts, compareRatios } from './comparison-value';
import { ComparisonTable, type ComparisonRow } from './comparison-table';
import { ReportSection } from './report-section';

/** Availability to the client, with planned work shown apart (never deducted). */
export function AvailabilitySection({ report }: { report: SteeringReport }) {
  const t = useT();
  const now = report.current.availability;
  const before = report.previous.availability;
  const rows: ComparisonRow[] = [
    {
      key: 'percent',
      label: t('reports.availability.percent'),
      cells: [
        {
          current: { value: now.percent },
          previous: { value: before.percent },
          format: 'precisePercent',
          polarity: 'higherIsBetter',
        },
      ],
    },
    {
      key: 'impact',
      label: t('reports.availability.impactMinutes'),
      cells: [
        compareCounts(
          now.impactMinutes,
          before.impactMinutes,
          'lowerIsBetter',
          {
            figure: 'availability.impact',
          },
          'minutes',
        ),
      ],
    },
    {
      key: 'period',
      label: t('reports.availability.periodMinutes'),
      cells: [compareCounts(now.periodMinutes, before.periodMinutes, 'neutral', undefined, 'minutes')],
    },
    {
      key: 'plannedRuns',
      label: t('reports.availability.plannedRuns'),
      cells: [compareCounts(now.plannedRuns, before.plannedRuns, 'neutral')],
    },
    {
      key: 'plannedMinutes',
      label: t('reports.availability.plannedMinutes'),
      cells: [compareCounts(now.plannedMinutes, before.plannedMinutes, 'neutral', undefined, 'minutes')],
    },
  ];
  return (
    <ReportSection title={t('reports.section.availability')} table="summary">
      <p className="report-hint">{t('reports.availability.hint')}</p>
      <ComparisonTable
        caption={t('reports.section.availability')}
        rowHeader={t('reports.figure')}
        columns={[t('reports.value')]}
        rows={rows}
        testId="availability-table"
      />
    </ReportSection>
  );
}

/** Planned changes (MOP runs ended in the period) and how they went. */
export function ChangesSection({ report }: { report: SteeringReport }) {
  const t = useT();
  const now = report.current.changes;
  const before = report.previous.changes;
  const rows: ComparisonRow[] = [
    {
      key: 'success',
      label: t('reports.changes.success'),
      cells: [compareRatios(now.success, before.success, { figure: 'changes.all' })],
    },
    {
      key: 'total',
      label: t('reports.changes.total'),
      cells: [compareCounts(now.total, before.total, 'neutral', { figure: 'changes.all' })],
    },
    {
      key: 'failed',
      label: t('reports.changes.failed'),
      cells: [
        compareCounts(now.total - now.successful, before.total - before.successful, 'lowerIsBetter', {
          figure: 'changes.failed',
        }),
      ],
    },
    ...(['rolledBack', 'withIncident', 'aborted'] as const).map((key) => ({
      key,
      label: t(`reports.changes.${key}`),
      cells: [compareCounts(now[key], before[key], 'lowerIsBetter')],
    })),
  ];
  return (
    <ReportSection title={t('reports.section.changes')} table="changes">
      <ComparisonTable
        caption={t('reports.section.changes')}
        rowHeader={t('reports.figure')}
        columns={[t('reports.value')]}
        rows={rows}
        testId="changes-table"
      />
    </ReportSection>
  );
}

/** Step records signed in the period against what their step asks for. */
export function ComplianceSection({ report }: { report: SteeringReport }) {
  const t = useT();
  const now = report.current.compliance;
  const before = report.previous.compliance;
  const exceptions = { figure: 'compliance.exceptions' as const };
  const rows: ComparisonRow[] = [
    {
      key: 'rate',
      label: t('reports.compliance.rate'),
      cells: [compareRatios(now.rate, before.rate)],
    },
    {
      key: 'signed',
      label: t('reports.compliance.signed'),
      cells: [compareCounts(now.signed, before.signed, 'neutral')],
    },
    ...(['missingReading', 'missingEvidence', 'unverified'] as const).map((key) => ({
      key,
      label: t(`reports.compliance.${key}`),
      cells: [compareCounts(now[key], before[key], 'lowerIsBetter')],
    })),
    ...(['skipped', 'deviations'] as const).map((key) => ({
      key,
      label: t(`reports.compliance.${key}`),
      cells: [compareCounts(now[key], before[key], 'lowerIsBetter', exceptions)],
    })),
  ];
  return (
    <ReportSection title={t('reports.section.compliance')} table="compliance">
      <ComparisonTable
        caption={t('reports.section.compliance')}
        rowHeader={t('reports.figure')}
        columns={[t('reports.value')]}
        rows={rows}
        testId="compliance-table"
      />
    </ReportSection>
  );
}
