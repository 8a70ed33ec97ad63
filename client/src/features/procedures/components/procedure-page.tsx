import type { ProcedureDetail, ProcedureStep } from '@vigie/shared';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { isApiError } from '../../../lib/api-client';
import { useLocale, useT } from '../../../lib/i18n/i18n-provider';
import { useProcedure } from '../api/get-procedure';
import { localized } from '../lib/localized';
import { ProcedureKindBadge, ProcedureRiskBadge } from './procedure-badges';
import { StepMarks } from './step-marks';

export interface ProcedurePageProps {
  /** Rendered in the header, e.g. the "start a run" button (the runs feature provides it). */
  renderActions?: (detail: ProcedureDetail) => ReactNode;
}

export function ProcedurePage({ renderActions }: ProcedurePageProps) {
  const t = useT();
  const { locale } = useLocale();
  const id = useParams().procedureId;
  const detail = useProcedure(id);

  if (isApiError(detail.error, 'not_found')) {
    return (
      <div className="page">
        <title>{t('app.pageTitle', { page: t('notFound.title') })}</title>
        <EmptyState title={t('notFound.title')} headingLevel={1}>
          <p>{t('procedures.notFound')}</p>
          <Link className="button button--secondary" to="/procedures">
            {t('procedures.backToLibrary')}
          </Link>
        </EmptyState>
      </div>
    );
  }
  if (detail.isPending) return <LoadingState />;
  if (detail.isError) {
    return (
      <ErrorState
        error={detail.error}
        title={t('procedures.loadError')}
        onRetry={() => void detail.refetch()}
      />
    );
  }
  const { procedure, version, file } = detail.data;
  const title = localized(procedure.title, locale);

  return (
    <div className="page">
      <title>{t('app.pageTitle', { page: title })}</title>
      <header className="page__header">
        <div>
          <p className="breadcrumb">
            <Link to="/procedures">{t('procedures.library')}</Link>
          </p>
          <h1 className="page__title">{title}</h1>
          <p className="procedure-card__badges">
            <ProcedureKindBadge kind={procedure.kind} />
            <ProcedureRiskBadge risk={procedure.risk} />
          </p>
        </div>
        <div className="page__actions">{renderActions?.(detail.data)}</div>
      </header>

      <dl className="facts">
        <div>
          <dt>{t('procedures.estimated')}</dt>
          <dd>{t('procedures.minutes', { minutes: procedure.estimated_minutes })}</dd>
        </div>
        <div>
          <dt>{t('procedures.appliesTo')}</dt>
          <dd>{procedure.applies_to.map((target) => t(`procedures.target.${target}`)).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('procedures.categories')}</dt>
          <dd>
            {procedure.categories.length > 0
              ? procedure.categories.map((category) => t(`procedures.category.${category}`)).join(', ')
              : t('common.none')}
          </dd>
        </div>
        <div>
          <dt>{t('procedures.file')}</dt>
          <dd className="mono">{file}</dd>
        </div>
        <div className="facts__wide">
          <dt>{t('procedures.version')}</dt>
          <dd className="mono" title={t('procedures.versionHint')} data-testid="procedure-version">
            {version}
          </dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="procedure-prerequisites">
        <h2 className="section__title" id="procedure-prerequisites">
          {t('procedures.prerequisites')}
        </h2>
        {procedure.prerequisites.length === 0 ? (
          <p>{t('procedures.noPrerequisites')}</p>
        ) : (
          <ul className="procedure-prerequisites">
            {procedure.prerequisites.map((prerequisite, index) => (
              <li key={index}>{localized(prerequisite, locale)}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-labelledby="procedure-steps">
        <h2 className="section__title" id="procedure-steps">
          {t('procedures.steps')}
        </h2>
        {procedure.phases ? (
          procedure.phases.map((phase, index) => (
            <section key={phase.id} className="procedure-phase" aria-labelledby={`phase-${phase.id}`}>
              <h3 className="procedure-phase__title" id={`phase-${phase.id}`}>
                {t('procedures.phase', { number: index + 1, title: localized(phase.title, locale) })}
                {phase.free_order && (
                  <span className="badge badge--muted" title={t('procedures.freeOrderHint')}>
                    {t('procedures.freeOrder')}
                  </span>
                )}
              </h3>
              <StepList steps={phase.steps} />
            </section>
          ))
        ) : (
          <StepList steps={procedure.steps ?? []} />
        )}
      </section>

      {procedure.rollback && (
        <section className="section" aria-labelledby="procedure-rollback">
          <h2 className="section__title" id="procedure-rollback">
            {t('procedures.rollback')}
          </h2>
          <p className="page__subtitle">{t('procedures.rollbackIntro')}</p>
          <StepList steps={procedure.rollback} />
        </section>
      )}

      {procedure.references.length > 0 && (
        <section className="section" aria-labelledby="procedure-references">
          <h2 className="section__title" id="procedure-references">
            {t('procedures.references')}
          </h2>
          <ul>
            {procedure.references.map((reference) => (
              <li key={reference}>{reference}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function StepList({ steps }: { steps: readonly ProcedureStep[] }) {
  const { locale } = useLocale();
  return (
    <ol className="procedure-steps">
      {steps.map((step) => (
        <li key={step.id} className="procedure-step" data-testid={`procedure-step-${step.id}`}>
          <p className="procedure-step__text">{localized(step.text, locale)}</p>
          <StepMarks
            expected={step.expected}
            reading={step.reading}
            critical={step.critical}
            evidence={step.evidence}
          />
        </li>
      ))}
    </ol>
  );
}
