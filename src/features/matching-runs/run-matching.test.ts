import { describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../matching/index.ts';
import { poolProfiles } from './application-profiles.ts';
import { poolHardRules } from './hard-rules.ts';
import { isInterrupted } from './matching-run.rules.ts';
import type { PairRuleRecord } from './pair-rules.store.ts';
import type { RunJob } from './run-job.ts';
import { runMatching } from './run-matching.ts';
import { reassignInResult } from './run-result.ts';
import { testApplication } from './test-application.ts';

const rule = (id: number, kind: 'lock' | 'forbid', mentee: number, mentor: number): PairRuleRecord => ({
  id,
  periodId: 1,
  kind,
  menteeApplicationId: mentee,
  menteeName: `Person ${mentee}`,
  mentorApplicationId: mentor,
  mentorName: `Person ${mentor}`,
  createdAt: '2026-08-01T10:00:00.000Z',
});

function job(
  pool: ReturnType<typeof testApplication>[],
  rules: PairRuleRecord[] = [],
  partners: { mentorUserId: number; menteeUserId: number }[] = [],
): RunJob {
  const hard = poolHardRules(pool, rules, partners);
  return {
    ...poolProfiles(pool),
    weights: DEFAULT_WEIGHTS,
    objective: 'most-matched',
    minScore: null,
    referenceDate: Date.UTC(2026, 8, 1),
    previousPartners: hard.previousPartners,
    forbidden: [...hard.forbidden, ...hard.samePerson],
    locks: hard.locks,
    notes: hard.notes,
  };
}

describe('a run, start to result', () => {
  const mentors = [
    testApplication(1, 'mentor', { capacity: 1, interests: ['storytime'] }),
    testApplication(2, 'mentor', { capacity: 1, interests: ['grant writing'] }),
  ];
  const mentees = [
    testApplication(3, 'mentee', { interests: ['storytime'] }),
    testApplication(4, 'mentee', { interests: ['grant writing'] }),
  ];

  it('names people and counts each mentor load', () => {
    const result = runMatching(job([...mentors, ...mentees]));
    expect(result.pairs.map((p) => [p.menteeApplicationId, p.mentorApplicationId, p.menteeName, p.mentorName])).toEqual([
      [3, 1, 'Person 3', 'Person 1'],
      [4, 2, 'Person 4', 'Person 2'],
    ]);
    expect(result.mentors).toEqual([
      { mentorApplicationId: 1, name: 'Person 1', capacity: 1, assigned: 1 },
      { mentorApplicationId: 2, name: 'Person 2', capacity: 1, assigned: 1 },
    ]);
    expect(result.pairs[0]!.reasons[0]).toEqual({ criterion: expect.any(String), polarity: 'for', text: expect.any(String) });
    expect(result.notes).toBeUndefined();
  });

  it('honours locks and forbidden pairs, and never pairs previous partners or a person with themself', () => {
    const locked = runMatching(job([...mentors, ...mentees], [rule(1, 'lock', 3, 2)]));
    expect(locked.pairs.map((p) => [p.menteeApplicationId, p.mentorApplicationId, p.locked])).toEqual([
      [3, 2, true],
      [4, 1, false],
    ]);
    const forbidden = runMatching(job([...mentors, ...mentees], [rule(1, 'forbid', 3, 1)]));
    expect(forbidden.pairs.find((p) => p.menteeApplicationId === 3)?.mentorApplicationId).toBe(2);
    const previous = runMatching(job([...mentors, ...mentees], [], [{ mentorUserId: 1001, menteeUserId: 1003 }]));
    expect(previous.pairs.find((p) => p.menteeApplicationId === 3)?.mentorApplicationId).toBe(2);
    // Roles swapped since: still previous partners.
    const swapped = runMatching(job([...mentors, ...mentees], [], [{ mentorUserId: 1003, menteeUserId: 1001 }]));
    expect(swapped.pairs.find((p) => p.menteeApplicationId === 3)?.mentorApplicationId).toBe(2);
    const self = runMatching(job([mentors[0]!, testApplication(5, 'mentee', { interests: ['storytime'] }, { userId: 1001 })]));
    expect(self.pairs).toEqual([]);
  });

  it('sets aside locks that cannot hold, with a note for each', () => {
    const colleague = testApplication(5, 'mentee', { employer: 'library 1' });
    const result = runMatching(
      job(
        [...mentors, ...mentees, colleague],
        [rule(1, 'lock', 3, 1), rule(2, 'lock', 4, 1), rule(3, 'lock', 5, 1), rule(4, 'lock', 99, 2)],
      ),
    );
    expect(result.notes).toEqual([
      'The lock on Person 99 and Person 2 was set aside: one of them is no longer in the matching pool.',
      'The lock on Person 4 and Person 1 was set aside: Person 1 takes 1 mentee and earlier locks fill those places.',
      'The lock on Person 5 and Person 1 was set aside: no eligible mentor (1 at the same employer).',
    ]);
    expect(result.pairs.find((p) => p.menteeApplicationId === 3)).toMatchObject({ mentorApplicationId: 1, locked: true });
  });

  it('lists mentees left out for an active match among the unmatched, and honours a mentor with no place left', () => {
    const full = {
      ...job([...mentors, ...mentees.slice(1)]),
      alreadyMatched: [{ menteeApplicationId: 3, menteeName: 'Person 3', explanation: 'already has a mentor' }],
    };
    full.mentors = full.mentors.map((m) => (m.id === '2' ? { ...m, capacity: 0 } : m));
    const result = runMatching(full);
    expect(result.pairs.map((p) => [p.menteeApplicationId, p.mentorApplicationId])).toEqual([[4, 1]]);
    expect(result.unmatched).toEqual([
      { menteeApplicationId: 3, menteeName: 'Person 3', reason: 'already-matched', explanation: 'already has a mentor' },
    ]);
    expect(result.mentors.map((m) => [m.mentorApplicationId, m.capacity, m.assigned])).toEqual([
      [1, 1, 1],
      [2, 0, 0],
    ]);
    expect(result.summary).toMatchObject({ matched: 1, unmatched: 1 });
  });

  it('moves a mentee by hand and recomputes loads and summary', () => {
    const result = runMatching(job([...mentors, ...mentees]));
    const hand = { ...result.pairs[0]!, mentorApplicationId: 2, mentorName: 'Person 2', score: 10, editedByHand: true };
    const moved = reassignInResult(result, 3, 'Person 3', hand);
    expect(moved.mentors.map((m) => m.assigned)).toEqual([0, 2]);
    expect(moved.summary).toMatchObject({ matched: 2, unmatched: 0, worstScore: 10 });
    const removed = reassignInResult(moved, 4, 'Person 4', null);
    expect(removed.summary).toMatchObject({ matched: 1, unmatched: 1, meanScore: 10 });
    expect(removed.unmatched).toEqual([
      { menteeApplicationId: 4, menteeName: 'Person 4', reason: 'removed-by-hand', explanation: 'taken out of the proposal by hand' },
    ]);
  });
});

describe('interrupted runs', () => {
  const now = new Date('2026-09-01T15:00:00.000Z');
  it('counts a running run as interrupted once its heartbeat is over two minutes old', () => {
    const run = (heartbeatAt: string | null) => ({ status: 'running', heartbeatAt, createdAt: '2026-09-01T14:00:00.000Z' });
    expect(isInterrupted(run('2026-09-01T14:58:00.000Z'), now)).toBe(false);
    expect(isInterrupted(run('2026-09-01T14:57:59.999Z'), now)).toBe(true);
    expect(isInterrupted(run(null), now)).toBe(true);
    expect(isInterrupted({ ...run('2026-09-01T10:00:00.000Z'), status: 'done' }, now)).toBe(false);
  });
});
