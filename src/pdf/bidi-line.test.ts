import { describe, expect, it } from 'vitest';
import { bidiRuns, pieceForShaper, shaperReverses } from './bidi-line.ts';

/** What a reader sees, left to right: each right-to-left run reversed (brackets not mirrored here). */
const seen = (line: string) =>
  bidiRuns(line)
    .map((r) => (r.rtl ? [...r.text].reverse().join('') : r.text))
    .join('');

describe('bidi runs of one line', () => {
  it('leaves a line with no right-to-left letter as one run', () => {
    expect(bidiRuns('Zoë Łukasiewicz and 李雷')).toEqual([{ text: 'Zoë Łukasiewicz and 李雷', rtl: false }]);
    expect(bidiRuns('')).toEqual([]);
  });

  it('keeps an Arabic name inside an English sentence where it is, reading right to left', () => {
    expect(bidiRuns('Mentee محمد علي joined')).toEqual([
      { text: 'Mentee ', rtl: false },
      { text: 'محمد علي', rtl: true },
      { text: ' joined', rtl: false },
    ]);
    // The first word (محمد) is on the right of the second (علي).
    expect(seen('Mentee محمد علي joined')).toBe('Mentee يلع دمحم joined');
  });

  it('takes the direction of a line from its first strong letter: an Arabic sentence with an English word', () => {
    // Right-to-left paragraph: the English word keeps its own order, and the whole line reads from the right.
    expect(seen('مرحبا Tandem اليوم')).toBe('مويلا Tandem ابحرم');
    expect(bidiRuns('مرحبا Tandem اليوم').map((r) => r.rtl)).toEqual([true, false, true]);
  });

  it('keeps numbers left to right inside right-to-left text', () => {
    // Arabic-Indic digits (AN) and European digits (EN) both stay in reading order.
    expect(seen('عام ٢٠٢٦')).toBe('٢٠٢٦ ماع');
    expect(seen('عام 2026 هنا')).toBe('انه 2026 ماع');
  });

  it('puts brackets around right-to-left text on the right sides', () => {
    const runs = bidiRuns('Goal (محمد) done');
    expect(runs.map((r) => r.rtl)).toEqual([false, true, false]);
    expect(runs[1]?.text).toBe('محمد');
  });
});

describe('pieces as fontkit needs them', () => {
  it('knows which strings fontkit lays out right to left', () => {
    expect(shaperReverses('محمد')).toBe(true);
    expect(shaperReverses('שלום')).toBe(true);
    expect(shaperReverses('٢٠٢٦')).toBe(true);
    expect(shaperReverses(' (')).toBe(false);
    expect(shaperReverses('Zoë')).toBe(false);
  });

  it('hands Arabic letters over in logical order (fontkit shapes them, then reverses)', () => {
    expect(pieceForShaper('محمد علي', true)).toBe('محمد علي');
  });

  it('reverses and mirrors a right-to-left piece of punctuation fontkit would leave alone', () => {
    expect(pieceForShaper(' (', true)).toBe(') ');
    expect(pieceForShaper('[x', false)).toBe('[x');
  });

  it('pre-reverses Arabic-Indic digits in a left-to-right run, since fontkit reverses Arabic script', () => {
    expect(pieceForShaper('٢٠٢٦', false)).toBe('٦٢٠٢');
  });
});
