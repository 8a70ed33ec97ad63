import type { Occurrence } from '@vigie/shared';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useMe } from '../../auth/api/get-me';
import { useNow } from '../../incidents/hooks/use-now';
import { useStartOccurrence } from '../api/start-occurrence';
import { CancelOccurrenceDialog } from './cancel-occurrence-dialog';

/**
 * What one can do with an occurrence: start it (its run opens), open its run, or cancel it with a
 * reason. Each action shows only to the roles allowed it.
 */
export function OccurrenceActions({ occurrence }: { occurrence: Occurrence }) {
  const t = useT();
  const navigate = useNavigate();
  const permissions = useMe().data?.permissions ?? [];
  const start = useStartOccurrence();
  const now = useNow(30_000);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Due, or past its announce time but not yet swept to due by the server's scheduler tick.
  const available =
    occurrence.state === 'due' ||
    (occurrence.state === 'scheduled' && Date.parse(occurrence.availableAt) <= now);
  const startable = available && permissions.includes('run.tick');
  const cancellable =
    (occurrence.state === 'scheduled' || occurrence.state === 'due') && permissions.includes('task.define');
  return (
    <div className="occurrence-actions">
      {startable && (
        <button
          type="button"
          className="button button--primary button--small"
          disabled={start.isPending}
          aria-label={`${t('tasks.start')} : ${occurrence.title}`}
          onClick={() => {
            setError(null);
            start.mutate(occurrence, {
              onSuccess: (started) => {
                if (started.runId !== null) void navigate(`/runs/${started.runId}`);
              },
              onError: (failure) => setError(`${t('tasks.startError')} ${errorMessage(failure, t)}`),
            });
          }}
        >
          {start.isPending ? t('tasks.starting') : t('tasks.start')}
        </button>
      )}
      {occurrence.runId !== null && (
        <Link className="button button--secondary button--small" to={`/runs/${occurrence.runId}`}>
          {t('tasks.openRun')}
        </Link>
      )}
      {cancellable && (
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => setCancelling(true)}
        >
          {t('tasks.cancel')}
        </button>
      )}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {cancelling && <CancelOccurrenceDialog occurrence={occurrence} onClose={() => setCancelling(false)} />}
    </div>
  );
}
