import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import {
  beginText,
  endText,
  PDFHexString,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingColor,
  setFontAndSize,
  setTextMatrix,
  showText,
} from 'pdf-lib';
import type { Color, PDFDocument, PDFFont, PDFName, PDFPage } from 'pdf-lib';
import { bidiRuns, pieceForShaper } from './bidi-line.ts';
import { openFont, pdfFontkit } from './fontkit.ts';

/**
 * Fonts that show every name: Tandem's PDFs embed real TrueType fonts (subset, so only the glyphs
 * a document uses are stored) instead of the PDF standard fonts, which only know Latin-1.
 *
 *   - DejaVu Sans (regular, bold and, when asked for, oblique): Latin, Greek, Cyrillic, Hebrew,
 *     Armenian, Georgian…
 *   - Noto Sans Arabic (regular and bold): Arabic script, embedded only when the text has some.
 *   - Noto Sans SC (regular): Chinese characters, Japanese kana, CJK punctuation.
 *   - Noto Sans KR (regular): Hangul.
 *
 * The CJK fonts are 6–10 MB each, so they are read from disk only the first time a document needs
 * them, and embedded only into documents whose text needs them. Text is split into runs by which
 * font has the glyph (`runs`), and measured, wrapped and drawn run by run.
 *
 * Known limits (see docs/decisions/0013-annual-report-format.md):
 *   - Shaping is fontkit's: pdf-lib lays every string out with `font.layout()`, which applies the
 *     font's OpenType tables (Arabic joining forms and ligatures) and reverses right-to-left
 *     script. The order of mixed lines is the Unicode bidi algorithm's (`./bidi-line.ts`): each
 *     line is cut into runs drawn in visual order. Lines stay left-aligned, also in a paragraph
 *     that starts in Arabic. Thai, Devanagari and other scripts none of these fonts cover are
 *     drawn with the missing-glyph box; the text stays in the file.
 *   - The fonts must be TrueType (.ttf): subsetting WOFF2 crashed in our trials.
 *   - Subsets are made by the maintained fontkit 2 (`./fontkit.ts`): the fork pdf-lib suggests
 *     corrupts large TrueType subsets.
 *   - CJK text has no bold: it uses the regular CJK font in bold places.
 */

const require = createRequire(import.meta.url);

type FontFile = 'dejavu' | 'dejavu-bold' | 'dejavu-oblique' | 'noto-arabic' | 'noto-arabic-bold' | 'noto-sc' | 'noto-kr';
const FONT_MODULES: Record<FontFile, string> = {
  dejavu: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  'dejavu-bold': 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  'dejavu-oblique': 'dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf',
  'noto-arabic': '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
  'noto-arabic-bold': '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
  'noto-sc': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  'noto-kr': '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
};

interface LoadedFont {
  bytes: Uint8Array;
  /** Code point → whether the font has a glyph for it (asked of fontkit once per code point). */
  has: (codePoint: number) => boolean;
  /** fontkit's layout of a string: the same glyphs pdf-lib encodes, with their GPOS positions. */
  layout: (text: string) => Layout;
}

/** Glyph positions in font units, in drawing order. */
interface Layout {
  unitsPerEm: number;
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
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
        layout: (text: string) => ({ unitsPerEm: parsed.unitsPerEm, positions: parsed.layout(text).positions }),
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

/** 'italic' is DejaVu's oblique, embedded only when `embedUnicodeFonts` is asked for it. */
export type FontWeight = 'regular' | 'bold' | 'italic';

/** Arabic-script letters, digits and presentation forms: drawn with Noto Sans Arabic, which shapes them. */
const ARABIC = /\p{Script=Arabic}/u;

/**
 * `layout` is set for a font whose marks are placed by GPOS (Noto Sans Arabic puts the dots of
 * its letters in as marks): pdf-lib draws glyphs side by side by their advance widths only, so
 * such runs are drawn glyph by glyph at fontkit's positions (`drawPositioned`).
 */
type EmbeddedFont = { font: PDFFont; has: (cp: number) => boolean; layout?: (text: string) => Layout };

/** A stretch of text drawn with one font. */
export interface TextRun {
  text: string;
  font: PDFFont;
  /** Set for fonts drawn glyph by glyph at their GPOS positions (see EmbeddedFont). */
  layout?: ((text: string) => Layout) | undefined;
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
    private readonly regular: EmbeddedFont,
    private readonly bold: EmbeddedFont,
    private readonly italic: EmbeddedFont | null,
    private readonly arabic: { regular: EmbeddedFont; bold: EmbeddedFont } | null,
    private readonly fallbacks: EmbeddedFont[],
  ) {}

