import type { RunDetail } from '@vigie/shared';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { isApiError } from '../../../lib/api-client';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { ProcedureKindBadge, ProcedureRiskBadge } from '../../procedures/components/procedure-badges';
import { localized } from '../../procedures/lib/localized';
import { useRun } from '../api/get-run';
import { useRunPermissions } from '../hooks/use-run-permissions';
import { useRunViewMode } from '../hooks/use-run-view-mode';
import { useOfflineTickSync, useTickQueue } from '../hooks/use-tick-queue';
import { buildStepViews, firstOpenStep, type StepView } from '../lib/step-views';
import { AssignToMeButton } from './assign-to-me-button';
import { OfflineTicks } from './offline-ticks';
import { RunProgressBar, RunStateBadge } from './run-badges';
import { RunContextLink } from './run-context-link';
import { RunEndActions } from './run-end-actions';
import { StepCard } from './step-card';

/** The technician's checklist (phone and tablet first): one step at a time or the whole list. */
export function RunPage() {
  const t = useT();
  const id = Number(useParams().runId);
  const validId = Number.isSafeInteger(id) && id > 0;
  const run = useRun(validId ? id : 0, validId);
  const permissions = useRunPermissions();
  useOfflineTickSync(permissions.userId);

  if (!validId || isApiError(run.error, 'not_found')) {
    return (
      <div className="page">
        <title>{t('app.pageTitle', { page: t('notFound.title') })}</title>
        <EmptyState title={t('notFound.title')} headingLevel={1}>
          <p>{t('runs.notFound')}</p>
          <Link className="button button--secondary" to="/runs">
            {t('runs.backToRuns')}
          </Link>
        </EmptyState>
      </div>
    );
  }
  if (run.isPending) return <LoadingState />;
  if (run.isError) {
    return <ErrorState error={run.error} title={t('runs.loadRunError')} onRetry={() => void run.refetch()} />;
  }
  return <RunChecklist run={run.data} {...permissions} />;
}

interface RunChecklistProps {
  run: RunDetail;
  userId: number | undefined;
  canTick: boolean;
  canVerify: boolean;
}

