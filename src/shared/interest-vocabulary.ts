/**
 * The staff's list of suggested interests and areas of expertise (issue #19). Applicants pick from it
 * or write their own; one shared list keeps mentees' interests and mentors' expertise in the same words,
 * which is what the matcher compares.
 */
export const VOCABULARY_MAX_TERMS = 200;
/** The same limit as one interest on the application. */
export const VOCABULARY_TERM_MAX_LENGTH = 60;

/** One term as people meant it: outer spaces gone, inner runs of white space made one space. */
export function tidyTerm(term: string): string {
  return term.replace(/\s+/g, ' ').trim();
}

/** The same term written twice ("Grant writing", " grant  writing") counts once. */
export function termKey(term: string): string {
  return tidyTerm(term).toLocaleLowerCase('en');
}

/** Tidied, empty terms dropped, duplicates (ignoring case) dropped with the first spelling kept, order kept. */
export function normaliseVocabulary(terms: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of terms) {
    const term = tidyTerm(raw);
    const key = termKey(term);
    if (term === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return out;
}

/** Terms from a text box, one per line (commas also separate, as people paste lists). */
export function vocabularyFromText(text: string): string[] {
  return normaliseVocabulary(text.split(/[\n,;]/));
}

/** What is wrong with a list as staff typed it, in words, or null: the limits the server keeps. */
export function vocabularyProblem(terms: readonly string[]): string | null {
  if (terms.length > VOCABULARY_MAX_TERMS) return `That’s ${terms.length} suggestions; keep it to ${VOCABULARY_MAX_TERMS} or fewer.`;
  const long = terms.find((t) => t.length > VOCABULARY_TERM_MAX_LENGTH);
  if (long) return `“${long.slice(0, 30)}…” is longer than ${VOCABULARY_TERM_MAX_LENGTH} characters; please shorten it.`;
  return null;
}