  /** @internal use `embedUnicodeFonts`. */
  static async embed(doc: PDFDocument, texts: readonly string[], options: { italic?: boolean } = {}): Promise<UnicodeFonts> {
    doc.registerFontkit(pdfFontkit);
    const embed = async (file: FontFile, positioned = false): Promise<EmbeddedFont> => {
      const f = await loadFont(file);
      return { font: await doc.embedFont(f.bytes, { subset: true }), has: f.has, ...(positioned && { layout: f.layout }) };
    };
    const regular = await embed('dejavu');
    const bold = await embed('dejavu-bold');
    const italic = options.italic ? await embed('dejavu-oblique') : null;
    const dejavu = { has: regular.has };
    const arabic = texts.some((t) => ARABIC.test(t))
      ? { regular: await embed('noto-arabic', true), bold: await embed('noto-arabic-bold', true) }
      : null;

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
    return new UnicodeFonts(regular, bold, italic, arabic, fallbacks);
  }

  private main(weight: FontWeight): EmbeddedFont {
    if (weight === 'bold') return this.bold;
    if (weight === 'italic') {
      if (!this.italic) throw new Error('italic text needs embedUnicodeFonts(doc, texts, { italic: true })');
      return this.italic;
    }
    return this.regular;
  }

  /** The main font of a weight (DejaVu Sans). */
  font(weight: FontWeight = 'regular'): PDFFont {
    return this.main(weight).font;
  }

