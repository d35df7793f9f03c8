import { describe, expect, it } from 'vitest';
import { mentorCompletion, monthsOfService, periodIsOver, ranToTheEnd } from './recognition-letters.rules.ts';

const TZ = 'America/Chicago';
const period = { programEndsOn: '2027-09-30' };
/** 2027-09-30 23:30 in Chicago: still the last day there, already October in UTC. */
const LAST_EVENING = new Date('2027-10-01T04:30:00.000Z');
const NEXT_MORNING = new Date('2027-10-01T14:00:00.000Z');
const match = (o: { mentee?: number; matchedAt?: string; endedAt?: string | null } = {}) => ({
  menteeUserId: o.mentee ?? 1,
  matchedAt: o.matchedAt ?? '2026-10-15T15:00:00.000Z',
  endedAt: o.endedAt ?? null,
});

describe('recognition letters: who completed a period', () => {
  it('waits until the last day is over in the program time zone', () => {
    expect(periodIsOver(period, LAST_EVENING, TZ)).toBe(false);
    expect(periodIsOver(period, NEXT_MORNING, TZ)).toBe(true);
    expect(mentorCompletion([match()], period, LAST_EVENING, TZ)).toEqual({ completed: false, reason: 'PERIOD_NOT_OVER' });
  });

  it('counts a match that is still active, or ended on or after the last day, as run to the end', () => {
    expect(ranToTheEnd(match(), period, TZ)).toBe(true);
    // Ended on the evening of the last day, Chicago time (already 1 October in UTC).
    expect(ranToTheEnd(match({ endedAt: '2027-10-01T02:00:00.000Z' }), period, TZ)).toBe(true);
    expect(ranToTheEnd(match({ endedAt: '2027-09-30T15:00:00.000Z' }), period, TZ)).toBe(true);
    // Ended the day before, late in the evening in Chicago.
    expect(ranToTheEnd(match({ endedAt: '2027-09-30T04:00:00.000Z' }), period, TZ)).toBe(false);
  });

  it('gives no letter to someone who was not a mentor, or whose only match ended early', () => {
    expect(mentorCompletion([], period, NEXT_MORNING, TZ)).toEqual({ completed: false, reason: 'NOT_A_MENTOR' });
    expect(mentorCompletion([match({ endedAt: '2027-02-01T15:00:00.000Z' })], period, NEXT_MORNING, TZ)).toEqual({
      completed: false,
      reason: 'ENDED_EARLY',
    });
  });

  it('counts a mentor re-matched to a new mentee who stayed to the end, with both mentees as partners', () => {
    const result = mentorCompletion(
      [
        match({ mentee: 1, matchedAt: '2026-10-10T15:00:00.000Z', endedAt: '2027-01-05T15:00:00.000Z' }),
        match({ mentee: 2, matchedAt: '2027-01-20T15:00:00.000Z' }),
      ],
      period,
      NEXT_MORNING,
      TZ,
    );
    expect(result).toEqual({ completed: true, partners: 2, firstMatchedOn: '2026-10-10', months: 12 });
  });

  it('counts months of service from the first match to the end, at least one', () => {
    expect(monthsOfService('2026-10-15', '2027-09-30')).toBe(11);
    expect(monthsOfService('2026-09-30', '2027-09-30')).toBe(12);
    expect(monthsOfService('2027-09-25', '2027-09-30')).toBe(1);
  });
});
