import { describe, expect, it } from 'vitest';
import { instantAt } from '../../time/zoned.ts';
import { longDate, rematchWindow, windowClosedMessage } from './rematch-window.rules.ts';

const CHICAGO = { timeZone: 'America/Chicago', guaranteeWindowDays: 45 };
const minute = 60_000;

describe('the re-match window', () => {
  // Matched on 20 September 2026 (Chicago); 45 days later is 4 November, after the clocks go
  // back on 1 November: the last day is judged in Chicago's winter time (UTC-6), not summer's.
  const matchedAt = instantAt('2026-09-20', '10:00', 'America/Chicago').toISOString();
  const closesAt = instantAt('2026-11-05', '00:00', 'America/Chicago');

  it('closes at the end of the 45th day in the program time zone, across a daylight-saving change', () => {
    const w = rematchWindow(matchedAt, CHICAGO, new Date('2026-10-01T00:00:00Z'));
    expect(w.closesOn).toBe('2026-11-04');
    expect(w.closesAt).toBe('2026-11-05T06:00:00.000Z');
    expect(w.open).toBe(true);
  });

  it('accepts a request one minute before the close and refuses one a minute after', () => {
    expect(rematchWindow(matchedAt, CHICAGO, new Date(closesAt.getTime() - minute)).open).toBe(true);
    expect(rematchWindow(matchedAt, CHICAGO, new Date(closesAt.getTime() + minute)).open).toBe(false);
    expect(rematchWindow(matchedAt, CHICAGO, closesAt).open).toBe(false);
  });

  it('would have closed an hour earlier under summer time: the zone is read on the closing day', () => {
    const summerMidnight = new Date('2026-11-05T05:00:00Z');
    expect(rematchWindow(matchedAt, CHICAGO, new Date(summerMidnight.getTime() + 30 * minute)).open).toBe(true);
  });

  it('counts from the match day in the program time zone, not UTC', () => {
    // 23:30 in Chicago on 31 January is already 1 February in UTC.
    const late = instantAt('2027-01-31', '23:30', 'America/Chicago').toISOString();
    expect(rematchWindow(late, CHICAGO, new Date(late)).closesOn).toBe('2027-03-17');
  });

  it('is never open when the program offers no guarantee', () => {
    const w = rematchWindow(matchedAt, { ...CHICAGO, guaranteeWindowDays: 0 }, new Date(matchedAt));
    expect(w).toEqual({ closesOn: null, closesAt: null, open: false });
  });
});

describe('the refusal', () => {
  it('names the closing date and the program contact', () => {
    expect(longDate('2026-11-04')).toBe('4 November 2026');
    expect(windowClosedMessage('2026-11-04', { name: 'Dana Reyes', email: 'dana@example.org' })).toBe(
      'The window to ask for a new partner closed at the end of 4 November 2026. If something is wrong, write to Dana Reyes at dana@example.org.',
    );
    expect(windowClosedMessage('2026-11-04', null)).toContain('write to the program office');
  });
});
