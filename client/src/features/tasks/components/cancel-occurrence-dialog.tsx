import type { Occurrence } from '@vigie/shared';
import { useState } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { FormField } from '../../../components/ui/form-field';
import { FormFooter } from '../../../components/ui/form-footer';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { useCancelOccurrence } from '../api/cancel-occurrence';

/** Cancelling an occurrence needs a reason (it stays in the figures as cancelled, with it). */
export function CancelOccurrenceDialog({
  occurrence,
  onClose,
}: {
  occurrence: Occurrence;
  onClose: () => void;
}) {
  const t = useT();
  const formatDate = useFormatDate();
  const cancel = useCancelOccurrence();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const tooShort = reason.trim().length < 3;
  return (
    <Dialog title={t('tasks.cancelTitle', { time: formatDate(occurrence.scheduledAt) })} onClose={onClose}>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (tooShort) {
            setError(t('validation.tooShort', { min: 3 }));
            return;
          }
          cancel.mutate(
            { occurrence, reason: reason.trim() },
            {
              onSuccess: onClose,
              onError: (failure) => setError(`${t('tasks.cancelError')} ${errorMessage(failure, t)}`),
            },
          );
        }}
      >
        <FormField label={t('tasks.cancelReason')} required error={error && tooShort ? error : undefined}>
          {(control) => (
            <textarea
              {...control}
              className="input"
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          )}
        </FormField>
        <FormFooter
          formError={error && !tooShort ? error : null}
          submitLabel={t('tasks.cancelConfirm')}
          pending={cancel.isPending}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
