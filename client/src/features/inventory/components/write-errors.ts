import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { apiFieldErrors, type FieldErrors } from '../../../lib/form-errors';
import type { Translate } from '../../../lib/i18n/translate';

/**
 * A refused write, worded for the form: field errors beside their fields (a 409 overlap or a 422
 * rule lands on `position`, prefixed by what went wrong), and one sentence for the form.
 */
export function writeErrors(
  error: unknown,
  t: Translate,
  conflictLead: string,
  ruleLead: string,
): { fields: FieldErrors; form: string } {
  if (!isApiError(error)) return { fields: {}, form: errorMessage(error, t) };
  const fields = apiFieldErrors(error, t);
  const lead = error.code === 'conflict' ? conflictLead : error.code === 'rule_violation' ? ruleLead : null;
  if (lead) {
    for (const [path, message] of Object.entries(fields)) fields[path] = `${lead} ${message ?? ''}`.trim();
    if (Object.keys(fields).length === 0) return { fields, form: `${lead} ${error.message}` };
  }
  return { fields, form: lead ? `${lead} ${error.message}` : errorMessage(error, t) };
}
