import { describe, expect, it } from 'vitest';
import { parseRange } from './byte-range.ts';

describe('parseRange', () => {
  const size = 1000;

  it('serves the whole file without a Range header', () => {
    expect(parseRange(undefined, size)).toEqual({ kind: 'whole' });
  });

  it('reads a closed range, capping its end at the last byte', () => {
    expect(parseRange('bytes=0-99', size)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(parseRange('bytes=990-2000', size)).toEqual({ kind: 'partial', start: 990, end: 999 });
    expect(parseRange('bytes=5-5', size)).toEqual({ kind: 'partial', start: 5, end: 5 });
  });

  it('reads an open range to the end', () => {
    expect(parseRange('bytes=900-', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
  });

  it('reads a suffix range: the last n bytes, or all of them when n is larger', () => {
    expect(parseRange('bytes=-100', size)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(parseRange('bytes=-5000', size)).toEqual({ kind: 'partial', start: 0, end: 999 });
  });

  it('answers unsatisfiable for a start past the end, an empty suffix, or any range of an empty file', () => {
    expect(parseRange('bytes=1000-', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=1000-1200', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', size)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-10', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what it does not serve: other units, bad syntax, reversed or several ranges', () => {
    for (const header of ['items=0-5', 'bytes=abc', 'bytes=-', 'bytes=5-1', 'bytes=0-1,5-6', 'bytes=1.5-2', '']) {
      expect(parseRange(header, size), header).toEqual({ kind: 'whole' });
    }
  });

  it('tolerates spaces and upper case', () => {
    expect(parseRange(' Bytes = 10-19 ', size)).toEqual({ kind: 'partial', start: 10, end: 19 });
  });
});
