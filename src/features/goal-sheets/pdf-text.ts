import { COMBINING, LOOK_ALIKES } from '../../pdf/file-name.ts';
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
