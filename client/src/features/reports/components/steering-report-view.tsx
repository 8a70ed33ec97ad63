import type { ReportScopeQuery, SteeringReport } from '@vigie/shared';
import { useState } from 'react';
import { EmptyState } from '../../../components/ui/empty-state';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { TimeZoneProvider, useFormatDate } from '../../../lib/time-zone';
import { DrillDownContext } from '../hooks/use-drill-down';
import { ReportScopeContext, useReportExports } from '../hooks/use-report-exports';
import type { DrillTarget } from '../lib/drill-target';
import { periodIsEmpty } from '../lib/report-content';
import { BacklogSection } from './backlog-section';
import { DrillDownDialog } from './drill-down-dialog';
import { KeyFigures } from './key-figures';
import { RecurringSection } from './recurring-section';
import { ReportCharts } from './report-charts';
import { BreachesList, MajorIncidentsList, PlannedWorkList, StepExceptionsList } from './report-lists';
import { AvailabilitySection, ChangesSection, ComplianceSection } from './service-sections';
import { ResponseTimesSection, SlaSection } from './sla-sections';
import { TeamSection } from './team-section';
import { VolumeSection } from './volume-section';

function localDay(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** Whose report, which periods, in which zone; the PDF pack. */
function ReportHeading({ report }: { report: SteeringReport }) {
  const t = useT();
  const { locale } = useLocale();
  const formatDate = useFormatDate();
  const exports = useReportExports();
  const intl = locale === 'fr' ? 'fr-FR' : 'en-GB';
  const period = (p: SteeringReport['period']) =>
    t('reports.periodRange', { from: localDay(p.from, intl), to: localDay(p.to, intl) });
  const contract = report.scope.kind === 'tenant' ? report.scope.contract : null;
  return (
    <div className="report-heading">
      <div>
        <h2 className="report-heading__title" data-testid="report-subject">
          {report.scope.kind === 'tenant'
            ? `${report.scope.tenant.name} (${report.scope.tenant.code})`
            : t('reports.overview')}
          {report.site && ` — ${report.site.name}`}
        </h2>
        <dl className="report-heading__facts">
          {report.scope.kind === 'tenant' && (
            <div>
              <dt>{t('reports.contract')}</dt>
              <dd>
                {contract ? `${contract.reference} · ${contract.serviceHours}` : t('reports.noContract')}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('reports.period')}</dt>
            <dd data-testid="report-period">{period(report.period)}</dd>
          </div>
          <div>
            <dt>{t('reports.previousPeriod')}</dt>
            <dd data-testid="report-previous-period">{period(report.previousPeriod)}</dd>
          </div>
          <div>
            <dt>{t('reports.timeZone')}</dt>
            <dd>{report.timeZone}</dd>
          </div>
          <div>
            <dt>{t('reports.generatedAt')}</dt>
            <dd>{formatDate(report.generatedAt)}</dd>
          </div>
        </dl>
      </div>
      <a className="button button--primary" href={exports.pdf} download data-testid="report-pdf">
        {t('reports.export.pdf')}
      </a>
    </div>
  );
}

/** Every figure of the report with the previous period beside it, the charts, the lists, the drill-down. */
export function SteeringReportView({ report, scope }: { report: SteeringReport; scope: ReportScopeQuery }) {
  const t = useT();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const empty = periodIsEmpty(report.current);
  return (
    <ReportScopeContext value={scope}>
      <DrillDownContext value={setDrill}>
        <TimeZoneProvider timeZone={report.timeZone}>
          <article className="report" aria-label={t('reports.title')}>
            <ReportHeading report={report} />
            {empty ? (
              <EmptyState title={t('reports.empty.title')}>
                <p>{t('reports.empty.body')}</p>
              </EmptyState>
            ) : (
              <>
                <KeyFigures report={report} />
                <ReportCharts report={report} />
                <SlaSection report={report} />
                <BreachesList report={report} />
                <ResponseTimesSection report={report} />
                <VolumeSection report={report} />
                <MajorIncidentsList report={report} />
                <AvailabilitySection report={report} />
                <PlannedWorkList report={report} />
                <ChangesSection report={report} />
                <ComplianceSection report={report} />
                <StepExceptionsList report={report} />
                <RecurringSection report={report} />
                <BacklogSection report={report} />
                <TeamSection report={report} />
              </>
            )}
          </article>
          {drill && <DrillDownDialog scope={scope} target={drill} onClose={() => setDrill(null)} />}
        </TimeZoneProvider>
      </DrillDownContext>
    </ReportScopeContext>
  );
}