function RunChecklist({ run, userId, canTick, canVerify }: RunChecklistProps) {
  const t = useT();
  const { locale } = useLocale();
  const formatDate = useFormatDate();
  const queue = useTickQueue();
  const views = useMemo(() => buildStepViews(run, queue.ticks), [run, queue.ticks]);
  const [mode, setMode] = useRunViewMode();
  const title = localized(run.procedure.title, locale);
  const mainViews = views.filter((view) => !view.step.rollback);
  const rollbackViews = views.filter((view) => view.step.rollback);

  return (
    <div className="page run-page">
      <title>{t('app.pageTitle', { page: `${t('runs.run', { id: run.id })} — ${title}` })}</title>
      <header className="run-header">
        <p className="breadcrumb">
          <Link to="/runs">{t('procedures.runs')}</Link> · {t('runs.run', { id: run.id })}
        </p>
        <h1 className="run-header__title">{title}</h1>
        <p className="run-header__badges">
          <RunStateBadge state={run.state} />
          <ProcedureKindBadge kind={run.procedure.kind} />
          <ProcedureRiskBadge risk={run.procedure.risk} />
        </p>
        <dl className="run-facts">
          <div>
            <dt>{t('runs.context')}</dt>
            <dd data-testid="run-context">
              <RunContextLink context={run.context} />
            </dd>
          </div>
          <div>
            <dt>{t('runs.procedure')}</dt>
            <dd>
              <Link to={`/procedures/${run.procedure.id}`} title={run.procedure.version}>
                {t('runs.procedureVersion', { hash: run.procedure.version.slice(0, 12) })}
              </Link>
            </dd>
          </div>
          <div>
            <dt>{t('runs.assignee')}</dt>
            <dd className="run-facts__assignee" data-testid="run-assignee">
              {run.assignee?.displayName ?? t('runs.unassigned')}
              {canTick && userId !== undefined && <AssignToMeButton run={run} userId={userId} />}
            </dd>
          </div>
          <div>
            <dt>{t('runs.started')}</dt>
            <dd>
              {t('runs.startedBy', { name: run.startedBy.displayName, time: formatDate(run.startedAt) })}
              {run.endedBy && run.endedAt && (
                <>
                  <br />
                  {t('runs.endedBy', { name: run.endedBy.displayName, time: formatDate(run.endedAt) })}
                </>
              )}
            </dd>
          </div>
        </dl>
        <RunProgressBar progress={run.progress} />
        {run.abortReason && (
          <p className="alert alert--error">{t('runs.abortedBecause', { reason: run.abortReason })}</p>
        )}
        {run.state === 'completed' && <p className="alert alert--success">{t('runs.completed')}</p>}
      </header>

      {userId !== undefined && <OfflineTicks views={views} userId={userId} />}

      {run.prerequisites.length > 0 && (
        <details className="disclosure">
          <summary>{t('runs.prerequisites')}</summary>
          <ul>
            {run.prerequisites.map((prerequisite, index) => (
              <li key={index}>{localized(prerequisite, locale)}</li>
            ))}
          </ul>
        </details>
      )}

      <fieldset className="view-toggle">
        <legend className="visually-hidden">{t('runs.view')}</legend>
        {(['one', 'all'] as const).map((value) => (
          <label key={value} className="view-toggle__option">
            <input type="radio" name="run-view" checked={mode === value} onChange={() => setMode(value)} />
            {t(`runs.view.${value}`)}
          </label>
        ))}
      </fieldset>

      {mode === 'one' ? (
        <OneStepAtATime run={run} views={mainViews} userId={userId} canTick={canTick} canVerify={canVerify} />
      ) : (
        <StepList run={run} views={mainViews} userId={userId} canTick={canTick} canVerify={canVerify} />
      )}

      {rollbackViews.length > 0 && (
        <details className="disclosure run-rollback">
          <summary>{t('runs.rollbackSteps')}</summary>
          <p className="page__subtitle">{t('runs.rollbackHint')}</p>
          <StepList
            run={run}
            views={rollbackViews}
            userId={userId}
            canTick={canTick}
            canVerify={canVerify}
            focusFirst={false}
          />
        </details>
      )}

      <RunEndActions run={run} canTick={canTick} />
    </div>
  );
}

interface StepsProps extends Omit<RunChecklistProps, 'run'> {
  run: RunDetail;
  views: StepView[];
  /** Open the signing form of the first step to sign. */
  focusFirst?: boolean;
}

function StepList({ run, views, focusFirst = true, ...rest }: StepsProps) {
  const open = focusFirst ? firstOpenStep(views) : -1;
  return (
    <ol className="plain-list run-steps">
      {views.map((view, index) => (
        <li key={view.step.id}>
          <StepCard run={run} view={view} expanded={index === open && view.canSign} {...rest} />
        </li>
      ))}
    </ol>
  );
}

function OneStepAtATime({ run, views, ...rest }: StepsProps) {
  const t = useT();
  // null: follow the next step to sign; a number: the step the technician navigated to.
  const [chosen, setChosen] = useState<number | null>(null);
  if (views.length === 0) return null;
  const index = Math.min(
    chosen ?? firstOpenStep(views, rest.canVerify ? rest.userId : undefined),
    views.length - 1,
  );
  const view = views[index];
  if (!view) return null;
  return (
    <section className="one-step" aria-label={t('runs.stepOf', { number: index + 1, total: views.length })}>
      <p className="one-step__position">{t('runs.stepOf', { number: index + 1, total: views.length })}</p>
      <StepCard
        key={view.step.id}
        run={run}
        view={view}
        expanded
        onSigned={() => setChosen(null)}
        {...rest}
      />
      <nav className="one-step__nav" aria-label={t('runs.view.one')}>
        <button
          type="button"
          className="button button--secondary button--touch"
          disabled={index === 0}
          onClick={() => setChosen(index - 1)}
        >
          {t('runs.previousStep')}
        </button>
        {chosen !== null && (
          <button
            type="button"
            className="button button--secondary button--touch"
            onClick={() => setChosen(null)}
          >
            {t('runs.nextToSign')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary button--touch"
          disabled={index >= views.length - 1}
          onClick={() => setChosen(index + 1)}
        >
          {t('runs.nextStep')}
        </button>
      </nav>
    </section>
  );
}
