import bidiFactory from 'bidi-js';

/**
 * The visual order of one line of mixed left-to-right and right-to-left text (the Unicode
 * Bidirectional Algorithm, UAX #9, through bidi-js), for drawing it left to right with pdf-lib.
 *
 * Who reverses what: pdf-lib hands each string to fontkit's `layout()`, which shapes it (Arabic
 * joining forms, ligatures) and, when the string's script is right-to-left (Arabic, Hebrew…),
 * reverses the shaped glyphs itself. Shaping needs the letters in logical order, so a
 * right-to-left stretch is passed in logical order and fontkit reverses it. A right-to-left
 * stretch with no right-to-left letter (spaces and punctuation between two Arabic words, say)
 * is one fontkit would leave alone, so it is reversed (and its brackets mirrored) here.
 *
 * Pure: no I/O, no fonts; the paragraph direction comes from the line's first strong character
 * (rules P2–P3), so a line that starts in Arabic reads as a right-to-left paragraph.
 */

const bidi = bidiFactory();

/** A stretch of the line at one embedding level, in logical order. */
export interface BidiRun {
  text: string;
  /** Right to left (odd level): its characters are shown in reverse order. */
  rtl: boolean;
}

/**
 * The line as runs in visual order, left to right: runs at one level are cut where the level
 * changes, then ordered by rule L2 (from the highest level to the lowest odd one, every stretch
 * at that level or higher is reversed). Each run's own text stays in logical order; `rtl` says it
 * is to be shown reversed. A line with no right-to-left character is one run.
 */
export function bidiRuns(line: string): BidiRun[] {
  if (line === '') return [];
  if (!RTL_CHAR.test(line)) return [{ text: line, rtl: false }];
  const { levels } = bidi.getEmbeddingLevels(line);
  // Runs by level, over UTF-16 units (levels are per unit; a surrogate pair shares its level).
  const runs: { text: string; level: number }[] = [];
  for (let i = 0; i < line.length; i += 1) {
    const level = levels[i] ?? 0;
    const last = runs[runs.length - 1];
    if (last && last.level === level) last.text += line[i];
    else runs.push({ text: line[i] ?? '', level });
  }
  let highest = 0;
  let lowestOdd = Infinity;
  for (const r of runs) {
    highest = Math.max(highest, r.level);
    if (r.level % 2 === 1) lowestOdd = Math.min(lowestOdd, r.level);
  }
  for (let level = highest; level >= lowestOdd; level -= 1) {
    let i = 0;
    while (i < runs.length) {
      if ((runs[i]?.level ?? 0) < level) {
        i += 1;
        continue;
      }
      let j = i;
      while (j < runs.length && (runs[j]?.level ?? 0) >= level) j += 1;
      runs.splice(i, j - i, ...runs.slice(i, j).reverse());
      i = j;
    }
  }
  return runs.map((r) => ({ text: r.text, rtl: r.level % 2 === 1 }));
}

/** Letters written right to left: Hebrew, Arabic, Syriac, Thaana, NKo… and their presentation forms. */
const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Whether fontkit will lay this string out right to left (it contains a right-to-left letter). */
export function shaperReverses(text: string): boolean {
  return RTL_LETTER.test(text);
}

/**
 * A piece of a run as pdf-lib should be given it, so that what fontkit draws is the visual order:
 *   - right to left, with a right-to-left letter: logical order (fontkit shapes, then reverses);
 *   - right to left, without one (spaces, punctuation): reversed here, brackets mirrored;
 *   - left to right, with letters fontkit counts as right-to-left script (Arabic-Indic digits in
 *     an Arabic sentence): reversed here, so fontkit's reversal puts them back;
 *   - anything else: as it is.
 */
export function pieceForShaper(text: string, rtl: boolean): string {
  const reversedByShaper = shaperReverses(text);
  if (rtl === reversedByShaper) return text;
  return [...text]
    .reverse()
    .map((c) => (rtl ? (bidi.getMirroredCharacter(c) ?? c) : c))
    .join('');
}
