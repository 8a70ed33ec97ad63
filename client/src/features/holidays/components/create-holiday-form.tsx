import { createHolidaySchema, type Holiday } from '@vigie/shared';
import { useState, type FormEvent } from 'react';
import { FormField } from '../../../components/ui/form-field';
import { FormFooter } from '../../../components/ui/form-footer';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import { useT } from '../../../lib/i18n/i18n-provider';
import { useCreateHoliday } from '../api/create-holiday';

/** Adds one holiday to a country; the date starts in the year on screen. */
export function CreateHolidayForm({
  countryCode,
  year,
  onCreated,
  onCancel,
}: {
  countryCode: string;
  year: number;
  onCreated: (holiday: Holiday) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const createHoliday = useCreateHoliday();
  const [date, setDate] = useState(`${year}-01-01`);
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createHolidaySchema.safeParse({ countryCode, date, name }, { reportInput: true });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error.issues, t));
      setFormError(t('validation.fixErrors'));
      return;
    }
    setErrors({});
    setFormError(null);
    createHoliday.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (error) => {
        if (isApiError(error, 'conflict')) {
          setErrors({ date: t('holidays.duplicate') });
          setFormError(t('validation.fixErrors'));
          return;
        }
        if (isApiError(error)) setErrors(apiFieldErrors(error));
        setFormError(errorMessage(error, t));
      },
    });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="form__grid">
        <FormField label={t('holidays.date')} error={errors.date} required>
          {(control) => (
            <input
              {...control}
              className="input"
              type="date"
              name="date"
              autoFocus
              value={date}
              onChange={(event) => setDate(event.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('holidays.name')} error={errors.name} required>
          {(control) => (
            <input
              {...control}
              className="input"
              name="name"
              maxLength={120}
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <FormFooter
        formError={formError}
        submitLabel={t('holidays.create')}
        pending={createHoliday.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
