import { incidentOrigins } from '@vigie/shared';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useMe } from '../../auth/api/get-me';
import { readEnumParam, readIdParam } from '../../inventory/lib/list-filters';
import { emptyIncidentValues, IncidentForm } from './incident-form';

/** Reporting an incident; `?title=&description=&origin=` prefill it (a run's out-of-range reading does). */
export function IncidentCreatePage() {
  const t = useT();
  const me = useMe().data;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  if (!me) return null;
  if (!me.permissions.includes('incident.create')) {
    return <EmptyState title={t('forbidden.title')} headingLevel={1} />;
  }
  // Reported from a run's out-of-range reading: link back to it, and the incident counts against that run.
  const runId = readIdParam(params, 'runId');
  const initialValues = emptyIncidentValues({
    title: params.get('title') ?? '',
    description: params.get('description') ?? '',
    origin: readEnumParam(params, 'origin', incidentOrigins) ?? 'staff',
  });
  return (
    <div className="page page--narrow">
      <title>{t('app.pageTitle', { page: t('incidents.newTitle') })}</title>
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/incidents">{t('incidents.title')}</Link>
          </p>
          <h1 className="page__title">{t('incidents.newTitle')}</h1>
          {runId && (
            <p className="page__subtitle">
              {t('incidents.fromRun')} <Link to={`/runs/${runId}`}>{t('runs.run', { id: runId })}</Link>
            </p>
          )}
        </div>
      </header>
      <IncidentForm
        me={me}
        incident={null}
        initialValues={initialValues}
        sourceRunId={runId}
        onCancel={() => void navigate(-1)}
        onSaved={(incident) =>
          void navigate(`/incidents/${incident.id}`, {
            state: { notice: t('incidents.created', { reference: incident.reference }) },
          })
        }
      />
    </div>
  );
}
