import type { SteeringReport } from '@vigie/shared';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { reportCharts } from '../lib/report-charts';
import { ChartCard } from './chart-card';
import { ReportSection } from './report-section';

/** The weekly trends of the period. */
export function ReportCharts({ report }: { report: SteeringReport }) {
  const t = useT();
  const { locale } = useLocale();
  const charts = reportCharts(report.weeks, t, locale);
  return (
    <ReportSection title={t('reports.section.weekly')} table="weekly">
      <div className="report-charts">
        {charts.map((spec) => (
          <ChartCard key={spec.id} spec={spec} />
        ))}
      </div>
    </ReportSection>
  );
}
