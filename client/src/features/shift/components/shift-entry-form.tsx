import {
  createShiftLogEntrySchema,
  shiftLogCategories,
  type ShiftLogCategory,
  type ShiftLogEntry,
  type ShiftLogLink,
} from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { FormField } from '../../../components/ui/form-field';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useRetryKey } from '../../incidents/hooks/use-retry-key';
import { useAppendShiftLogEntry } from '../api/append-shift-log-entry';
import { LinkPicker } from './link-picker';

/** Appends an entry to the site's log; with `correcting`, the new entry corrects that one. */
export function ShiftEntryForm({
  siteId,
  correcting,
  onCorrectionDone,
}: {
  siteId: number;
  correcting: ShiftLogEntry | null;
  onCorrectionDone: () => void;
}) {
  const t = useT();
  const append = useAppendShiftLogEntry();
  const retryKey = useRetryKey();
  const [category, setCategory] = useState<ShiftLogCategory>('event');
  const [text, setText] = useState('');
  const [links, setLinks] = useState<ShiftLogLink[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createShiftLogEntrySchema.safeParse(
      {
        siteId,
        category,
        text,
        links: links.map(({ kind, id }) => ({ kind, id })),
        ...(correcting ? { correctsId: correcting.id } : {}),
      },
      { reportInput: true },
    );
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      setFormError(t('validation.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    setNotice(null);
    append.mutate(
      { body: parsed.data, idempotencyKey: retryKey.key },
      {
        onSuccess: () => {
          retryKey.settled();
          setText('');
          setLinks([]);
          setNotice(t('shift.added'));
          if (correcting) onCorrectionDone();
        },
        onError: (error) => {
          retryKey.settled(error);
          if (isApiError(error)) setErrors(apiFieldErrors(error, t));
          setFormError(errorMessage(error, t));
        },
      },
    );
  };

  return (
    <form className="form shift-entry-form" onSubmit={onSubmit} noValidate aria-label={t('shift.add')}>
      {correcting && (
        <div className="alert alert--warning">
          <p>{t('shift.correcting', { id: correcting.id, text: correcting.text })}</p>
          <button type="button" className="button button--secondary button--small" onClick={onCorrectionDone}>
            {t('shift.cancelCorrection')}
          </button>
        </div>
      )}
      <FormField label={t('shift.category')} error={errors.category} required>
        {(control) => (
          <select
            {...control}
            className="input"
            name="category"
            value={category}
            onChange={(event) => setCategory(event.target.value as ShiftLogCategory)}
          >
            {shiftLogCategories.map((option) => (
              <option key={option} value={option}>
                {t(`shift.category.${option}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('shift.text')} error={errors.text} required hint={t('shift.appendOnly')}>
        {(control) => (
          <textarea
            {...control}
            className="input"
            name="text"
            rows={3}
            maxLength={4000}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </FormField>
      <LinkPicker siteId={siteId} links={links} onChange={setLinks} />
      {formError && (
        <p className="alert alert--error" role="alert">
          {formError}
        </p>
      )}
      {notice && (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={append.isPending}>
          {append.isPending ? t('common.saving') : t('shift.add')}
        </button>
      </div>
    </form>
  );
}
