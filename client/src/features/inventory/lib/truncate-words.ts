const wordCharacter = /[\p{L}\p{N}]/u;

/**
 * Shortens a label drawn in a small space to `maxChars` with an ellipsis, ending on a whole word
 * when it can: what is drawn must stay words of the link's accessible name, so that voice control
 * users can say what they see (WCAG 2.5.3 label in name).
 */
export function truncateWords(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, Math.max(1, maxChars - 1));
  const splitsWord = wordCharacter.test(text[cut.length] ?? '');
  const wholeWords = splitsWord ? cut.replace(/[\p{L}\p{N}]+$/u, '') : cut;
  return `${(wordCharacter.test(wholeWords) ? wholeWords : cut).trimEnd()}…`;
}
