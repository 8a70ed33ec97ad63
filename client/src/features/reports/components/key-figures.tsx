import type { SteeringReport } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import { compareCounts, compareRatios, ComparisonValue, type Comparison } from './comparison-value';
import { ReportSection } from './report-section';

/** The figures a committee reads first, each with the previous period and the trend. */
export function KeyFigures({ report }: { report: SteeringReport }) {
  const t = useT();
  const now = report.current;
  const before = report.previous;
  const cards: { key: string; label: string; comparison: Comparison }[] = [
    {
      key: 'incidents',
      label: t('reports.incidentsOpened'),
      comparison: compareCounts(now.volume.total, before.volume.total, 'neutral', {
        figure: 'incidents.opened',
      }),
    },
    {
      key: 'tto',
      label: t('reports.key.tto'),
      comparison: compareRatios(now.sla.ack.all, before.sla.ack.all, { figure: 'sla.ended', metric: 'ack' }),
    },
    {
      key: 'ttr',
      label: t('reports.key.ttr'),
      comparison: compareRatios(now.sla.resolve.all, before.sla.resolve.all, {
        figure: 'sla.ended',
        metric: 'resolve',
      }),
    },
    {
      key: 'availability',
      label: t('reports.availability.percent'),
      comparison: {
        current: { value: now.availability.percent },
        previous: { value: before.availability.percent },
        format: 'precisePercent',
        polarity: 'higherIsBetter',
      },
    },
    {
      key: 'changes',
      label: t('reports.changes.success'),
      comparison: compareRatios(now.changes.success, before.changes.success, { figure: 'changes.all' }),
    },
    {
      key: 'compliance',
      label: t('reports.compliance.rate'),
      comparison: compareRatios(now.compliance.rate, before.compliance.rate),
    },
    {
      key: 'recurring',
      label: t('reports.recurring.completion'),
      comparison: compareRatios(now.recurring.completion, before.recurring.completion, {
        figure: 'recurring.due',
      }),
    },
    {
      key: 'backlog',
      label: t('reports.backlog.open'),
      comparison: compareCounts(now.backlog.open, before.backlog.open, 'lowerIsBetter', {
        figure: 'backlog.open',
      }),
    },
  ];
  return (
    <ReportSection title={t('reports.section.summary')} table="summary">
      <ul className="report-cards">
        {cards.map((card) => (
          <li key={card.key} className="report-card" data-testid={`key-${card.key}`}>
            <span className="report-card__label">{card.label}</span>
            <ComparisonValue comparison={card.comparison} />
          </li>
        ))}
      </ul>
    </ReportSection>
  );
}
