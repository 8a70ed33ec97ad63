import type { Locale, LocalizedText } from '@vigie/shared';

/** A library text in the reader's language (every procedure text has both). */
export function localized(text: LocalizedText, locale: Locale): string {
  return text[locale];
}
