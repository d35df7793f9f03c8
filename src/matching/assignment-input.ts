import type { AssignmentProblem, Objective } from './assignment-types.ts';
import { OBJECTIVES } from './assignment-types.ts';
import { MatchingInputError } from './errors.ts';
import { MAX_ABS_SCORE, MAX_PAIRS } from './limits.ts';

/** Marks a mentee that is not locked to anyone. */
export const NOT_LOCKED = -1;

/**
 * A validated problem with locks taken out: locked mentees are fixed, their mentors' capacity is
 * reduced, and only the remaining ("free") mentees are optimised. Shared by the solver and the
 * optimality checker so both reason about exactly the same reduced problem and cost model.
 */
export interface ValidatedProblem {
  readonly rows: number;
  readonly cols: number;
  readonly score: Float64Array;
  readonly objective: Objective;
  readonly minScore: number;
  /** Per mentee: the locked mentor, or NOT_LOCKED. */
  readonly lockedCol: Int32Array;
  /** Mentees not locked, ascending. */
  readonly freeRows: Int32Array;
  /** Per mentor: places left after locks, clamped to the number of free mentees. */
  readonly remaining: Int32Array;
  /** cost(i, j) = costOffset - score(i, j). */
  readonly costOffset: number;
  readonly unmatchedCost: number;
}

/** Whether a score makes an allowed pair (finite, or at least not forbidden, and >= minScore). */
export function isAllowedScore(s: number, minScore: number): boolean {
  // NaN fails `>=`; -Infinity is forbidden even when no minimum is set.
  return s >= minScore && s !== -Infinity;
}

function checkInteger(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new MatchingInputError('BAD_SIZE', `${what} must be a whole number >= 0, got ${value}.`);
  }
}

function badScore(i: number, j: number, s: number): never {
  throw new MatchingInputError(
    'BAD_SCORE',
    `Score of pair [${i}, ${j}] is ${s}; scores must be finite and within ±${MAX_ABS_SCORE} (use -Infinity or NaN to forbid a pair).`,
  );
}

/**
 * One pass over every score: rejects +Infinity and out-of-range scores, and returns the range of
 * the usable pairs (free mentee, allowed score, mentor with a place left). A function of its own so
 * the hot loop is optimised on its own rather than through on-stack replacement of a large caller.
 */
function usableScoreRange(
  score: Float64Array,
  rows: number,
  cols: number,
  lockedCol: Int32Array,
  remaining: Int32Array,
  minScore: number,
): { hi: number; lo: number } {
  const max = MAX_ABS_SCORE;
  let hi = -Infinity;
  let lo = Infinity;
  for (let i = 0; i < rows; i++) {
    const usable = lockedCol[i] === NOT_LOCKED;
    const base = i * cols;
    for (let j = 0; j < cols; j++) {
      const s = score[base + j] as number;
      if (s >= -max && s <= max) {
        if (usable && s >= minScore && (remaining[j] as number) > 0) {
          if (s > hi) hi = s;
          if (s < lo) lo = s;
        }
      } else if (s === s && s !== -Infinity) {
        badScore(i, j, s);
      }
    }
  }
  return { hi, lo };
}

