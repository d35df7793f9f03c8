import { describe, expect, it } from 'vitest';
import { activeLoadOf, doubleBookings, loadsForFingerprint, poolBookings } from './active-matches.rules.ts';
import type { ActiveMatchLoad } from './active-matches.rules.ts';
import { testApplication } from './test-application.ts';

// testApplication(id) belongs to user 1000 + id.
const mentor = testApplication(1, 'mentor', { capacity: 3 });
const fullMentor = testApplication(2, 'mentor', { capacity: 1 });
const freeMentor = testApplication(3, 'mentor', { capacity: 2 });
const matchedMentee = testApplication(4, 'mentee');
const freeMentee = testApplication(5, 'mentee');
const pool = [mentor, fullMentor, freeMentor, matchedMentee, freeMentee];
const byId = new Map(pool.map((a) => [a.id, a]));

const loads: ActiveMatchLoad[] = [
  { userId: 1001, side: 'mentor', periodName: 'Fall cohort', matches: 1 },
  { userId: 1001, side: 'mentor', periodName: 'Spring cohort', matches: 1 },
  { userId: 1002, side: 'mentor', periodName: 'Fall cohort', matches: 1 },
  { userId: 1004, side: 'mentee', periodName: 'Fall cohort', matches: 1 },
  // A mentee who mentors elsewhere is still free to be mentored, and the other way round.
  { userId: 1005, side: 'mentor', periodName: 'Fall cohort', matches: 1 },
  { userId: 1003, side: 'mentee', periodName: 'Fall cohort', matches: 1 },
];

describe('one match at a time', () => {
  it('adds up a person’s active matches on one side, naming each period once', () => {
    expect(activeLoadOf(loads, 1001, 'mentor')).toEqual({ matches: 2, periods: ['Fall cohort', 'Spring cohort'] });
    expect(activeLoadOf(loads, 1001, 'mentee')).toEqual({ matches: 0, periods: [] });
  });

  it('leaves out mentees already matched and gives mentors only the places left, with notes', () => {
    const b = poolBookings(pool, loads);
    expect(b.bookedMentees).toEqual([
      {
        menteeApplicationId: 4,
        menteeName: 'Person 4',
        explanation: 'already has a mentor in an active match (Fall cohort); a mentee has one match at a time',
      },
    ]);
    expect([...b.placesLeft]).toEqual([
      [1, 1],
      [2, 0],
      [3, 2],
    ]);
    expect(b.notes).toEqual([
      'Person 1 has 1 of 3 places left in this run; the others are taken by 2 active matches in Fall cohort and Spring cohort.',
      'Person 2 takes no mentee in this run: their place is taken by 1 active match in Fall cohort.',
    ]);
  });

  it('never gives a negative number of places', () => {
    const over: ActiveMatchLoad[] = [{ userId: 1002, side: 'mentor', periodName: 'Fall cohort', matches: 3 }];
    expect(poolBookings([fullMentor], over).placesLeft.get(2)).toBe(0);
  });

  it('finds the pairs that would double-book a mentee or a mentor', () => {
    const found = doubleBookings(
      [
        { menteeApplicationId: 4, mentorApplicationId: 3 },
        { menteeApplicationId: 5, mentorApplicationId: 1 },
        { menteeApplicationId: 6, mentorApplicationId: 1 },
      ],
      byId,
      loads,
    );
    expect(found).toEqual([
      { applicationId: 4, message: expect.stringMatching(/^Person 4 already has a mentor in an active match \(Fall cohort\)/) },
      {
        applicationId: 1,
        message: 'Person 1 takes 3 mentees and already has 2 active matches (Fall cohort and Spring cohort); this would add 2 more.',
      },
    ]);
    // Within capacity counting every active match: nothing to refuse.
    expect(doubleBookings([{ menteeApplicationId: 5, mentorApplicationId: 1 }], byId, loads)).toEqual([]);
  });

  it('leaves going over capacity within one proposal to the committee when the mentor has no other match', () => {
    const pairs = [5, 6, 7].map((m) => ({ menteeApplicationId: m, mentorApplicationId: 3 }));
    expect(doubleBookings(pairs, byId, [])).toEqual([]);
  });

  it('sums loads per person and side, in a stable order, for the pool fingerprint', () => {
    expect(loadsForFingerprint([...loads].reverse())).toEqual(loadsForFingerprint(loads));
    expect(loadsForFingerprint(loads)).toEqual([
      [1001, 'mentor', 2],
      [1002, 'mentor', 1],
      [1003, 'mentee', 1],
      [1004, 'mentee', 1],
      [1005, 'mentor', 1],
    ]);
  });
});
