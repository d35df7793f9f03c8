import { describe, expect, it } from 'vitest';
import { isOverdue } from './goal-sheet.rules.ts';
import { matchDates } from '../matches/match-dates.rules.ts';
import { overdueIfMatchedBefore } from './period-goal-sheets.rules.ts';

describe('overdueIfMatchedBefore', () => {
  const settings = { timeZone: 'America/Chicago', goalSheetDeadlineDays: 30, guaranteeWindowDays: 0 };

  it('agrees with isOverdue for matches made around the boundary, across a daylight-saving change', () => {
    const now = new Date('2026-11-05T15:00:00Z'); // 09:00 in Chicago; DST ended on 1 November
    const cut = overdueIfMatchedBefore(now, settings);
    // Every 20 minutes over three days around the cut-off.
    const start = Date.parse(cut) - 36 * 3_600_000;
    for (let t = start; t < start + 72 * 3_600_000; t += 20 * 60_000) {
      const matchedAt = new Date(t).toISOString();
      const dueOn = matchDates(matchedAt, '2027-08-31', settings).goalSheetDueOn;
      const expected = isOverdue({ firstSubmittedAt: null, dueOn, matchActive: true }, now, settings.timeZone);
      expect(matchedAt < cut, matchedAt).toBe(expected);
    }
  });

  it('is the start of the match day whose sheet fell due yesterday', () => {
    // Today in Chicago is 5 November; a sheet due 4 November came from a match on 5 October.
    expect(overdueIfMatchedBefore(new Date('2026-11-05T15:00:00Z'), settings)).toBe('2026-10-06T05:00:00.000Z');
  });
});
