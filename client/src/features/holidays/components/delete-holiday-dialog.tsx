import type { Holiday } from '@vigie/shared';
import { useState } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useDeleteHoliday } from '../api/delete-holiday';

/** Asks before deleting: the SLA clocks of the country's business-hours contracts count that day again. */
export function DeleteHolidayDialog({
  holiday,
  formattedDate,
  onDeleted,
  onClose,
}: {
  holiday: Holiday;
  formattedDate: string;
  onDeleted: (holiday: Holiday) => void;
  onClose: () => void;
}) {
  const t = useT();
  const deleteHoliday = useDeleteHoliday();
  const [error, setError] = useState<string | null>(null);

  const confirm = () =>
    deleteHoliday.mutate(holiday.id, {
      onSuccess: () => onDeleted(holiday),
      // Someone else deleted it already: the goal is reached.
      onError: (failure) =>
        isApiError(failure, 'not_found') ? onDeleted(holiday) : setError(errorMessage(failure, t)),
    });

  return (
    <Dialog title={t('holidays.deleteTitle')} onClose={onClose}>
      <p>{t('holidays.deleteConfirm', { name: holiday.name, date: formattedDate })}</p>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={confirm}
          disabled={deleteHoliday.isPending}
        >
          {t('holidays.delete')}
        </button>
      </div>
    </Dialog>
  );
}
