import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formulaSafe, withoutFormulaGuard } from './spreadsheet-cell.ts';

describe('spreadsheet cells', () => {
  it.each([
    '=HYPERLINK("http://evil.example","x")',
    '+1 312 555 0100',
    '-2+3',
    '@SUM(A1)',
    '\t=1',
    '\r=1',
    '\n=1',
    '＝1+1',
    '＋cmd',
    '－1',
    '＠SUM(A1)',
    '\u200B=1+1',
    '\uFEFF=1+1',
    '\u2060@x',
    '\u0001=1',
    '\u0085+1',
    ' =1',
    "'=1",
    "''+1",
  ])('guards %j and gives it back unchanged', (cell) => {
    const safe = formulaSafe(cell);
    expect(safe.startsWith("'")).toBe(true);
    expect(withoutFormulaGuard(safe)).toBe(cell);
  });

  it.each(['Ada Lovelace', 'café', '3 shared interests', "O'Brien", "'quoted'", 'a=b', ''])('leaves %j alone', (cell) => {
    expect(formulaSafe(cell)).toBe(cell);
    expect(withoutFormulaGuard(cell)).toBe(cell);
  });

  it('round-trips any text', () => {
    const alphabet = fc.constantFrom(
      "'",
      '=',
      '+',
      '-',
      '@',
      '＝',
      '＋',
      '－',
      '＠',
      '\u200B',
      '\uFEFF',
      '\t',
      '\r',
      '\n',
      ' ',
      'a',
      '1',
      '\u0001',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 8 }), (chars) => {
        const cell = chars.join('');
        const safe = formulaSafe(cell);
        expect(withoutFormulaGuard(safe)).toBe(cell);
        // Whatever a spreadsheet would read as a formula (a sign after invisible characters) is guarded.
        // eslint-disable-next-line no-control-regex -- control characters are part of what is tested
        const formula = /^[\t\r\n]|^[\u200B\uFEFF\u0001 ]*[=+\-@＝＋－＠]/u.test(cell.replace(/^'+/, ''));
        if (formula) expect(safe.startsWith("'")).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
