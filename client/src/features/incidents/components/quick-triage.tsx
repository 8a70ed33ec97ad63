import { canTransition, type Incident } from '@vigie/shared';
import { useState } from 'react';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useTransitionIncident } from '../api/transition-incident';
import { useUpdateIncident } from '../api/update-incident';
import { useWriteError } from '../hooks/use-write-error';
import { PriorityDialog } from './priority-dialog';

export interface TriageNotice {
  tone: 'success' | 'error';
  text: string;
}

/**
 * The three moves a coordinator makes from the board without opening the incident: acknowledge
 * (taking it when nobody has it), assign to me, set the priority. Only what the status allows is shown.
 */
export function QuickTriage({
  incident,
  myUserId,
  onNotice,
}: {
  incident: Incident;
  myUserId: number;
  onNotice: (notice: TriageNotice) => void;
}) {
  const t = useT();
  const transition = useTransitionIncident();
  const update = useUpdateIncident();
  const writeError = useWriteError();
  const [priorityOpen, setPriorityOpen] = useState(false);
  const busy = transition.isPending || update.isPending;
  const onError = (error: unknown) => onNotice({ tone: 'error', text: writeError(error).message });

  const acknowledge = () =>
    transition.mutate(
      {
        id: incident.id,
        body: {
          to: 'acknowledged',
          version: incident.version,
          assigneeId: incident.assignee === null ? myUserId : undefined,
        },
      },
      {
        onSuccess: (saved) =>
          onNotice({
            tone: 'success',
            text: t('incidents.transitionDone', {
              reference: saved.reference,
              status: t(`incidents.status.${saved.status}`),
            }),
          }),
        onError,
      },
    );

  const assignToMe = () =>
    update.mutate(
      { id: incident.id, body: { version: incident.version, assigneeId: myUserId } },
      {
        onSuccess: (saved) =>
          onNotice({ tone: 'success', text: t('incidents.assignedToMe', { reference: saved.reference }) }),
        onError,
      },
    );

  return (
    <div className="quick-triage" role="group" aria-label={`${t('board.triage')} ${incident.reference}`}>
      {canTransition(incident.status, 'acknowledged') && (
        <button
          type="button"
          className="button button--primary button--small"
          disabled={busy}
          onClick={acknowledge}
        >
          {t('incidents.action.acknowledged')}
        </button>
      )}
      {incident.assignee?.id !== myUserId && (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={assignToMe}
        >
          {t('incidents.assignToMe')}
        </button>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy}
        onClick={() => setPriorityOpen(true)}
      >
        {t('incidents.setPriority')}
      </button>
      {priorityOpen && (
        <PriorityDialog
          incident={incident}
          onClose={() => setPriorityOpen(false)}
          onDone={(saved) => {
            setPriorityOpen(false);
            onNotice({
              tone: 'success',
              text: t('incidents.prioritySaved', { reference: saved.reference, priority: saved.priority }),
            });
          }}
        />
      )}
    </div>
  );
}
