import type { RunContextRequest } from '@vigie/shared';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useStartRun } from '../api/start-run';
import { useRunPermissions } from '../hooks/use-run-permissions';

interface StartRunButtonProps {
  procedureId: string;
  /** The version the user was reading: if the library changed meanwhile, the server answers 409. */
  procedureVersion?: string;
  context?: RunContextRequest;
  label?: string;
  className?: string;
}

/** Starts a run of the procedure (roles with `run.tick`) and opens its checklist. */
export function StartRunButton({
  procedureId,
  procedureVersion,
  context,
  label,
  className,
}: StartRunButtonProps) {
  const t = useT();
  const navigate = useNavigate();
  const { canTick, userId } = useRunPermissions();
  const start = useStartRun();
  if (!canTick) return null;
  return (
    <>
      <button
        type="button"
        className={className ?? 'button button--primary button--touch'}
        disabled={start.isPending}
        onClick={() =>
          start.mutate(
            {
              procedureId,
              ...(procedureVersion ? { procedureVersion } : {}),
              context: context ?? { kind: 'none' },
              assigneeId: userId ?? null,
            },
            { onSuccess: (run) => void navigate(`/runs/${run.id}`) },
          )
        }
      >
        {start.isPending ? t('runs.starting') : (label ?? t('runs.start'))}
      </button>
      {start.isError && (
        <p className="alert alert--error" role="alert">
          {t('runs.startError')} {errorMessage(start.error, t)}
        </p>
      )}
    </>
  );
}
