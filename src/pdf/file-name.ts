/** Words for PDF files that several features write: file names and calendar dates. */

export const LOOK_ALIKES: Record<string, string> = {
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u2032': "'",
  '\u2033': '"',
  '\u2190': '<-',
  '\u2192': '->',
  '\u2194': '<->',
  '\u21d2': '=>',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u2715': 'x',
  '\u25cf': '\u2022',
  '\u25e6': '\u2022',
  '\u2043': '-',
  '\u2044': '/',
  '\u00ad': '',
  '\u0141': 'L',
  '\u0142': 'l',
  '\u0110': 'D',
  '\u0111': 'd',
  '\u0131': 'i',
  '\u0126': 'H',
  '\u0127': 'h',
  '\u0166': 'T',
  '\u0167': 't',
  '\u014a': 'N',
  '\u014b': 'n',
  '\u0138': 'k',
  '\u0149': "'n",
};
import { dateTimeFormat } from '../time/date-time-format.ts';

/** Accents and the like, once a character is decomposed (NFKD). */
export const COMBINING = /[\u0300-\u036f]/g;

/** "2026-10-14" → "October 14, 2026": a calendar date reads the same everywhere. */
export function longDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime())
    ? date
    : dateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
}

/** A file name any browser and file system accepts: ASCII letters, digits and dashes. */
export function safeFileName(parts: readonly string[], extension: string): string {
  const slug = parts
    .map((p) =>
      [...p]
        .map((ch) => LOOK_ALIKES[ch] ?? ch)
        .join('')
        .normalize('NFKD')
        .replace(COMBINING, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, ''),
    )
    .filter(Boolean)
    .join('-')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'document'}.${extension}`;
}
