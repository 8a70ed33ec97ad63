import type { RunProgress, RunState } from '@vigie/shared';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { StepDisplayStatus } from '../lib/step-views';
import '../runs.css';

export function RunStateBadge({ state }: { state: RunState }) {
  const t = useT();
  return <span className={`badge run-state run-state--${state}`}>{t(`runs.state.${state}`)}</span>;
}

export function StepStatusBadge({ status }: { status: StepDisplayStatus }) {
  const t = useT();
  return (
    <span className={`badge step-status step-status--${status}`} data-testid="step-status">
      {t(`runs.status.${status}`)}
    </span>
  );
}

/** Signed required steps over required steps, as a bar and in words. */
export function RunProgressBar({ progress, compact = false }: { progress: RunProgress; compact?: boolean }) {
  const t = useT();
  const label = t('runs.progress', { signed: progress.signed, required: progress.required });
  return (
    <div className={compact ? 'run-progress run-progress--compact' : 'run-progress'}>
      <progress
        className="run-progress__bar"
        max={Math.max(progress.required, 1)}
        value={progress.signed}
        aria-label={`${t('runs.progressLabel')} : ${label}`}
      />
      <span className="run-progress__text" data-testid="run-progress">
        {label}
        {progress.awaitingVerification > 0 &&
          ` · ${t('runs.awaitingVerification', { count: progress.awaitingVerification })}`}
        {progress.outOfRange > 0 && ` · ${t('runs.outOfRangeCount', { count: progress.outOfRange })}`}
        {progress.failed > 0 && ` · ${t('runs.failedCount', { count: progress.failed })}`}
      </span>
    </div>
  );
}
