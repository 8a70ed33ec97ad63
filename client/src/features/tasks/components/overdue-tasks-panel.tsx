import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useOccurrenceWork } from '../hooks/use-occurrence-work';
import { OccurrenceList } from './occurrence-list';
import '../tasks.css';

/**
 * For the coordinator's board: overdue occurrences, then those due within the next hours, with
 * their start buttons. Live: occurrence events make the lists stale, so they refetch at once.
 */
export function OverdueTasksPanel({ aheadHours = 2 }: { aheadHours?: number }) {
  const t = useT();
  const work = useOccurrenceWork({ aheadHours, limit: 50 });
  const dueSoon = work.upcomingItems;
  const failed = work.overdue.isError ? work.overdue : work.upcoming.isError ? work.upcoming : null;
  return (
    <div className="tasks-panel" data-testid="overdue-tasks-panel">
      {work.overdue.isPending || work.upcoming.isPending ? (
        <LoadingState />
      ) : failed && !failed.data ? (
        <ErrorState
          error={failed.error}
          title={t('tasks.occurrencesLoadError')}
          onRetry={() => void failed.refetch()}
        />
      ) : work.overdueItems.length === 0 && dueSoon.length === 0 ? (
        <p className="panel__empty">{t('tasks.panelEmpty')}</p>
      ) : (
        <>
          {/* A polite status: a task turning overdue is announced, not only drawn. */}
          <p role="status" className="occurrence-item__meta" data-testid="overdue-tasks-summary">
            {t('tasks.panelSummary', { overdue: work.overdueItems.length, soon: dueSoon.length })}
          </p>
          {work.overdueItems.length > 0 && (
            <OccurrenceList occurrences={work.overdueItems.slice(0, 10)} label={t('tasks.overdue')} />
          )}
          {dueSoon.length > 0 && (
            <OccurrenceList occurrences={dueSoon.slice(0, 10)} label={t('tasks.upcoming')} />
          )}
        </>
      )}
      <Link to="/tasks">{t('tasks.allTasks')}</Link>
    </div>
  );
}
