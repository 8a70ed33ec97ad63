import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { isApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useSteeringReport } from '../api/get-steering-report';
import { useReportSelection } from '../hooks/use-report-selection';
import { scopeQueryOf, type ReportSelection } from '../lib/report-selection';
import { ReportFilters } from './report-filters';
import { SteeringReportView } from './steering-report-view';
import '../reports.css';

function ReportBody({ selection }: { selection: ReportSelection }) {
  const t = useT();
  const scope = scopeQueryOf(selection);
  const report = useSteeringReport(scope);
  if (report.isPending) return <LoadingState label={t('reports.loading')} />;
  if (report.isError) {
    // Another tenant's report (or a site that does not exist) is simply not there for this reader.
    if (isApiError(report.error, 'not_found'))
      return (
        <EmptyState title={t('reports.notFound.title')}>
          <p>{t('reports.notFound.body')}</p>
        </EmptyState>
      );
    if (isApiError(report.error, 'forbidden'))
      return (
        <EmptyState title={t('reports.forbidden.title')}>
          <p>{t('reports.forbidden.body')}</p>
        </EmptyState>
      );
    return (
      <ErrorState error={report.error} title={t('reports.loadError')} onRetry={() => void report.refetch()} />
    );
  }
  return <SteeringReportView report={report.data} scope={scope} />;
}

/** `/reports`: the steering-committee report of a contract (or the site overview) for a period. */
export function ReportsPage() {
  const t = useT();
  const choice = useReportSelection();
  const { selection, problem } = choice;
  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: t('reports.title') })}</title>
      <header className="page__header">
        <div>
          <h1 className="page__title">{t('reports.title')}</h1>
          <p className="page__subtitle">{t('reports.subtitle')}</p>
        </div>
      </header>
      {selection && (
        <ReportFilters
          selection={selection}
          canChooseTenant={choice.canChooseTenant}
          tenants={choice.tenants}
          sites={choice.sites}
          today={choice.today}
          onChange={choice.setSelection}
        />
      )}
      {choice.loadingDefaults ? (
        <LoadingState />
      ) : choice.defaultsError ? (
        <ErrorState error={choice.defaultsError} title={t('reports.loadError')} />
      ) : !selection ? null : problem ? (
        <p className="alert alert--error" role="alert">
          {t(`reports.filter.problem.${problem}`)}
        </p>
      ) : (
        <ReportBody selection={selection} />
      )}
    </div>
  );
}
