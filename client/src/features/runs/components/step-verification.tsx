import type { RunDetail, RunStep, StepRecord } from '@vigie/shared';
import { ErrorState } from '../../../components/ui/error-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useVerifyStep } from '../api/verify-step';

interface StepVerificationProps {
  run: RunDetail;
  step: RunStep;
  record: StepRecord;
  userId: number | undefined;
  canVerify: boolean;
}

/** A critical step's second signature: only by another signed-in person than the performer. */
export function StepVerification({ run, step, record, userId, canVerify }: StepVerificationProps) {
  const t = useT();
  const verify = useVerifyStep(run.id);
  if (step.verification !== 'awaiting' || record.verification) return null;
  const own = record.performedBy.id === userId;
  return (
    <div className="step-verification" data-testid="step-verification">
      <p className="step-verification__text">{t('runs.awaiting')}</p>
      {own ? (
        <p className="step-verification__own">{t('runs.ownTick')}</p>
      ) : (
        canVerify &&
        run.state === 'in_progress' && (
          <button
            type="button"
            className="button button--primary button--touch"
            disabled={verify.isPending}
            onClick={() => verify.mutate({ stepId: step.id, body: { recordId: record.id } })}
          >
            {verify.isPending ? t('runs.verifying') : t('runs.verify')}
          </button>
        )
      )}
      {verify.isError && <ErrorState error={verify.error} title={t('runs.verifyError')} />}
    </div>
  );
}
