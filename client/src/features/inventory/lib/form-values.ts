/** How an edit form shows a record field and reads it back. */
export type EditFieldKind = 'text' | 'number' | 'optional-number' | 'select' | 'optional-select' | 'checkbox';

/** A number typed the French way (`6,5`) too; an empty field is undefined for the schema to flag. */
export const numberOf = (text: string) =>
  text.trim() === '' ? undefined : Number(text.trim().replace(',', '.'));

/** The text (or checked state) a form control shows for a record's value. */
export function formValueOf(value: unknown, kind: EditFieldKind): string | boolean {
  if (kind === 'checkbox') return value === true;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The record value a control's content stands for: an empty optional field is null. */
export function recordValueOf(input: string | boolean, kind: EditFieldKind): unknown {
  if (typeof input === 'boolean') return input;
  switch (kind) {
    case 'number':
      return numberOf(input);
    case 'optional-number':
      return input.trim() === '' ? null : numberOf(input);
    case 'optional-select':
      return input === '' ? null : input;
    default:
      return input;
  }
}

/**
 * The PATCH body of an edit: the record's version and each field whose value changed (text
 * compared trimmed, as the server stores it). Only the version means nothing changed.
 */
export function changedFields(
  record: Record<string, unknown> & { version: number },
  values: Record<string, string | boolean>,
  kinds: Record<string, EditFieldKind>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = { version: record.version };
  for (const [key, input] of Object.entries(values)) {
    const value = recordValueOf(input, kinds[key] ?? 'text');
    const before = record[key];
    const same =
      typeof value === 'string' && typeof before === 'string' ? value.trim() === before : value === before;
    if (!same) patch[key] = value;
  }
  return patch;
}
