import type { z } from 'zod';
import type { ApiError } from './api-client';
import type { Translate } from './i18n/translate';

/** Error messages by field path ('tenantId', 'contacts.0.email'…). */
export type FieldErrors = Partial<Record<string, string>>;

/** Parse with `{ reportInput: true }` so an empty field reads "required" rather than "too short". */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.input === '' && issue.code !== 'custom') return t('validation.required');
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? t('validation.required')
        : t('validation.tooShort', { min: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { max: Number(issue.maximum) });
    case 'invalid_type':
      return issue.input === undefined || issue.input === null
        ? t('validation.required')
        : t('validation.invalid');
    case 'custom':
      return issue.message;
    default:
      return t('validation.invalid');
  }
}

/** The first issue of each field, translated; `override` lets a form word a rule its own way. */
export function zodFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  t: Translate,
  override?: (issue: z.core.$ZodIssue) => string | undefined,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (errors[path] === undefined) errors[path] = override?.(issue) ?? issueMessage(issue, t);
  }
  return errors;
}

/** The server's per-field errors (`error.fields[].path`), keyed like `zodFieldErrors`. */
export function apiFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of error.fields) {
    // Accept 'body.password', '/password' or 'password' alike.
    const path = field.path
      .replace(/^\//, '')
      .replaceAll('/', '.')
      .replace(/^body\./, '');
    if (errors[path] === undefined) errors[path] = field.message;
  }
  return errors;
}
