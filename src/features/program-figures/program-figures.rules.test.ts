import { describe, expect, it } from 'vitest';
import { attendanceByPerson, contactsBucket, periodFigures, runReasonsOf, sheetTiming, unmatchedWhy } from './program-figures.rules.ts';
import type { PeriodFacts } from './program-figures.rules.ts';

const EMPTY: PeriodFacts = { applications: [], matches: [], rematchRequests: [], eventPeople: [], surveyInvitations: [] };
const TZ = 'America/Chicago';

describe('the pieces', () => {
  it('buckets contacts as 0, 1–2, 3–5, 6+', () => {
    expect([0, 1, 2, 3, 5, 6, 40].map(contactsBucket)).toEqual(['0', '1-2', '1-2', '3-5', '3-5', '6+', '6+']);
  });

  it('times a goal sheet against its due day in the program time zone', () => {
    const now = new Date('2027-03-10T12:00:00Z');
    // 23:30 in Chicago on the due day is still on time, though it is already the next day in UTC.
    expect(sheetTiming('2027-03-01T05:30:00.000Z', '2027-02-28', now, TZ)).toBe('on-time');
    expect(sheetTiming('2027-03-01T06:30:00.000Z', '2027-02-28', now, TZ)).toBe('late');
    expect(sheetTiming(null, '2027-02-28', now, TZ)).toBe('missing');
    expect(sheetTiming(null, '2027-03-10', now, TZ)).toBe('not-due');
  });

  it('counts each person once for events: came to one, missed every marked one, or never marked', () => {
    expect(
      attendanceByPerson([
        { userId: 1, attended: 0 },
        { userId: 1, attended: 1 },
        { userId: 2, attended: null },
        { userId: 2, attended: 0 },
        { userId: 3, attended: null },
      ]),
    ).toEqual([
      { person: 1, attendance: 'attended' },
      { person: 2, attendance: 'missed' },
      { person: 3, attendance: 'not-recorded' },
    ]);
  });

  it('takes why someone was not matched from the approved run, never from free text', () => {
    const reasons = runReasonsOf([
      { unmatched: [{ menteeApplicationId: 7, reason: 'mentors-full' }], mentors: [{ mentorApplicationId: 3, assigned: 0 }] },
      null,
      'garbage',
    ]);
    expect(unmatchedWhy({ id: 7, status: 'unmatched' }, reasons)).toBe('mentors-full');
    expect(unmatchedWhy({ id: 3, status: 'unmatched' }, reasons)).toBe('mentor-not-needed');
    expect(unmatchedWhy({ id: 9, status: 'unmatched' }, reasons)).toBe('not-recorded');
    expect(unmatchedWhy({ id: 7, status: 'matched' }, reasons)).toBeNull();
  });
});

describe('periodFigures', () => {
  const apps = (n: number, over: Partial<PeriodFacts['applications'][number]>, from: number) =>
    Array.from({ length: n }, (_, i) => ({ person: from + i, role: 'mentee' as const, status: 'matched' as const, why: null, ...over }));

  it('an empty period shows zeros, not a hidden chart', () => {
    const figures = periodFigures(EMPTY, 5);
    expect(figures.applications).toMatchObject({ suppressed: false, total: 0, summary: 'No applications to count yet.' });
    expect(figures.contacts).toMatchObject({ suppressed: false, total: 0 });
  });

  it('counts applications by role and outcome, with shares in words', () => {
    const facts = { ...EMPTY, applications: [...apps(5, { role: 'mentor' }, 0), ...apps(5, {}, 10)] };
    const figures = periodFigures(facts, 5);
    expect(figures.applications).toMatchObject({
      suppressed: false,
      total: 10,
      bars: [
        { label: 'Mentors', value: 5 },
        { label: 'Mentees', value: 5 },
      ],
    });
    expect(figures.outcomes).toMatchObject({ suppressed: false, bars: expect.arrayContaining([{ label: 'Matched', value: 10 }]) });
    expect(figures.applications.suppressed ? '' : figures.applications.summary).toBe(
      'Of 10 applications: Mentors: 5 (50%); Mentees: 5 (50%).',
    );
  });

  it('hides a figure with a group of 1..min-1, and one whose groups show only by difference with another', () => {
    // Role split 6/6 is fine; outcomes 10 matched + 2 declined: declined is under 5.
    const facts = {
      ...EMPTY,
      applications: [...apps(6, { role: 'mentor' }, 0), ...apps(4, {}, 10), ...apps(2, { status: 'declined' }, 20)],
    };
    const figures = periodFigures(facts, 5);
    expect(figures.applications.suppressed).toBe(false);
    expect(figures.outcomes).toMatchObject({ suppressed: true, reason: expect.stringContaining('smaller than 5') });
  });

  it('hides everything about a population of fewer than the threshold', () => {
    const figures = periodFigures({ ...EMPTY, surveyInvitations: [1, 2, 3].map((person) => ({ person, answered: true })) }, 5);
    expect(figures['survey-response']).toMatchObject({ suppressed: true, reason: expect.stringContaining('Fewer than 5 people') });
  });

  it('counts distinct people, not invitations: one person asked five times is still one person', () => {
    const facts = {
      ...EMPTY,
      surveyInvitations: [
        ...Array.from({ length: 5 }, () => ({ person: 1, answered: true })),
        ...[2, 3, 4, 5, 6].map((person) => ({ person, answered: false })),
      ],
    };
    expect(periodFigures(facts, 5)['survey-response'].suppressed).toBe(true);
  });
});
