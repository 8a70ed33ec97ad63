import { incidentOrigins, priorities, type SteeringReport } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { compareCounts } from './comparison-value';
import { ComparisonTable, type ComparisonRow } from './comparison-table';
import { ReportSection } from './report-section';

/** Rows for a "most frequent first" list, matched by key across both periods. */
function listRows<T>(
  current: readonly T[],
  previous: readonly T[],
  keyOf: (item: T) => string,
  labelOf: (item: T) => string,
  countOf: (item: T) => number,
): ComparisonRow[] {
  const keys = [...new Set([...current, ...previous].map(keyOf))];
  return keys.map((key) => {
    const now = current.find((item) => keyOf(item) === key);
    const before = previous.find((item) => keyOf(item) === key);
    const label = labelOf((now ?? before)!);
    return {
      key,
      label,
      cells: [compareCounts(now ? countOf(now) : 0, before ? countOf(before) : 0, 'neutral')],
    };
  });
}

/** Incidents opened in the period: by priority, origin, category and room. */
export function VolumeSection({ report }: { report: SteeringReport }) {
  const t = useT();
  const now = report.current.volume;
  const before = report.previous.volume;
  const column = [t('reports.incidentsOpened')];
  const byPriority: ComparisonRow[] = [
    {
      key: 'total',
      label: t('reports.volume.total'),
      cells: [compareCounts(now.total, before.total, 'neutral', { figure: 'incidents.opened' })],
    },
    {
      key: 'major',
      label: t('reports.volume.major'),
      cells: [compareCounts(now.major, before.major, 'lowerIsBetter', { figure: 'incidents.major' })],
    },
    ...priorities.map((priority) => ({
      key: priority,
      label: t(`incidents.priority.${priority}`),
      cells: [
        compareCounts(now.byPriority[priority], before.byPriority[priority], 'neutral', {
          figure: 'incidents.opened',
          priority,
        }),
      ],
    })),
  ];
  const byOrigin: ComparisonRow[] = incidentOrigins.map((origin) => ({
    key: origin,
    label: t(`incidents.origin.${origin}`),
    cells: [compareCounts(now.byOrigin[origin], before.byOrigin[origin], 'neutral')],
  }));
  const byCategory = listRows(
    now.byCategory,
    before.byCategory,
    (item) => item.category ?? '',
    (item) => (item.category ? t(`procedures.category.${item.category}`) : t('reports.volume.noCategory')),
    (item) => item.count,
  );
  const byRoom = listRows(
    now.byRoom,
    before.byRoom,
    (item) => String(item.room?.id ?? ''),
    (item) => item.room?.name ?? t('reports.volume.noRoom'),
    (item) => item.count,
  );
  return (
    <ReportSection title={t('reports.section.volume')} table="volume">
      <div className="report-grid">
        <ComparisonTable
          caption={t('reports.volume.byPriority')}
          rowHeader={t('reports.priority')}
          columns={column}
          rows={byPriority}
          testId="volume-priority-table"
        />
        <ComparisonTable
          caption={t('reports.volume.byOrigin')}
          rowHeader={t('reports.volume.origin')}
          columns={column}
          rows={byOrigin}
        />
        <ComparisonTable
          caption={t('reports.volume.byCategory')}
          rowHeader={t('reports.volume.category')}
          columns={column}
          rows={byCategory}
        />
        <ComparisonTable
          caption={t('reports.volume.byRoom')}
          rowHeader={t('reports.volume.room')}
          columns={column}
          rows={byRoom}
        />
      </div>
    </ReportSection>
  );
}
