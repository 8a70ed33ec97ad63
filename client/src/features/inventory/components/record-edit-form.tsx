import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { FormField } from '../../../components/ui/form-field';
import { isApiError } from '../../../lib/api-client';
import { zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { changedFields, formValueOf, type EditFieldKind } from '../lib/form-values';
import { writeErrors } from './write-errors';

/** One field of an edit form: the record key it edits, and how it is typed. */
export interface EditField {
  key: string;
  label: string;
  kind: EditFieldKind;
  /** Choices of a select; an optional select adds "none" as its first choice. */
  options?: readonly { value: string; label: string }[];
  noneLabel?: string;
  required?: boolean;
}

type Versioned = Record<string, unknown> & { id: number; version: number };

interface RecordEditFormProps<R extends Versioned, P> {
  record: R;
  fields: readonly EditField[];
  /** The update schema (version + optional fields): the same check the server makes. */
  schema: z.ZodType<P>;
  /** To read the current state a 409 stale answer carries. */
  recordSchema: z.ZodType<R>;
  save: (body: P, handlers: { onSuccess: (saved: R) => void; onError: (error: unknown) => void }) => void;
  pending: boolean;
  onSaved: (saved: R) => void;
  onCancel: () => void;
}

const valuesOf = (record: Versioned, fields: readonly EditField[]) =>
  Object.fromEntries(fields.map((field) => [field.key, formValueOf(record[field.key], field.kind)]));

/**
 * An edit form for a simple inventory record (site, room, device type): sends only the fields that
 * changed with the version it was read at; on a stale version it reloads the current state.
 */
export function RecordEditForm<R extends Versioned, P>({
  record,
  fields,
  schema,
  recordSchema,
  save,
  pending,
  onSaved,
  onCancel,
}: RecordEditFormProps<R, P>) {
  const t = useT();
  const [base, setBase] = useState<R>(record);
  const [values, setValues] = useState(() => valuesOf(record, fields));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const kinds = Object.fromEntries(fields.map((field) => [field.key, field.kind]));

  const onError = (error: unknown) => {
    const current = isApiError(error, 'stale_version') ? recordSchema.safeParse(error.current) : null;
    if (current?.success) {
      setBase(current.data);
      setValues(valuesOf(current.data, fields));
      setErrors({});
      setFormError(t('inventoryForm.stale'));
      return;
    }
    const refused = writeErrors(error, t, t('inventoryForm.refused'), t('inventoryForm.refused'));
    setErrors(refused.fields);
    setFormError(refused.form);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const patch = changedFields(base, values, kinds);
    if (Object.keys(patch).length === 1) {
      setErrors({});
      setFormError(t('deviceForm.noChanges'));
      return;
    }
    const parsed = schema.safeParse(patch, { reportInput: true });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      setFormError(t('validation.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    save(parsed.data, { onSuccess: onSaved, onError });
  };

  const set = (key: string, value: string | boolean) =>
    setValues((current) => ({ ...current, [key]: value }));

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="form__grid">
        {fields.map((field) => {
          const value = values[field.key];
          return (
            <FormField
              key={field.key}
              label={field.label}
              error={errors[field.key]}
              required={field.required}
            >
              {(control) =>
                field.kind === 'checkbox' ? (
                  <input
                    {...control}
                    type="checkbox"
                    name={field.key}
                    checked={value === true}
                    onChange={(event) => set(field.key, event.target.checked)}
                  />
                ) : field.kind === 'select' || field.kind === 'optional-select' ? (
                  <select
                    {...control}
                    className="input"
                    name={field.key}
                    value={String(value)}
                    onChange={(event) => set(field.key, event.target.value)}
                  >
                    {field.kind === 'optional-select' && (
                      <option value="">{field.noneLabel ?? t('common.none')}</option>
                    )}
                    {(field.options ?? []).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...control}
                    className="input"
                    name={field.key}
                    autoComplete="off"
                    inputMode={field.kind === 'text' ? undefined : 'decimal'}
                    value={String(value)}
                    onChange={(event) => set(field.key, event.target.value)}
                  />
                )
              }
            </FormField>
          );
        })}
      </div>
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
          {pending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