export function validateProblem(problem: AssignmentProblem): ValidatedProblem {
  const { rows, cols, score } = problem;
  checkInteger(rows, 'rows');
  checkInteger(cols, 'cols');
  if (rows * cols > MAX_PAIRS) {
    throw new MatchingInputError('TOO_LARGE', `${rows} mentees x ${cols} mentors is ${rows * cols} pairs; the limit is ${MAX_PAIRS}.`);
  }
  if (!(score instanceof Float64Array) || score.length !== rows * cols) {
    throw new MatchingInputError(
      'LENGTH_MISMATCH',
      `score must be a Float64Array of rows * cols = ${rows * cols} entries, got ${
        score instanceof Float64Array ? score.length : typeof score
      }.`,
    );
  }
  const objective = problem.objective ?? 'most-matched';
  if (!OBJECTIVES.includes(objective)) {
    throw new MatchingInputError('BAD_OBJECTIVE', `Unknown objective "${String(objective)}".`);
  }
  const minScore = problem.minScore ?? -Infinity;
  if (Number.isNaN(minScore) || minScore === Infinity) {
    throw new MatchingInputError('BAD_MIN_SCORE', `minScore must be a number, got ${minScore}.`);
  }

  const capacity = new Int32Array(cols);
  if (problem.capacity === undefined) {
    capacity.fill(1);
  } else {
    if (problem.capacity.length !== cols) {
      throw new MatchingInputError('LENGTH_MISMATCH', `capacity must have one entry per mentor (${cols}), got ${problem.capacity.length}.`);
    }
    for (let j = 0; j < cols; j++) {
      const c = problem.capacity[j] as number;
      if (!Number.isInteger(c) || c < 0) {
        throw new MatchingInputError('BAD_CAPACITY', `capacity of mentor ${j} must be a whole number >= 0, got ${c}.`);
      }
      // More places than mentees can never be used; clamping keeps the slot arrays small.
      capacity[j] = Math.min(c, rows);
    }
  }

  const lockedCol = new Int32Array(rows).fill(NOT_LOCKED);
  for (const lock of problem.locked ?? []) {
    const [i, j] = lock;
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new MatchingInputError('BAD_LOCK', `Locked pair [${i}, ${j}] is outside the matrix.`);
    }
    const s = score[i * cols + j] as number;
    if (!isAllowedScore(s, minScore)) {
      throw new MatchingInputError(
        'LOCK_FORBIDDEN',
        s >= minScore || Number.isNaN(s) || s === -Infinity
          ? `Locked pair [${i}, ${j}] is a forbidden pair.`
          : `Locked pair [${i}, ${j}] scores ${s}, below the minimum score ${minScore}.`,
      );
    }
    if (lockedCol[i] !== NOT_LOCKED) {
      throw new MatchingInputError('LOCKED_TWICE', `Mentee ${i} is locked more than once.`);
    }
    lockedCol[i] = j;
  }

  const remaining = new Int32Array(cols);
  remaining.set(capacity);
  let freeCount = 0;
  for (let i = 0; i < rows; i++) {
    const j = lockedCol[i] as number;
    if (j === NOT_LOCKED) {
      freeCount++;
      continue;
    }
    remaining[j] = (remaining[j] as number) - 1;
    if ((remaining[j] as number) < 0) {
      throw new MatchingInputError('LOCKS_EXCEED_CAPACITY', `Mentor ${j} has more locked mentees than its capacity.`);
    }
  }
  const freeRows = new Int32Array(freeCount);
  for (let i = 0, k = 0; i < rows; i++) if (lockedCol[i] === NOT_LOCKED) freeRows[k++] = i;
  let places = 0;
  for (let j = 0; j < cols; j++) {
    remaining[j] = Math.min(remaining[j] as number, freeCount);
    places += remaining[j] as number;
  }

  const { hi, lo } = usableScoreRange(score, rows, cols, lockedCol, remaining, minScore);

  let costOffset = 0;
  let unmatchedCost = 0;
  if (objective === 'most-matched' && hi !== -Infinity) {
    // Costs become hi - s in [0, range]. One more match must outweigh any change in total score
    // a solution can make: a solution with k+1 matches beats one with k when the unmatched cost
    // exceeds (k+1) * range, and k+1 <= min(free mentees, places).
    costOffset = hi;
    const maxMatches = Math.min(freeCount, places);
    unmatchedCost = (maxMatches + 1) * (hi - lo) + 1;
  }
  return {
    rows,
    cols,
    score,
    objective,
    minScore,
    lockedCol,
    freeRows,
    remaining,
    costOffset,
    unmatchedCost,
  };
}
