import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../shared/api/list-query.ts';
import type { RunResult } from '../../shared/api/matching.ts';
import { cursorFits, pagePairs, pairHasWarnings, overCapacityMentors, sortPairs } from './run-pairs.rules.ts';

type RunPair = RunResult['pairs'][number];

const pair = (menteeId: number, mentorId: number, score: number, more: Partial<RunPair> = {}): RunPair => ({
  menteeApplicationId: menteeId,
  menteeName: `Mentee ${menteeId}`,
  mentorApplicationId: mentorId,
  mentorName: `Mentor ${mentorId}`,
  score,
  explanation: 'fits',
  reasons: [{ criterion: 'goals', polarity: 'for', text: 'shares goals' }],
  locked: false,
  editedByHand: false,
  ...more,
});

const against = [{ criterion: 'timeZone', polarity: 'against' as const, text: 'far apart' }];
const pairs: RunPair[] = [
  pair(1, 100, 50),
  pair(2, 100, 50, { reasons: against }),
  pair(3, 101, 80, { locked: true }),
  pair(4, 102, 20),
  pair(5, 102, 20, { editedByHand: true }),
  pair(6, 101, 65.5),
];
// Mentor 102 has one place and two mentees: both pairs need a look.
const result = {
  unmatched: [{ menteeApplicationId: 7, menteeName: 'Mentee 7', reason: 'mentors-full' as const, explanation: 'full' }],
  mentors: [
    { mentorApplicationId: 100, name: 'Mentor 100', capacity: 2, assigned: 2 },
    { mentorApplicationId: 101, name: 'Mentor 101', capacity: 3, assigned: 2 },
    { mentorApplicationId: 102, name: 'Mentor 102', capacity: 1, assigned: 2 },
  ],
};
const ids = (ps: readonly RunPair[]) => ps.map((p) => p.menteeApplicationId);
const page = (q: Parameters<typeof pagePairs>[2]) => pagePairs(result, sortPairs(pairs, q.sort), q, encodeCursor);

describe('a run’s pairs, sorted, filtered and paged', () => {
  it('flags pairs with a reason against them or an over-full mentor', () => {
    const over = overCapacityMentors(result);
    expect([...over]).toEqual([102]);
    expect(pairs.filter((p) => pairHasWarnings(p, over)).map((p) => p.menteeApplicationId)).toEqual([2, 4, 5]);
  });

  it('sorts with the mentee application id breaking ties', () => {
    expect(ids(sortPairs(pairs, 'score-asc'))).toEqual([4, 5, 1, 2, 6, 3]);
    expect(ids(sortPairs(pairs, 'score-desc'))).toEqual([3, 6, 1, 2, 4, 5]);
    expect(ids(sortPairs(pairs, 'mentor'))).toEqual([1, 2, 3, 6, 4, 5]);
    // Numbers in names sort as numbers: Mentee 2 before Mentee 10.
    expect(ids(sortPairs([pair(10, 1, 1), pair(2, 1, 1)], 'mentee'))).toEqual([2, 10]);
  });

  it('pages by cursor without gaps or repeats, with counts over the whole run', () => {
    const seen: number[] = [];
    let after: ReturnType<typeof decodeCursor>;
    for (let n = 0; n < 10; n++) {
      const p = page({ sort: 'score-asc', limit: 4, after });
      expect(p.total).toBe(6);
      expect(p.counts).toEqual({ all: 6, warnings: 3, locked: 1, editedByHand: 1, unmatched: 1 });
      seen.push(...ids(p.pairs));
      if (!p.nextCursor) break;
      after = decodeCursor(p.nextCursor);
    }
    expect(seen).toEqual([4, 5, 1, 2, 6, 3]);
    // A cursor between two equal scores continues with the next mentee id.
    expect(ids(page({ sort: 'score-asc', limit: 2, after: ['50', 1] }).pairs)).toEqual([2, 6]);
    // The row the cursor names has gone: the page still starts right after where it stood.
    expect(ids(page({ sort: 'score-asc', limit: 10, after: ['60', 99] }).pairs)).toEqual([6, 3]);
    expect(page({ sort: 'score-asc', limit: 6 }).nextCursor).toBeNull();
  });

  it('filters by search, warnings, lock and mentor, and combines them', () => {
    expect(ids(page({ sort: 'mentee', limit: 50, q: 'mentor 101' }).pairs)).toEqual([3, 6]);
    expect(ids(page({ sort: 'mentee', limit: 50, q: 'MENTEE 5' }).pairs)).toEqual([5]);
    expect(ids(page({ sort: 'mentee', limit: 50, warnings: true }).pairs)).toEqual([2, 4, 5]);
    expect(ids(page({ sort: 'mentee', limit: 50, locked: true }).pairs)).toEqual([3]);
    expect(ids(page({ sort: 'mentee', limit: 50, mentor: 100 }).pairs)).toEqual([1, 2]);
    const both = page({ sort: 'mentee', limit: 1, mentor: 102, warnings: true });
    expect(both).toMatchObject({ total: 2, pairs: [{ menteeApplicationId: 4 }] });
    expect(ids(page({ sort: 'mentee', limit: 1, mentor: 102, warnings: true, after: decodeCursor(both.nextCursor!) }).pairs)).toEqual([5]);
  });

  it('refuses a cursor whose value does not fit a score order', () => {
    expect(cursorFits('score-asc', ['12.5', 1])).toBe(true);
    expect(cursorFits('score-desc', ['Mentor 100', 1])).toBe(false);
    expect(cursorFits('score-asc', ['', 1])).toBe(false);
    expect(cursorFits('mentor', ['Mentor 100', 1])).toBe(true);
  });
});
