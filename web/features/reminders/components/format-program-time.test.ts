import { describe, expect, it } from 'vitest';
import { formatProgramTime } from './format-program-time.ts';

// ICU puts a narrow no-break space before AM/PM in newer versions; compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatProgramTime', () => {
  it('shows 09:00 in the program time zone on both sides of a daylight-saving change, with the zone', () => {
    expect(plain(formatProgramTime('2026-10-26T14:00:00.000Z', 'America/Chicago', 'en-US'))).toBe('Mon, Oct 26, 2026, 9:00 AM CDT');
    expect(plain(formatProgramTime('2026-11-01T15:00:00.000Z', 'America/Chicago', 'en-US'))).toBe('Sun, Nov 1, 2026, 9:00 AM CST');
  });

  it('copes with a bad value or zone without throwing', () => {
    expect(formatProgramTime('not a date', 'America/Chicago')).toBe('not a date');
    expect(plain(formatProgramTime('2026-10-26T14:00:00.000Z', 'Nowhere/Special', 'en-US'))).toBe('Oct 26, 2026, 2:00 PM UTC');
  });
});
