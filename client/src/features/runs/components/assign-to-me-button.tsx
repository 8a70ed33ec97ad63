import type { RunDetail } from '@vigie/shared';
import { ErrorState } from '../../../components/ui/error-state';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useAssignRun } from '../api/assign-run';

/** A technician takes over a run started by someone else (e.g. the coordinator, from an incident). */
export function AssignToMeButton({ run, userId }: { run: RunDetail; userId: number }) {
  const t = useT();
  const assign = useAssignRun(run.id);
  if (run.state !== 'in_progress' || run.assignee?.id === userId) return null;
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--touch"
        disabled={assign.isPending}
        onClick={() => assign.mutate({ version: run.version, assigneeId: userId })}
      >
        {t('runs.assignToMe')}
      </button>
      {assign.isError && <ErrorState error={assign.error} title={t('runs.assignError')} />}
    </>
  );
}
