import { describe, expect, it } from 'vitest';
import { contactCadence, daysWithoutContact, isQuiet, meetInPersonHint, monthOf, sharedGoalIds } from './workspace.rules.ts';

const CHICAGO = { timeZone: 'America/Chicago', contactsPerMonth: 2, quietAfterWeeks: 3 };

describe('the workspace rules', () => {
  it('suggests meeting in person only when both are in the same region and both are willing', () => {
    const near = { region: 'US-IL', meetInPerson: true };
    expect(meetInPersonHint(near, { region: 'us-il ', meetInPerson: true })).toBe(true);
    expect(meetInPersonHint(near, { region: 'US-IL', meetInPerson: false })).toBe(false);
    expect(meetInPersonHint(near, { region: 'US-WI', meetInPerson: true })).toBe(false);
    expect(meetInPersonHint({ region: '', meetInPerson: true }, { region: '', meetInPerson: true })).toBe(false);
  });

  it('finds the program goals both chose, once each, ascending', () => {
    expect(sharedGoalIds([5, 2, 7, 2], [7, 1, 2])).toEqual([2, 7]);
    expect(sharedGoalIds([1], [2])).toEqual([]);
  });

  it('knows the calendar month a date is in, across the year end', () => {
    expect(monthOf('2026-11-17')).toEqual({ from: '2026-11-01', until: '2026-12-01' });
    expect(monthOf('2026-12-31')).toEqual({ from: '2026-12-01', until: '2027-01-01' });
  });

  it('counts quiet from the later of the match day and the last contact', () => {
    const match = { matchedOn: '2026-10-01', quietAfterWeeks: 3 };
    expect(daysWithoutContact('2026-10-01', null, '2026-10-21')).toBe(20);
    expect(isQuiet({ ...match, lastContactOn: null }, '2026-10-21')).toBe(false);
    expect(isQuiet({ ...match, lastContactOn: null }, '2026-10-22')).toBe(true);
    expect(isQuiet({ ...match, lastContactOn: '2026-10-10' }, '2026-10-30')).toBe(false);
    expect(isQuiet({ ...match, lastContactOn: '2026-10-10' }, '2026-10-31')).toBe(true);
    // A contact logged before the match (a mistake) does not move the clock back.
    expect(isQuiet({ ...match, lastContactOn: '2026-09-01' }, '2026-10-21')).toBe(false);
  });

  it('judges "quiet" by the day in the program time zone, not in UTC', () => {
    const input = { matchedOn: '2026-10-01', lastContactOn: null, contactsThisMonth: 0, active: true };
    // 03:00 UTC on 22 Oct is still the evening of 21 Oct in Chicago: 20 days, not yet 3 weeks.
    expect(contactCadence(input, CHICAGO, new Date('2026-10-22T03:00:00.000Z')).quiet).toBe(false);
    expect(contactCadence(input, CHICAGO, new Date('2026-10-22T05:00:00.000Z')).quiet).toBe(true);
    expect(contactCadence(input, { ...CHICAGO, timeZone: 'UTC' }, new Date('2026-10-22T03:00:00.000Z')).quiet).toBe(true);
  });

  it('gives the cadence numbers, and never calls an ended match quiet', () => {
    const now = new Date('2026-12-15T18:00:00.000Z');
    const input = { matchedOn: '2026-10-01', lastContactOn: '2026-10-20', contactsThisMonth: 0, active: true };
    expect(contactCadence(input, CHICAGO, now)).toEqual({
      contactsPerMonth: 2,
      lastContactOn: '2026-10-20',
      contactsThisMonth: 0,
      quietAfterWeeks: 3,
      quiet: true,
    });
    expect(contactCadence({ ...input, active: false }, CHICAGO, now).quiet).toBe(false);
  });
});
