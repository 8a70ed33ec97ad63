import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { ProcedureKindBadge, ProcedureRiskBadge } from '../../procedures/components/procedure-badges';
import { localized } from '../../procedures/lib/localized';
import { useRuns } from '../api/get-runs';
import { useRunPermissions } from '../hooks/use-run-permissions';
import { useOfflineTickSync } from '../hooks/use-tick-queue';
import { useSuggestedProcedures } from '../api/get-suggested-procedures';
import { RunListItem } from './run-list-item';
import { StartRunButton } from './start-run-button';
import '../runs.css';

/**
 * For the incident page: the runs started for this incident (live), and the procedures suggested by
 * its category and affected equipment, each with "start" (roles with `run.tick`).
 */
export function IncidentRunsPanel({ incidentId }: { incidentId: number }) {
  const t = useT();
  const { locale } = useLocale();
  const runs = useRuns({ incidentId, limit: 50 });
  // Ticks left on this device are sent from wherever the user is.
  useOfflineTickSync(useRunPermissions().userId);
  const suggested = useSuggestedProcedures(incidentId);

  return (
    <div className="runs-panel" data-testid="incident-runs-panel">
      <section className="section" aria-labelledby={`incident-${incidentId}-runs`}>
        <h3 className="section__title" id={`incident-${incidentId}-runs`}>
          {t('runs.incidentRuns')}
        </h3>
        {runs.isPending ? (
          <LoadingState />
        ) : runs.isError && !runs.data ? (
          <ErrorState error={runs.error} title={t('runs.loadError')} onRetry={() => void runs.refetch()} />
        ) : runs.data.items.length === 0 ? (
          <p>{t('runs.incidentRunsEmpty')}</p>
        ) : (
          <ul className="run-list">
            {runs.data.items.map((run) => (
              <RunListItem key={run.id} run={run} compact />
            ))}
          </ul>
        )}
      </section>
      <section className="section" aria-labelledby={`incident-${incidentId}-suggested`}>
        <h3 className="section__title" id={`incident-${incidentId}-suggested`}>
          {t('runs.suggested')}
        </h3>
        {suggested.isPending ? (
          <LoadingState />
        ) : suggested.isError ? (
          <ErrorState
            error={suggested.error}
            title={t('runs.loadError')}
            onRetry={() => void suggested.refetch()}
          />
        ) : suggested.data.items.length === 0 ? (
          <p>{t('runs.suggestedEmpty')}</p>
        ) : (
          <ul className="suggested-list">
            {suggested.data.items.map((procedure) => (
              <li key={procedure.id} className="suggested-item" data-testid={`suggested-${procedure.id}`}>
                <div>
                  <p className="run-item__meta">
                    <ProcedureKindBadge kind={procedure.kind} />
                    <ProcedureRiskBadge risk={procedure.risk} />
                  </p>
                  <p className="run-item__title">{localized(procedure.title, locale)}</p>
                  <p className="run-item__meta">
                    {t('runs.matchedBy', {
                      reasons: procedure.matchedBy.map((reason) => t(`runs.matchedBy.${reason}`)).join(', '),
                    })}
                  </p>
                </div>
                <StartRunButton
                  procedureId={procedure.id}
                  procedureVersion={procedure.version}
                  context={{ kind: 'incident', id: incidentId }}
                  label={t('runs.startForIncident')}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
