import { useState, type ReactNode } from 'react';
import { Dialog } from '../../../components/ui/dialog';
import { useT } from '../../../lib/i18n/i18n-provider';
import type { DeletableInventory } from '../api/delete-inventory-record';
import { DeleteRecordDialog } from './delete-record-dialog';

type Versioned = { id: number; version: number };

/**
 * Edit and delete for the rows of a simple inventory list (sites, rooms, device types): the row
 * buttons, the dialogs, and the notice that says what was done.
 */
export function useRecordManagement<R extends Versioned>({
  kind,
  nameOf,
  renderForm,
}: {
  kind: DeletableInventory;
  nameOf: (record: R) => string;
  renderForm: (record: R, saved: (record: R) => void, cancel: () => void) => ReactNode;
}) {
  const t = useT();
  const [editing, setEditing] = useState<R | null>(null);
  const [deleting, setDeleting] = useState<R | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  return {
    notice: (
      <div role="status" className="notice-area">
        {notice && <p className="alert alert--success">{notice}</p>}
      </div>
    ),
    actions: (record: R) => (
      <span className="row-actions">
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => setEditing(record)}
          aria-label={t('inventoryForm.editLabel', { name: nameOf(record) })}
        >
          {t('inventoryForm.edit')}
        </button>
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => setDeleting(record)}
          aria-label={t('inventoryForm.deleteLabel', { name: nameOf(record) })}
        >
          {t('inventoryForm.delete')}
        </button>
      </span>
    ),
    dialogs: (
      <>
        {editing && (
          <Dialog
            title={t('inventoryForm.editTitle', { name: nameOf(editing) })}
            onClose={() => setEditing(null)}
          >
            {renderForm(
              editing,
              (saved) => {
                setEditing(null);
                setNotice(t('inventoryForm.updated', { name: nameOf(saved) }));
              },
              () => setEditing(null),
            )}
          </Dialog>
        )}
        {deleting && (
          <DeleteRecordDialog
            kind={kind}
            record={deleting}
            name={nameOf(deleting)}
            onDeleted={() => {
              setNotice(t('inventoryForm.deleted', { name: nameOf(deleting) }));
              setDeleting(null);
            }}
            onClose={() => setDeleting(null)}
          />
        )}
      </>
    ),
  };
}
