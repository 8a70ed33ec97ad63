import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useRuns } from '../api/get-runs';
import { useRunPermissions } from '../hooks/use-run-permissions';
import { useOfflineTickSync } from '../hooks/use-tick-queue';
import { RunListItem } from './run-list-item';
import '../runs.css';

/**
 * For the coordinator's board: the runs in progress with their progress bars. Live: run and step
 * events make the list stale (app/use-live-updates.ts), so it refetches within the second.
 */
export function RunsInProgressPanel({ limit = 10 }: { limit?: number }) {
  const t = useT();
  const runs = useRuns({ state: 'in_progress', limit });
  // Ticks left on this device are sent from wherever the user is.
  useOfflineTickSync(useRunPermissions().userId);
  return (
    <div className="runs-panel" data-testid="runs-in-progress-panel">
      {runs.isPending ? (
        <LoadingState />
      ) : runs.isError && !runs.data ? (
        <ErrorState error={runs.error} title={t('runs.loadError')} onRetry={() => void runs.refetch()} />
      ) : runs.data.items.length === 0 ? (
        <p className="panel__empty">{t('runs.panelEmpty')}</p>
      ) : (
        <>
          <ul className="run-list">
            {runs.data.items.map((run) => (
              <RunListItem key={run.id} run={run} compact />
            ))}
          </ul>
          <Link to="/runs">{t('runs.title')}</Link>
        </>
      )}
    </div>
  );
}
