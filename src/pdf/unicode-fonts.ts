import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { rgb } from 'pdf-lib';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { openFont, pdfFontkit } from './fontkit.ts';

/**
 * Fonts that show every name: Tandem's PDFs embed real TrueType fonts (subset, so only the glyphs
 * a document uses are stored) instead of the PDF standard fonts, which only know Latin-1.
 *
 *   - DejaVu Sans (regular and bold): Latin, Greek, Cyrillic, Arabic, Hebrew, Armenian, Georgian…
 *   - Noto Sans SC (regular): Chinese characters, Japanese kana, CJK punctuation.
 *   - Noto Sans KR (regular): Hangul.
 *
 * The CJK fonts are 6–10 MB each, so they are read from disk only the first time a document needs
 * them, and embedded only into documents whose text needs them. Text is split into runs by which
 * font has the glyph (`runs`), and measured, wrapped and drawn run by run.
 *
 * Known limits (see docs/decisions/0013-annual-report-format.md):
 *   - pdf-lib does no shaping and no bidirectional layout: Arabic letters are drawn in their
 *     isolated forms and right-to-left text is drawn left to right. The characters (and the text
 *     a reader copies or a screen reader reads) are right; the look is not. Thai, Devanagari and
 *     other scripts that need shaping or that none of these fonts cover are drawn with the fonts'
 *     missing-glyph box; the text stays in the file.
 *   - The fonts must be TrueType (.ttf): subsetting WOFF2 crashed in our trials.
 *   - Subsets are made by the maintained fontkit 2 (`./fontkit.ts`): the fork pdf-lib suggests
 *     corrupts large TrueType subsets.
 *   - CJK text has no bold: it uses the regular CJK font in bold places.
 */

const require = createRequire(import.meta.url);

type FontFile = 'dejavu' | 'dejavu-bold' | 'noto-sc' | 'noto-kr';
const FONT_MODULES: Record<FontFile, string> = {
  dejavu: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'dejavu-bold': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  'noto-sc': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'noto-kr': '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
};

interface LoadedFont {
  bytes: Uint8Array;
  /** Code point → whether the font has a glyph for it (asked of fontkit once per code point). */
  has: (codePoint: number) => boolean;
}

const loaded = new Map<FontFile, Promise<LoadedFont>>();

/** Reads a font file once per process (lazily) and keeps its bytes. */
function loadFont(file: FontFile): Promise<LoadedFont> {
  let promise = loaded.get(file);
  if (!promise) {
    promise = (async () => {
      const bytes = new Uint8Array(await readFile(require.resolve(FONT_MODULES[file])));
      const parsed = openFont(bytes);
      const cache = new Map<number, boolean>();
      return {
        bytes,
        has: (codePoint: number) => {
          let answer = cache.get(codePoint);
          if (answer === undefined) {
            answer = parsed.hasGlyphForCodePoint(codePoint);
            cache.set(codePoint, answer);
          }
          return answer;
        },
      };
    })();
    promise.catch(() => loaded.delete(file));
    loaded.set(file, promise);
  }
  return promise;
}

export type FontWeight = 'regular' | 'bold';

/** A stretch of text drawn with one font. */
export interface TextRun {
  text: string;
  font: PDFFont;
}

export interface DrawTextOptions {
  x: number;
  y: number;
  size: number;
  weight?: FontWeight;
  color?: Color;
}

/** Characters that would draw as boxes or break the layout: control characters and line breaks. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/gu;

/** Characters after which a line may break even without a space (CJK ideographs, kana, Hangul syllables). */
const BREAKABLE = /[\u2e80-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/** Makes text one clean line: tabs and line breaks become spaces, invisible controls go. */
export function cleanLine(text: string): string {
  return text.replace(/[\t\n\r\u2028\u2029]/g, ' ').replace(INVISIBLE, '');
}

/**
 * One line of text as words and spaces (each run of spaces becomes one ' '): a word ends at a
 * space or after a CJK character, since those break anywhere. Joining the pieces gives the text
 * back (spaces collapsed).
 */
export function wordsOf(text: string): string[] {
  const tokens = cleanLine(text).match(/\s+|[^\s]/gu) ?? [];
  const words: string[] = [];
  let word = '';
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (word) words.push(word);
      if (words[words.length - 1] !== ' ') words.push(' ');
      word = '';
    } else {
      word += token;
      if (BREAKABLE.test(token)) {
        words.push(word);
        word = '';
      }
    }
  }
  if (word) words.push(word);
  return words;
}

/**
 * The fonts embedded into one PDF document. Create with `embedUnicodeFonts(doc, texts)`, passing
 * every text the document will draw (or a sample of it), so the CJK fonts are embedded only when
 * needed.
 */
export class UnicodeFonts {
  private constructor(
    private readonly regular: { font: PDFFont; has: (cp: number) => boolean },
    private readonly bold: { font: PDFFont; has: (cp: number) => boolean },
    private readonly fallbacks: { font: PDFFont; has: (cp: number) => boolean }[],
  ) {}

