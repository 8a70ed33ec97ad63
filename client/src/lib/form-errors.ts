import type { FieldError } from '@vigie/shared';
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

/**
 * A server field error in the user's language when the server gave its code; its English message
 * otherwise (domain rules, whose wording the server alone knows).
 */
export function fieldErrorMessage(field: FieldError, t: Translate): string {
  const params = field.params ?? {};
  const figure = (key: string) => params[key] ?? '';
  const exclusive = params.inclusive === 'false';
  switch (field.code) {
    case 'required':
      return t('validation.required');
    case 'too_small':
      if (params.origin === 'string') return t('validation.tooShort', { min: figure('minimum') });
      if (params.origin === 'array') return t('validation.tooFew', { min: figure('minimum') });
      return exclusive
        ? t('validation.greaterThan', { min: figure('minimum') })
        : t('validation.atLeast', { min: figure('minimum') });
    case 'too_big':
      if (params.origin === 'string') return t('validation.tooLong', { max: figure('maximum') });
      if (params.origin === 'array') return t('validation.tooMany', { max: figure('maximum') });
      return exclusive
        ? t('validation.lessThan', { max: figure('maximum') })
        : t('validation.atMost', { max: figure('maximum') });
    case 'invalid_format':
      return t('validation.format');
    case 'invalid_value':
      return t('validation.oneOf', { values: figure('values') });
    case 'invalid_type':
      return t('validation.invalid');
    case 'not_multiple_of':
      return t('validation.multipleOf', { step: figure('divisor') });
    case 'unknown_fields':
      return t('validation.unknownFields', { fields: figure('keys') });
    case undefined:
      return field.message;
  }
}

/**
 * The server's per-field errors (`error.fields[].path`), keyed like `zodFieldErrors`; worded in
 * the user's language when `t` is given.
 */
export function apiFieldErrors(error: ApiError, t?: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of error.fields) {
    // Accept 'body.password', '/password' or 'password' alike.
    const path = field.path
      .replace(/^\//, '')
      .replaceAll('/', '.')
      .replace(/^body\./, '');
    if (errors[path] === undefined) errors[path] = t ? fieldErrorMessage(field, t) : field.message;
  }
  return errors;
}
