import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { dismissTick, useTickQueue } from '../hooks/use-tick-queue';
import type { StepView } from '../lib/step-views';
import { tickQueue } from '../offline/tick-queue-instance';

/** "Waiting for network (n)" for this run's ticks still on the device, and the ticks the server refused. */
export function OfflineTicks({ views, userId }: { views: readonly StepView[]; userId: number }) {
  const t = useT();
  const formatDate = useFormatDate();
  const queue = useTickQueue();
  const waiting = views.flatMap((view) => view.waiting);
  const conflicts = views.flatMap((view) => view.conflicts.map((tick) => ({ tick, view })));

  return (
    <>
      <div role="status" className="notice-area">
        {waiting.length > 0 && (
          <div className="alert alert--warning offline-banner" data-testid="waiting-banner">
            <p className="alert__title">
              {queue.sending ? t('runs.sending') : t('runs.waitingBanner', { count: waiting.length })}
            </p>
            <p>{t('runs.waitingHint')}</p>
            <button
              type="button"
              className="button button--secondary button--touch"
              disabled={queue.sending}
              onClick={() => void tickQueue.flush(userId)}
            >
              {t('runs.sendNow')}
            </button>
          </div>
        )}
      </div>
      {conflicts.length > 0 && (
        <section className="alert alert--error" aria-labelledby="run-conflicts" data-testid="tick-conflicts">
          <h2 className="alert__title" id="run-conflicts">
            {t('runs.conflicts', { count: conflicts.length })}
          </h2>
          <p>{t('runs.conflictHint')}</p>
          <ul className="conflict-list">
            {conflicts.map(({ tick, view }) => {
              const current = view.step.current;
              return (
                <li key={tick.id} className="conflict-list__item">
                  <p>
                    {t('runs.conflictTick', {
                      outcome: t(`runs.status.${tick.body.outcome}`),
                      number: view.number,
                      time: formatDate(tick.body.deviceTime, 'timeWithSeconds'),
                    })}
                  </p>
                  <p>
                    <strong>{tick.conflict?.message}</strong>
                  </p>
                  <p>
                    {t('runs.conflictServer', {
                      state: current
                        ? `${t(`runs.status.${current.outcome}`)} — ${current.performedBy.displayName}, ${formatDate(current.performedAt)}`
                        : t('runs.conflictNothing'),
                    })}
                  </p>
                  <button
                    type="button"
                    className="button button--secondary button--touch"
                    onClick={() => void dismissTick(tick.id)}
                  >
                    {t('runs.dismissConflict')}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
