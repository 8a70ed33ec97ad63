import { useState, type FormEvent } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { errorMessage } from '../../../lib/error-message';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useFormatDate } from '../../../lib/time-zone';
import { useRetryKey } from '../../incidents/hooks/use-retry-key';
import { useHandoverDraft } from '../api/get-handover-draft';
import { usePendingHandovers } from '../api/get-pending-handovers';
import { useSubmitHandover } from '../api/submit-handover';
import { HandoverSections } from './handover-sections';

/** The outgoing coordinator's handover: the generated draft, their notes, submit. */
export function HandoverDraftPanel({ siteId }: { siteId: number }) {
  const t = useT();
  const formatDate = useFormatDate();
  const [open, setOpen] = useState(false);
  const [notes, setNotes] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const draft = useHandoverDraft(siteId, { enabled: open });
  const submit = useSubmitHandover();
  const retryKey = useRetryKey();
  // The server refuses a second pending handover for a site (409): say so before the click.
  const pending = usePendingHandovers({ enabled: open });
  const blocking = pending.data?.items.find((handover) => handover.siteId === siteId) ?? null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    submit.mutate(
      { body: { siteId, notes }, idempotencyKey: retryKey.key },
      {
        onSuccess: () => {
          retryKey.settled();
          setNotes('');
          setOpen(false);
          setNotice(t('shift.submitted'));
        },
        onError: (error) => {
          retryKey.settled(error);
          setFormError(errorMessage(error, t));
        },
      },
    );
  };

  if (!open) {
    return (
      <div className="handover-draft">
        {notice && (
          <p className="alert alert--success" role="status">
            {notice}
          </p>
        )}
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setNotice(null);
            setOpen(true);
          }}
        >
          {t('shift.prepareHandover')}
        </button>
      </div>
    );
  }
  return (
    <div className="handover-draft">
      {draft.isPending && <LoadingState />}
      {draft.isError && (
        <ErrorState error={draft.error} title={t('shift.draftError')} onRetry={() => void draft.refetch()} />
      )}
      {draft.data && (
        <>
          <p className="panel__hint">
            {t('shift.draftFrom', {
              start: formatDate(draft.data.shiftStart, 'datetime'),
              end: formatDate(draft.data.shiftEnd, 'datetime'),
            })}{' '}
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={draft.isFetching}
              onClick={() => void draft.refetch()}
            >
              {t('shift.refreshDraft')}
            </button>
          </p>
          <HandoverSections snapshot={draft.data.snapshot} />
          <form className="form" onSubmit={onSubmit} noValidate>
            <div className="field">
              <label className="field__label" htmlFor="handover-notes">
                {t('shift.notes')}
              </label>
              <textarea
                id="handover-notes"
                className="input"
                rows={4}
                maxLength={8000}
                value={notes}
                onChange={(event) => setNotes(event.target.value)}
              />
            </div>
            {blocking && (
              <p className="alert alert--warning" role="status">
                {t('shift.submitBlocked', {
                  name: blocking.outgoing.displayName,
                  at: formatDate(blocking.submittedAt ?? blocking.shiftEnd, 'datetime'),
                })}
              </p>
            )}
            {formError && (
              <p className="alert alert--error" role="alert">
                {formError}
              </p>
            )}
            <div className="form__actions">
              <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </button>
              <button
                type="submit"
                className="button button--primary"
                disabled={submit.isPending || blocking !== null}
              >
                {submit.isPending ? t('shift.submitting') : t('shift.submit')}
              </button>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
