import type { Handover } from '@vigie/shared';
import { useState } from 'react';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { useAcknowledgeHandover } from '../api/acknowledge-handover';
import { usePendingHandovers } from '../api/get-pending-handovers';
import { HandoverSections } from './handover-sections';

/** Submitted handovers waiting for the incoming coordinator, who reads and acknowledges them. */
export function PendingHandovers({ myUserId, canWrite }: { myUserId: number; canWrite: boolean }) {
  const t = useT();
  const pending = usePendingHandovers();
  if (pending.isPending) return <LoadingState />;
  if (pending.isError) {
    return (
      <ErrorState
        error={pending.error}
        title={t('shift.pendingError')}
        onRetry={() => void pending.refetch()}
      />
    );
  }
  if (pending.data.items.length === 0) return <EmptyState title={t('shift.pendingEmpty')} headingLevel={3} />;
  return (
    <ul className="plain-list pending-handovers">
      {pending.data.items.map((handover) => (
        <PendingHandover key={handover.id} handover={handover} myUserId={myUserId} canWrite={canWrite} />
      ))}
    </ul>
  );
}

function PendingHandover({
  handover,
  myUserId,
  canWrite,
}: {
  handover: Handover;
  myUserId: number;
  canWrite: boolean;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const acknowledge = useAcknowledgeHandover();
  const [error, setError] = useState<string | null>(null);
  const mine = handover.outgoing.id === myUserId;
  return (
    <li className="pending-handover" data-testid="pending-handover">
      <p className="pending-handover__title">
        {t('shift.handoverBy', {
          name: handover.outgoing.displayName,
          at: formatDate(handover.submittedAt ?? handover.shiftEnd, 'datetime'),
        })}
      </p>
      <p className="pending-handover__notes">{handover.notes || t('shift.noNotes')}</p>
      <details className="disclosure">
        <summary>{t('shift.showDetails')}</summary>
        <HandoverSections snapshot={handover.snapshot} />
      </details>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {mine ? (
        <p className="panel__hint">{t('shift.ownHandover')}</p>
      ) : (
        canWrite && (
          <button
            type="button"
            className="button button--primary"
            disabled={acknowledge.isPending}
            onClick={() =>
              acknowledge.mutate(handover.id!, { onError: (failure) => setError(errorMessage(failure, t)) })
            }
          >
            {t('shift.acknowledge')}
          </button>
        )
      )}
    </li>
  );
}
