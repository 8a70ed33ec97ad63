import { useT } from '../../lib/i18n/i18n-provider';

interface FormFooterProps {
  /** The form-level error (what went wrong as a whole), shown above the buttons. */
  formError: string | null;
  submitLabel: string;
  pending: boolean;
  onCancel: () => void;
}

/** The end of every form: its error, then cancel and submit (disabled while saving). */
export function FormFooter({ formError, submitLabel, pending, onCancel }: FormFooterProps) {
  const t = useT();
  return (
    <>
      {formError && (
        <p className="alert alert--error" role="alert">
          {formError}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('common.saving') : submitLabel}
        </button>
      </div>
    </>
  );
}