  /** @internal use `embedUnicodeFonts`. */
  static async embed(doc: PDFDocument, texts: readonly string[]): Promise<UnicodeFonts> {
    doc.registerFontkit(pdfFontkit);
    const [dejavu, dejavuBold] = await Promise.all([loadFont('dejavu'), loadFont('dejavu-bold')]);
    const regular = { font: await doc.embedFont(dejavu.bytes, { subset: true }), has: dejavu.has };
    const bold = { font: await doc.embedFont(dejavuBold.bytes, { subset: true }), has: dejavuBold.has };

    // Which CJK fonts does the text need? Only code points DejaVu lacks are asked about.
    const missing = new Set<number>();
    for (const text of texts) {
      for (const char of text) {
        const cp = char.codePointAt(0) ?? 0;
        if (cp > 0x2e7f && !dejavu.has(cp)) missing.add(cp);
      }
    }
    const fallbacks: { font: PDFFont; has: (cp: number) => boolean }[] = [];
    if (missing.size > 0) {
      const sc = await loadFont('noto-sc');
      const notInSc = [...missing].filter((cp) => !sc.has(cp));
      if (notInSc.length < missing.size) fallbacks.push({ font: await doc.embedFont(sc.bytes, { subset: true }), has: sc.has });
      if (notInSc.length > 0) {
        const kr = await loadFont('noto-kr');
        if (notInSc.some((cp) => kr.has(cp))) fallbacks.push({ font: await doc.embedFont(kr.bytes, { subset: true }), has: kr.has });
      }
    }
    return new UnicodeFonts(regular, bold, fallbacks);
  }

  /** The main font of a weight (DejaVu Sans). */
  font(weight: FontWeight = 'regular'): PDFFont {
    return weight === 'bold' ? this.bold.font : this.regular.font;
  }

  /** Whether the CJK fonts were embedded (for tests and diagnostics). */
  get fallbackCount(): number {
    return this.fallbacks.length;
  }

  /**
   * Splits one line of text into runs by which font has each character's glyph: the main font
   * first, then the CJK fonts. A character no font has stays with the main font (drawn as its
   * missing-glyph box; the text itself is kept). Spaces and marks join the run they are in.
   */
  runs(text: string, weight: FontWeight = 'regular'): TextRun[] {
    const main = weight === 'bold' ? this.bold : this.regular;
    const runs: TextRun[] = [];
    for (const char of cleanLine(text)) {
      const cp = char.codePointAt(0) ?? 0;
      let font = main.font;
      // Spaces, combining marks and joiners stay in the current run.
      const neutral = cp === 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f);
      const last = runs[runs.length - 1];
      if (neutral && last) {
        last.text += char;
        continue;
      }
      if (!main.has(cp)) {
        const fallback = this.fallbacks.find((f) => f.has(cp));
        if (fallback) font = fallback.font;
      }
      if (last && last.font === font) last.text += char;
      else runs.push({ text: char, font });
    }
    return runs;
  }

  /** The width of one line of text at a size, in points. */
  widthOf(text: string, size: number, weight: FontWeight = 'regular'): number {
    let width = 0;
    for (const run of this.runs(text, weight)) width += run.font.widthOfTextAtSize(run.text, size);
    return width;
  }

  /** Draws one line of text (no wrapping) and returns its width. */
  draw(page: PDFPage, text: string, options: DrawTextOptions): number {
    let x = options.x;
    for (const run of this.runs(text, options.weight)) {
      page.drawText(run.text, { x, y: options.y, size: options.size, font: run.font, color: options.color ?? rgb(0, 0, 0) });
      x += run.font.widthOfTextAtSize(run.text, options.size);
    }
    return x - options.x;
  }

  /**
   * Wraps text to a width: breaks at spaces, after CJK characters (which have no spaces between
   * words), and inside a word only when the word alone is wider than the line. Line breaks in the
   * text start new lines.
   */
  wrap(text: string, maxWidth: number, size: number, weight: FontWeight = 'regular'): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
      const words = wordsOf(paragraph);

      let line = '';
      const flush = () => {
        lines.push(line.trimEnd());
        line = '';
      };
      for (const w of words) {
        if (w === ' ') {
          if (line) line += ' ';
          continue;
        }
        if (this.widthOf(line + w, size, weight) <= maxWidth) {
          line += w;
          continue;
        }
        if (line.trim()) flush();
        line = '';
        if (this.widthOf(w, size, weight) <= maxWidth) {
          line = w;
          continue;
        }
        // A word wider than the line: break it between characters.
        for (const char of w) {
          if (line && this.widthOf(line + char, size, weight) > maxWidth) flush();
          line += char;
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  /** Draws wrapped text from `y` (the first line's baseline) downwards; returns the number of lines. */
  drawWrapped(page: PDFPage, text: string, options: DrawTextOptions & { maxWidth: number; lineHeight?: number }): number {
    const lines = this.wrap(text, options.maxWidth, options.size, options.weight);
    const lineHeight = options.lineHeight ?? options.size * 1.4;
    lines.forEach((line, i) => this.draw(page, line, { ...options, y: options.y - i * lineHeight }));
    return lines.length;
  }
}

/**
 * Embeds the fonts into `doc`. `texts` is everything the document will draw (names included), so
 * that the large CJK fonts are embedded only when some text needs them.
 */
export function embedUnicodeFonts(doc: PDFDocument, texts: readonly string[]): Promise<UnicodeFonts> {
  return UnicodeFonts.embed(doc, texts);
}
