/**
 * What may stand in a piece of text that Tandem stores. No field needs control characters other
 * than tab, line feed and carriage return, and PostgreSQL refuses NUL in text outright (SQLite
 * takes it), so refusing them here is what makes both databases answer the same. Halves of a
 * surrogate pair are refused too: they are not Unicode, and would be stored as U+FFFD silently.
 * The server's validator runs this over every string of every request (see src/http/validator.ts);
 * CSV import runs it over every cell.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\p{Cs}/u;

/** The first character text may not hold, named the way a person can look it up (U+0000), or undefined. */
export function forbiddenCharacter(text: string): string | undefined {
  const found = FORBIDDEN.exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The sentence shown for such a character, for a field named in the person's terms. */
export function forbiddenCharacterMessage(character: string): string {
  return `Contains an invisible control character (${character}) that text cannot hold; delete it and type the text again.`;
}
