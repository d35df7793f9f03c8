import { describe, expect, it } from 'vitest';
import { daysUntil, isOnOrBefore, isPast, matchDates } from './match-dates.rules.ts';

const CHICAGO = { timeZone: 'America/Chicago', goalSheetDeadlineDays: 30, guaranteeWindowDays: 45 };

describe('match dates', () => {
  it('counts from the day of the match in the program time zone, not in UTC', () => {
    // 03:00 UTC on 15 Oct is still the evening of 14 Oct in Chicago.
    const d = matchDates('2026-10-15T03:00:00.000Z', '2027-09-30', CHICAGO);
    expect(d).toEqual({
      matchedOn: '2026-10-14',
      goalSheetDueOn: '2026-11-13',
      guaranteeClosesOn: '2026-11-28',
      programEndsOn: '2027-09-30',
    });
    const tokyo = matchDates('2026-10-15T03:00:00.000Z', '2027-09-30', { ...CHICAGO, timeZone: 'Asia/Tokyo' });
    expect(tokyo.matchedOn).toBe('2026-10-15');
  });

  it('has no guarantee window when the program sets it to 0 days', () => {
    expect(matchDates('2026-10-15T15:00:00.000Z', '2027-09-30', { ...CHICAGO, guaranteeWindowDays: 0 }).guaranteeClosesOn).toBeNull();
  });

  it('keeps a deadline open until the day ends in the program time zone, across the fall-back change', () => {
    // 1 Nov 2026: Chicago falls back; the day is 25 hours long and ends at 06:00 UTC on 2 Nov.
    expect(isOnOrBefore(new Date('2026-11-02T05:59:59.999Z'), '2026-11-01', 'America/Chicago')).toBe(true);
    expect(isOnOrBefore(new Date('2026-11-02T06:00:00.000Z'), '2026-11-01', 'America/Chicago')).toBe(false);
    expect(isPast('2026-11-01', new Date('2026-11-02T06:00:00.000Z'), 'America/Chicago')).toBe(true);
  });

  it('counts days left as calendar days in the program time zone', () => {
    const now = new Date('2026-11-12T23:30:00.000Z'); // 17:30 on 12 Nov in Chicago, already 13 Nov in Tokyo
    expect(daysUntil('2026-11-13', now, 'America/Chicago')).toBe(1);
    expect(daysUntil('2026-11-13', now, 'Asia/Tokyo')).toBe(0);
    expect(daysUntil('2026-11-10', now, 'America/Chicago')).toBe(-2);
  });
});
