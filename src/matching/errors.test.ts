import { describe, expect, it } from 'vitest';
import type { AssignmentProblem } from './assignment-types.ts';
import { MatchingInputError } from './errors.ts';
import { MAX_PAIRS } from './limits.ts';
import { solveAssignment } from './solve.ts';

const ok: AssignmentProblem = { rows: 2, cols: 2, score: Float64Array.from([1, 2, 3, 4]) };

function codeOf(problem: AssignmentProblem): string {
  try {
    solveAssignment(problem);
  } catch (error) {
    expect(error).toBeInstanceOf(MatchingInputError);
    expect((error as Error).message.length).toBeGreaterThan(10);
    return (error as MatchingInputError).code;
  }
  return 'no error';
}

describe('MatchingInputError', () => {
  it.each<[string, AssignmentProblem, string]>([
    ['score length mismatch', { ...ok, score: new Float64Array(3) }, 'LENGTH_MISMATCH'],
    ['capacity length mismatch', { ...ok, capacity: [1] }, 'LENGTH_MISMATCH'],
    ['+Infinity score', { ...ok, score: Float64Array.from([1, Infinity, 3, 4]) }, 'BAD_SCORE'],
    ['huge score', { ...ok, score: Float64Array.from([1, 1e12, 3, 4]) }, 'BAD_SCORE'],
    ['negative capacity', { ...ok, capacity: [1, -1] }, 'BAD_CAPACITY'],
    ['fractional capacity', { ...ok, capacity: [1, 1.5] }, 'BAD_CAPACITY'],
    ['non-finite capacity', { ...ok, capacity: [1, Infinity] }, 'BAD_CAPACITY'],
    ['NaN capacity', { ...ok, capacity: [1, NaN] }, 'BAD_CAPACITY'],
    ['locked pair forbidden', { ...ok, score: Float64Array.from([-Infinity, 2, 3, 4]), locked: [[0, 0]] }, 'LOCK_FORBIDDEN'],
    ['locked pair NaN', { ...ok, score: Float64Array.from([NaN, 2, 3, 4]), locked: [[0, 0]] }, 'LOCK_FORBIDDEN'],
    ['locked pair below minScore', { ...ok, minScore: 2, locked: [[0, 0]] }, 'LOCK_FORBIDDEN'],
    ['locked pair outside', { ...ok, locked: [[0, 5]] }, 'BAD_LOCK'],
    [
      'mentee locked twice',
      {
        ...ok,
        capacity: [2, 2],
        locked: [
          [0, 0],
          [0, 1],
        ],
      },
      'LOCKED_TWICE',
    ],
    [
      'locks exceed capacity',
      {
        ...ok,
        locked: [
          [0, 0],
          [1, 0],
        ],
      },
      'LOCKS_EXCEED_CAPACITY',
    ],
    ['too large', { rows: MAX_PAIRS, cols: 2, score: new Float64Array(0) }, 'TOO_LARGE'],
    ['negative rows', { ...ok, rows: -1 }, 'BAD_SIZE'],
    ['bad minScore', { ...ok, minScore: NaN }, 'BAD_MIN_SCORE'],
    ['bad objective', { ...ok, objective: 'fastest' as never }, 'BAD_OBJECTIVE'],
  ])('%s', (_name, problem, code) => {
    expect(codeOf(problem)).toBe(code);
  });

  it('a locked pair scoring exactly minScore is allowed', () => {
    expect(solveAssignment({ ...ok, minScore: 1, locked: [[0, 0]] }).mentorOf[0]).toBe(0);
  });

  it('nobody matchable is an empty matching, not an error', () => {
    const result = solveAssignment({ rows: 3, cols: 2, score: new Float64Array(6).fill(-Infinity) });
    expect(result.matched).toBe(0);
    expect(Array.from(result.mentorOf)).toEqual([-1, -1, -1]);
    expect(solveAssignment({ rows: 0, cols: 0, score: new Float64Array(0) }).matched).toBe(0);
    expect(solveAssignment({ ...ok, capacity: [0, 0] }).matched).toBe(0);
  });
});
