/**
 * Text for the PDF standard fonts (Helvetica), which can only draw the WinAnsi character set
 * (Latin-1 plus a few typographic marks): pdf-lib throws on anything else. Tandem has no Unicode
 * font file to embed, so text is made drawable instead of failing the whole download:
 *   - look-alikes become their plain form (a non-breaking hyphen becomes "-", "→" becomes "->");
 *   - accented letters outside WinAnsi lose the accent ("ő" → "o", "ł" → "l", "ș" → "s");
 *   - invisible joiners and emoji modifiers are dropped;
 *   - everything else (Chinese, Arabic, emoji…) becomes "?", one per character, so the shape of
 *     the text survives and the reader can tell something was there. The PDF then says so, and
 *     the full text is always in Tandem itself.
 */

const LOOK_ALIKES: Record<string, string> = {
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

/** Zero-width joiners and spaces, variation selectors, emoji skin-tone modifiers, tag characters. */
const INVISIBLE: readonly [number, number][] = [
  [0x200b, 0x200d],
  [0x2060, 0x2060],
  [0xfeff, 0xfeff],
  [0xfe00, 0xfe0f],
  [0x1f3fb, 0x1f3ff],
  [0xe0020, 0xe007f],
];
const isInvisible = (cp: number) => INVISIBLE.some(([from, to]) => cp >= from && cp <= to);
const COMBINING = /[\u0300-\u036f]/g;

export interface Drawable {
  text: string;
  /** True when some character could not be shown and became "?". */
  replaced: boolean;
}

/**
 * `text` made drawable by a font that can encode the code points `canEncode` accepts. Line breaks
 * are kept (the caller splits lines); tabs become spaces; other control characters go.
 */
export function drawable(text: string, canEncode: (codePoint: number) => boolean): Drawable {
  let out = '';
  let replaced = false;
  const normal = text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, '    ');
  for (const ch of normal) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n') {
      out += ch;
      continue;
    }
    // eslint-disable-next-line no-control-regex -- dropping control characters is the point
    if (/[\u0000-\u001f\u007f-\u009f]/.test(ch) || isInvisible(cp)) continue;
    if (canEncode(cp)) {
      out += ch;
      continue;
    }
    const alike = LOOK_ALIKES[ch];
    if (alike !== undefined) {
      out += alike;
      continue;
    }
    const plain = ch.normalize('NFKD').replace(COMBINING, '');
    if (plain !== '' && plain !== ch && [...plain].every((c) => canEncode(c.codePointAt(0) ?? 0))) {
      out += plain;
      continue;
    }
    out += '?';
    replaced = true;
  }
  return { text: out, replaced };
}

/**
 * Breaks text into lines no wider than `maxWidth`: at spaces where it can, inside a word only
 * when one word alone is too long (a URL, say). Each line break in the text starts a new line.
 */
export function wrapLines(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (widthOf(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      line = '';
      // A word wider than the line is cut into pieces that fit.
      let rest = word;
      while (widthOf(rest) > maxWidth && rest.length > 1) {
        // Grow the piece from the front: the line holds far fewer characters than a long word.
        let cut = 1;
        while (cut < rest.length - 1 && widthOf(rest.slice(0, cut + 1)) <= maxWidth) cut += 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** "2026-10-14" → "October 14, 2026": a calendar date reads the same everywhere. */
export function longDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(d.getTime())
    ? date
    : new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(d);
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
