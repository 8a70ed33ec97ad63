import { allowedIncidentTransitions, type IncidentTargetStatus } from '@vigie/shared';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Dialog } from '../../../components/ui/dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { isApiError } from '../../../lib/api-client';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { useMe } from '../../auth/api/get-me';
import { IncidentRunsPanel } from '../../runs/components/incident-runs-panel';
import { useIncident } from '../api/get-incident';
import { AffectedEquipment } from './affected-equipment';
import { IncidentStatusBadge, PriorityBadge } from './incident-badges';
import { IncidentForm } from './incident-form';
import { IncidentTimeline } from './incident-timeline';
import { SlaClocks } from './sla-clocks';
import { TransitionDialog } from './transition-dialog';

function readNotice(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string') {
    return state.notice;
  }
  return null;
}

export function IncidentPage() {
  const t = useT();
  const formatDate = useFormatDate();
  const location = useLocation();
  const me = useMe().data;
  const id = Number(useParams().incidentId);
  const validId = Number.isSafeInteger(id) && id > 0;
  const incident = useIncident(validId ? id : 0, validId);
  const [transition, setTransition] = useState<IncidentTargetStatus | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(() => readNotice(location.state));

  if (!me) return null;
  if (!validId || isApiError(incident.error, 'not_found')) {
    return (
      <div className="page">
        <EmptyState title={t('incidents.notFound')} headingLevel={1}>
          <Link className="button button--secondary" to="/incidents">
            {t('incidents.backToList')}
          </Link>
        </EmptyState>
      </div>
    );
  }
  if (incident.isPending) return <LoadingState />;
  if (incident.isError) {
    return (
      <ErrorState
        error={incident.error}
        title={t('incidents.loadError')}
        onRetry={() => void incident.refetch()}
      />
    );
  }
  const data = incident.data;
  const canTriage = me.permissions.includes('incident.triage');
  const actions = canTriage ? allowedIncidentTransitions[data.status] : [];
  const title = `${data.reference} — ${data.title}`;

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: title })}</title>
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/incidents">{t('incidents.title')}</Link>
          </p>
          <h1 className="page__title">
            <span className="mono">{data.reference}</span> {data.title}
          </h1>
          <p className="incident-header__badges">
            <PriorityBadge priority={data.priority} />
            <IncidentStatusBadge status={data.status} />
            {data.major && <span className="badge badge--critical">{t('incidents.majorShort')}</span>}
            {data.escalationLevel > 0 && (
              <span className="badge badge--critical">
                {t('incidents.escalation', { level: data.escalationLevel })}
              </span>
            )}
          </p>
        </div>
        {canTriage && (
          <div className="page__actions" role="group" aria-label={t('incidents.actions')}>
            {actions.map((to) => (
              <button
                key={to}
                type="button"
                className={to === actions[0] ? 'button button--primary' : 'button button--secondary'}
                onClick={() => {
                  setNotice(null);
                  setTransition(to);
                }}
              >
                {t(`incidents.action.${to}`)}
              </button>
            ))}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
            >
              {t('incidents.edit')}
            </button>
          </div>
        )}
      </header>

      {!canTriage && <p className="field__hint">{t('incidents.readOnly')}</p>}
      <div role="status" className="notice-area">
        {notice && <p className="alert alert--success">{notice}</p>}
      </div>

      <section className="section" aria-labelledby="incident-clocks">
        <h2 id="incident-clocks" className="section__title">
          {t('incidents.clocks')}
        </h2>
        <SlaClocks clocks={data.slaClocks} />
      </section>

      <dl className="facts">
        <div>
          <dt>{t('incidents.assignee')}</dt>
          <dd data-testid="incident-assignee">{data.assignee?.displayName ?? t('incidents.unassigned')}</dd>
        </div>
        <div>
          <dt>{t('incidents.tenants')}</dt>
          <dd>
            {data.tenants.length > 0
              ? data.tenants.map((tenant) => tenant.name).join(', ')
              : t('incidents.noTenant')}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.impact')}</dt>
          <dd>{t(`incidents.impact.${data.impact === 1 ? 1 : data.impact === 2 ? 2 : 3}`)}</dd>
        </div>
        <div>
          <dt>{t('incidents.urgency')}</dt>
          <dd>{t(`incidents.urgency.${data.urgency === 1 ? 1 : data.urgency === 2 ? 2 : 3}`)}</dd>
        </div>
        <div>
          <dt>{t('incidents.category')}</dt>
          <dd>{data.category ? t(`procedures.category.${data.category}`) : t('incidents.noCategory')}</dd>
        </div>
        <div>
          <dt>{t('incidents.origin')}</dt>
          <dd>{t(`incidents.origin.${data.origin}`)}</dd>
        </div>
        <div>
          <dt>{t('incidents.openedAt')}</dt>
          <dd>{formatDate(data.openedAt)}</dd>
        </div>
        <div>
          <dt>{t('incidents.createdBy')}</dt>
          <dd>{data.createdBy?.displayName ?? t('incidents.system')}</dd>
        </div>
        <div>
          <dt>{t('incidents.updatedAt')}</dt>
          <dd>
            {formatDate(data.updatedAt)} · {data.updatedBy?.displayName ?? t('incidents.system')}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.slaContract')}</dt>
          <dd>{data.slaContract?.reference ?? t('incidents.defaultPolicy')}</dd>
        </div>
        {data.pendingReason && (
          <div>
            <dt>{t('incidents.pendingReason')}</dt>
            <dd>{t(`incidents.pendingReason.${data.pendingReason}`)}</dd>
          </div>
        )}
        {data.resolutionCode && (
          <div>
            <dt>{t('incidents.resolutionCode')}</dt>
            <dd>{t(`incidents.resolutionCode.${data.resolutionCode}`)}</dd>
          </div>
        )}
        {data.cancellationReason && (
          <div>
            <dt>{t('incidents.cancellationReason')}</dt>
            <dd>{t(`incidents.cancellationReason.${data.cancellationReason}`)}</dd>
          </div>
        )}
      </dl>

      {data.description && (
        <section className="section" aria-labelledby="incident-description">
          <h2 id="incident-description" className="section__title">
            {t('incidents.description')}
          </h2>
          <p className="prewrap">{data.description}</p>
        </section>
      )}
      {(data.workaround || data.solution || data.rootCause) && (
        <dl className="facts facts--text">
          {data.workaround && (
            <div>
              <dt>{t('incidents.workaround')}</dt>
              <dd className="prewrap">{data.workaround}</dd>
            </div>
          )}
          {data.solution && (
            <div>
              <dt>{t('incidents.solution')}</dt>
              <dd className="prewrap">{data.solution}</dd>
            </div>
          )}
          {data.rootCause && (
            <div>
              <dt>{t('incidents.rootCause')}</dt>
              <dd className="prewrap">{data.rootCause}</dd>
            </div>
          )}
        </dl>
      )}

      <AffectedEquipment incident={data} />
      {me.permissions.includes('run.read') && <IncidentRunsPanel incidentId={data.id} />}
      <IncidentTimeline incidentId={data.id} canAddNote={me.permissions.includes('incident.create')} />

      {transition && (
        <TransitionDialog
          incident={data}
          to={transition}
          myUserId={me.user.id}
          onClose={() => setTransition(null)}
          onDone={(saved) => {
            setTransition(null);
            setNotice(
              t('incidents.transitionDone', {
                reference: saved.reference,
                status: t(`incidents.status.${saved.status}`),
              }),
            );
          }}
        />
      )}
      {editing && (
        <Dialog
          title={t('incidents.editTitle', { reference: data.reference })}
          onClose={() => setEditing(false)}
        >
          <IncidentForm
            me={me}
            incident={data}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              setNotice(t('incidents.saved', { reference: saved.reference }));
            }}
          />
        </Dialog>
      )}
    </div>
  );
}
