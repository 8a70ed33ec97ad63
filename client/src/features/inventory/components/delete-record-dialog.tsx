import type { FieldError } from '@vigie/shared';
import { Dialog } from '../../../components/ui/dialog';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { Translate } from '../../../lib/i18n/translate';
import { useDeleteInventoryRecord, type DeletableInventory } from '../api/delete-inventory-record';

/** What still uses a record, from the fields of the server's 409 (`racks`: `3`), in the user's words. */
export function usesOf(fields: readonly FieldError[], t: Translate): string {
  return fields
    .map(({ path, message: count }) => {
      switch (path) {
        case 'rooms':
          return t('inventoryForm.usesRooms', { count });
        case 'racks':
          return t('inventoryForm.usesRacks', { count });
        case 'devices':
          return t('inventoryForm.usesDevices', { count });
        case 'contracts':
          return t('inventoryForm.usesContracts', { count });
        case 'users':
          return t('inventoryForm.usesUsers', { count });
        default:
          return t('inventoryForm.usesOther');
      }
    })
    .join(', ');
}

/**
 * Asks before deleting a site, room, device type or tenant. The server refuses (409) while anything
 * still uses it and says what: that sentence is shown as is.
 */
export function DeleteRecordDialog({
  kind,
  record,
  name,
  onDeleted,
  onClose,
}: {
  kind: DeletableInventory;
  record: { id: number; version: number };
  name: string;
  onDeleted: () => void;
  onClose: () => void;
}) {
  const t = useT();
  const remove = useDeleteInventoryRecord(kind);
  const failure = remove.error;
  const confirm = () =>
    remove.mutate(
      { id: record.id, version: record.version },
      // Someone else deleted it already: the goal is reached.
      {
        onSuccess: onDeleted,
        onError: (error) => (isApiError(error, 'not_found') ? onDeleted() : undefined),
      },
    );

  return (
    <Dialog title={t('inventoryForm.deleteTitle', { name })} onClose={onClose}>
      <p>{t('inventoryForm.deleteConfirm', { name })}</p>
      {failure && !isApiError(failure, 'not_found') && (
        <p className="alert alert--error" role="alert">
          {isApiError(failure, 'conflict')
            ? `${t('inventoryForm.inUse')} ${usesOf(failure.fields, t)}.`
            : isApiError(failure, 'stale_version')
              ? t('inventoryForm.stale')
              : errorMessage(failure, t)}
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
          disabled={remove.isPending}
        >
          {t('inventoryForm.delete')}
        </button>
      </div>
    </Dialog>
  );
}