  /** Whether Noto Sans Arabic was embedded (for tests and diagnostics). */
  get hasArabicFont(): boolean {
    return this.arabic !== null;
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
    const main = this.main(weight);
    const arabic = this.arabic && (weight === 'bold' ? this.arabic.bold : this.arabic.regular);
    const runs: TextRun[] = [];
    for (const char of cleanLine(text)) {
      const cp = char.codePointAt(0) ?? 0;
      let font = main.font;
      let layout: TextRun['layout'];
      // Spaces, combining marks and joiners stay in the current run.
      const neutral = cp === 0x20 || (cp >= 0x300 && cp <= 0x36f) || cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f);
      const last = runs[runs.length - 1];
      if (neutral && last) {
        last.text += char;
        continue;
      }
      if (arabic && ARABIC.test(char) && arabic.has(cp)) {
        font = arabic.font;
        layout = arabic.layout;
      } else if (!main.has(cp)) {
        const fallback = this.fallbacks.find((f) => f.has(cp));
        if (fallback) font = fallback.font;
      }
      if (last && last.font === font) last.text += char;
      else runs.push({ text: char, font, layout });
    }
    return runs;
  }

  /**
   * One line as pdf-lib should draw it, left to right: cut into runs by the bidi algorithm (in
   * visual order), each cut again by font, each piece's text as fontkit needs it to come out in
   * visual order (see ./bidi-line.ts).
   */
  visualRuns(text: string, weight: FontWeight = 'regular'): TextRun[] {
    const out: TextRun[] = [];
    for (const run of bidiRuns(cleanLine(text))) {
      const pieces = this.runs(run.text, weight);
      if (run.rtl) pieces.reverse();
      for (const p of pieces) out.push({ ...p, text: pieceForShaper(p.text, run.rtl) });
    }
    return out;
  }

  /** Whether every visible character of the text has a glyph in one of the embedded fonts. */
  covers(text: string): boolean {
    for (const char of cleanLine(text)) {
      const cp = char.codePointAt(0) ?? 0;
      if (cp === 0x20 || /\p{M}|\p{Cf}/u.test(char)) continue;
      if (this.regular.has(cp) || this.fallbacks.some((f) => f.has(cp)) || this.arabic?.regular.has(cp)) continue;
      return false;
    }
    return true;
  }

  /** The width of one line of text at a size, in points. */
  widthOf(text: string, size: number, weight: FontWeight = 'regular'): number {
    let width = 0;
    for (const run of this.visualRuns(text, weight)) width += runWidth(run, size);
    return width;
  }

  /** Draws one line of text (no wrapping) and returns its width. */
  draw(page: PDFPage, text: string, options: DrawTextOptions): number {
    let x = options.x;
    const color = options.color ?? rgb(0, 0, 0);
    for (const run of this.visualRuns(text, options.weight)) {
      if (run.layout) x += drawPositioned(page, run, { x, y: options.y, size: options.size, color });
      else {
        page.drawText(run.text, { x, y: options.y, size: options.size, font: run.font, color });
        x += run.font.widthOfTextAtSize(run.text, options.size);
      }
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

function runWidth(run: TextRun, size: number): number {
  if (!run.layout) return run.font.widthOfTextAtSize(run.text, size);
  const { unitsPerEm, positions } = run.layout(run.text);
  return (positions.reduce((sum, p) => sum + p.xAdvance, 0) * size) / unitsPerEm;
}

/** The name a page's resources know a font by, made once per page and font. */
const fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();
function fontKeyOf(page: PDFPage, font: PDFFont): PDFName {
  let keys = fontKeys.get(page);
  if (!keys) fontKeys.set(page, (keys = new Map()));
  let key = keys.get(font);
  if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
  return key;
}

/**
 * Draws a run glyph by glyph at fontkit's positions (marks on their letters, kerning). The glyph
 * ids come from pdf-lib's own encoding of the run (which adds them to the subset and its
 * ToUnicode map, so the text still copies as letters); the positions from fontkit's layout of the
 * same text in the same font file. Returns the width drawn.
 */
function drawPositioned(page: PDFPage, run: TextRun, o: { x: number; y: number; size: number; color: Color }): number {
  const hex = run.font.encodeText(run.text).asString();
  const { unitsPerEm, positions } = run.layout!(run.text);
  if (hex.length !== positions.length * 4) {
    // Never seen: the two layouts disagree. Draw it pdf-lib's way rather than misplace glyphs.
    page.drawText(run.text, { x: o.x, y: o.y, size: o.size, font: run.font, color: o.color });
    return run.font.widthOfTextAtSize(run.text, o.size);
  }
  const scale = o.size / unitsPerEm;
  const ops = [pushGraphicsState(), beginText(), setFillingColor(o.color), setFontAndSize(fontKeyOf(page, run.font), o.size)];
  let x = o.x;
  positions.forEach((p, i) => {
    ops.push(setTextMatrix(1, 0, 0, 1, x + p.xOffset * scale, o.y + p.yOffset * scale));
    ops.push(showText(PDFHexString.of(hex.slice(i * 4, i * 4 + 4))));
    x += p.xAdvance * scale;
  });
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
  return x - o.x;
}

/**
 * Embeds the fonts into `doc`. `texts` is everything the document will draw (names included), so
 * that the large CJK fonts are embedded only when some text needs them.
 */
export function embedUnicodeFonts(doc: PDFDocument, texts: readonly string[], options: { italic?: boolean } = {}): Promise<UnicodeFonts> {
  return UnicodeFonts.embed(doc, texts, options);
}
