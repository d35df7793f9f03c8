import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../pdf/file-name.ts';
import { drawable, wrapLines } from './pdf-text.ts';

// WinAnsi in short: Latin-1 plus the typographic marks Windows-1252 adds (en dash, curly quotes, euro, bullet…).
const WIN_ANSI_EXTRAS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);
const winAnsi = (cp: number) => (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRAS.has(cp);

describe('text for the standard PDF fonts', () => {
  it('keeps what the font can draw, curly quotes and accents included', () => {
    expect(drawable('Zoë’s “storytime” – 5 €', winAnsi)).toEqual({ text: 'Zoë’s “storytime” – 5 €', replaced: false });
  });

  it('drops accents the font lacks and swaps look-alikes, without calling it a loss', () => {
    expect(drawable('Łódź, Kraków → Gdańsk; Erdős; ș', winAnsi)).toEqual({ text: 'Lódz, Kraków -> Gdansk; Erdos; s', replaced: false });
  });

  it('turns other scripts and emoji into one "?" each and says so', () => {
    expect(drawable('读书会 👍🏽 ok', winAnsi)).toEqual({ text: '??? ? ok', replaced: true });
    expect(drawable('family 👨‍👩‍👧', winAnsi).text).toBe('family ???');
  });

  it('keeps line breaks, turns tabs into spaces and drops control characters', () => {
    expect(drawable('one\r\ntwo\tthree\u0007\u2028four', winAnsi).text).toBe('one\ntwo    three\nfour');
  });
});

describe('wrapping', () => {
  const width = (s: string) => s.length; // one unit per character
  it('breaks at spaces and keeps paragraphs', () => {
    expect(wrapLines('the quick brown fox\njumps', 10, width)).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('cuts a word longer than the line', () => {
    expect(wrapLines('see https://example.org/long/path', 10, width)).toEqual(['see', 'https://ex', 'ample.org/', 'long/path']);
  });

  it('keeps empty lines', () => {
    expect(wrapLines('a\n\nb', 10, width)).toEqual(['a', '', 'b']);
  });
});

describe('file names', () => {
  it('are plain ASCII slugs', () => {
    expect(safeFileName(['goal-sheet', 'Zoë Ng', '王小明', 'O’Brien', 'Łukasz'], 'pdf')).toBe('goal-sheet-zoe-ng-o-brien-lukasz.pdf');
    expect(safeFileName(['读书'], 'pdf')).toBe('document.pdf');
  });
});
