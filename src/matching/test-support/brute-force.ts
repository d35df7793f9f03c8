import type { AssignmentProblem } from '../assignment-types.ts';

export interface BruteForceOptimum {
  readonly matched: number;
  readonly total: number;
}

/**
 * Exhaustive optimum for small problems (tests only): dynamic programming over mentees with the
 * mentors' remaining places as state. Exact for integer scores. Returns the lexicographic best
 * (matched, total) or (total, matched) depending on the objective.
 */
export function bruteForceOptimum(problem: AssignmentProblem): BruteForceOptimum {
  const { rows, cols, score } = problem;
  const minScore = problem.minScore ?? -Infinity;
  const capacity = Array.from({ length: cols }, (_, j) => Math.min(problem.capacity?.[j] ?? 1, rows));
  const lockedCol = new Array<number>(rows).fill(-1);
  for (const [i, j] of problem.locked ?? []) lockedCol[i] = j;
  const mostMatched = (problem.objective ?? 'most-matched') === 'most-matched';
  const better = (a: BruteForceOptimum, b: BruteForceOptimum): boolean =>
    mostMatched
      ? a.matched > b.matched || (a.matched === b.matched && a.total > b.total)
      : a.total > b.total || (a.total === b.total && a.matched > b.matched);
  const allowed = (i: number, j: number): boolean => {
    const s = score[i * cols + j] as number;
    return s >= minScore && s !== -Infinity;
  };

  const memo = new Map<string, BruteForceOptimum | null>();
  const best = (i: number, left: number[]): BruteForceOptimum | null => {
    if (i === rows) return { matched: 0, total: 0 };
    const key = `${i}|${left.join(',')}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let result: BruteForceOptimum | null = null;
    const consider = (j: number): void => {
      if (j >= 0) left[j] = (left[j] as number) - 1;
      const rest = best(i + 1, left);
      if (j >= 0) left[j] = (left[j] as number) + 1;
      if (rest === null) return;
      const candidate = j >= 0 ? { matched: rest.matched + 1, total: rest.total + (score[i * cols + j] as number) } : rest;
      if (result === null || better(candidate, result)) result = candidate;
    };
    const lock = lockedCol[i] as number;
    if (lock >= 0) {
      if ((left[lock] as number) > 0) consider(lock);
    } else {
      consider(-1);
      for (let j = 0; j < cols; j++) if ((left[j] as number) > 0 && allowed(i, j)) consider(j);
    }
    memo.set(key, result);
    return result;
  };
  const optimum = best(0, capacity);
  if (optimum === null) throw new Error('locks are infeasible');
  return optimum;
}
