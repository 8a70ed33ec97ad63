import type { RunDetail } from '@vigie/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { StepMarks } from '../../procedures/components/step-marks';
import { localized } from '../../procedures/lib/localized';
import { formatNumber, isInRange } from '../../procedures/lib/reading-range';
import { incidentPrefillHref } from '../lib/incident-prefill';
import type { StepView } from '../lib/step-views';
import { StepStatusBadge } from './run-badges';
import { StepForm } from './step-form';
import { StepRecordView } from './step-record-view';
import { StepVerification } from './step-verification';

interface StepCardProps {
  run: RunDetail;
  view: StepView;
  userId: number | undefined;
  canTick: boolean;
  canVerify: boolean;
  /** Show the signing form at once (the step in focus); otherwise behind a button. */
  expanded: boolean;
  onSigned?: () => void;
}

/** One step of a run: what to do, where it stands, who did what and when, and how to sign it. */
export function StepCard({ run, view, userId, canTick, canVerify, expanded, onSigned }: StepCardProps) {
  const t = useT();
  const { locale } = useLocale();
  const formatDate = useFormatDate();
  const { step } = view;
  const [mode, setMode] = useState<'idle' | 'sign' | 'correct'>('idle');
  const current = step.current;
  const signing =
    userId !== undefined && canTick && (mode === 'sign' || (expanded && mode === 'idle')) && view.canSign;
  const correcting =
    userId !== undefined && canTick && mode === 'correct' && current !== null && run.state === 'in_progress';
  const title = step.rollback
    ? t('runs.rollbackNumber', { number: view.number })
    : t('runs.stepNumber', { number: view.number });
  const headingId = `step-${step.id}-title`;

  return (
    <article
      className={`step-card step-card--${view.status}`}
      aria-labelledby={headingId}
      data-testid={`run-step-${step.id}`}
    >
      <header className="step-card__header">
        <h2 className="step-card__title" id={headingId}>
          {title}
        </h2>
        <StepStatusBadge status={view.status} />
      </header>
      <p className="step-card__text">{localized(step.text, locale)}</p>
      <StepMarks
        expected={step.expected}
        reading={step.reading}
        critical={step.critical}
        evidence={step.evidenceRequired}
      />

      {current && (
        <section className="step-card__record" aria-label={t('runs.record')}>
          <StepRecordView record={current} runId={run.id} />
          {current.reading && !current.reading.inRange && (
            <Link
              className="button button--secondary button--touch"
              to={incidentPrefillHref(run, step, view.number, current.reading.value, locale, t)}
            >
              {t('runs.openIncident')}
            </Link>
          )}
          <StepVerification run={run} step={step} record={current} userId={userId} canVerify={canVerify} />
        </section>
      )}

      {view.waiting.map((tick) => (
        <div key={tick.id} className="step-card__waiting" data-testid="waiting-tick">
          <p>
            <strong>{t(`runs.status.${tick.body.outcome}`)}</strong>
            {tick.body.reading !== undefined && step.reading && (
              <>
                {' · '}
                {formatNumber(tick.body.reading, locale)} {step.reading.unit}{' '}
                {!isInRange(tick.body.reading, step.reading) && (
                  <span className="badge run-flag run-flag--critical">{t('runs.outOfRangeFlag')}</span>
                )}
              </>
            )}
          </p>
          <p className="step-record__meta">
            {t('runs.waitingTick', { time: formatDate(tick.body.deviceTime, 'timeWithSeconds') })}
          </p>
        </div>
      ))}

      {signing && (
        <StepForm
          run={run}
          view={view}
          userId={userId}
          onDone={() => {
            setMode('idle');
            onSigned?.();
          }}
          onCancel={mode === 'sign' ? () => setMode('idle') : undefined}
        />
      )}
      {correcting && (
        <StepForm
          run={run}
          view={view}
          userId={userId}
          correcting={current}
          onDone={() => setMode('idle')}
          onCancel={() => setMode('idle')}
        />
      )}

      {!signing && !correcting && canTick && run.state === 'in_progress' && (
        <div className="step-card__actions">
          {view.canSign && (
            <button
              type="button"
              className="button button--primary button--touch"
              onClick={() => setMode('sign')}
            >
              {t('runs.sign')}
            </button>
          )}
          {current && view.waiting.length === 0 && (
            <button
              type="button"
              className="button button--secondary button--touch"
              onClick={() => setMode('correct')}
            >
              {t('runs.correct')}
            </button>
          )}
        </div>
      )}

      {step.history.length > 0 && (
        <details className="disclosure step-card__history">
          <summary>{t('runs.history', { count: step.history.length })}</summary>
          <ol className="plain-list step-history" aria-label={t('runs.historyCaption')}>
            {step.history.map((record) => (
              <li key={record.id}>
                <StepRecordView record={record} runId={run.id} />
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}
