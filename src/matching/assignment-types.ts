/**
 * Types of the assignment solver: mentees are rows, mentors are columns, and a dense
 * row-major score matrix says how good each pair is (higher is better).
 */

/**
 * - `most-matched`: the largest number of matched mentees (given locks and forbidden pairs),
 *   and among those the largest total score.
 * - `total-score`: the largest total score; mentees stay unmatched where that is better
 *   (a negative-score pair is never worth making); among equal totals, the most matched.
 */
export type Objective = 'most-matched' | 'total-score';

export const OBJECTIVES: readonly Objective[] = ['most-matched', 'total-score'];

export interface AssignmentProblem {
  /** Number of mentees. */
  readonly rows: number;
  /** Number of mentors. */
  readonly cols: number;
  /** rows * cols scores, row-major. `-Infinity` or `NaN` forbid a pair; `+Infinity` is an error. */
  readonly score: Float64Array;
  /** Mentees each mentor takes (length `cols`, whole numbers >= 0). Default 1 each. */
  readonly capacity?: ArrayLike<number>;
  /** Pairs scoring below this are forbidden (a pair scoring exactly `minScore` is allowed). */
  readonly minScore?: number;
  /** [row, col] pairs that must be in the result. */
  readonly locked?: ReadonlyArray<readonly [number, number]>;
  /** Default `most-matched`. */
  readonly objective?: Objective;
}

/**
 * Linear-programming dual of the (lock-reduced) problem, which proves the result optimal.
 *
 * The solver minimises cost: a matched pair costs `costOffset - score`, leaving a mentee unmatched
 * costs `unmatchedCost`. With `most-matched`, `unmatchedCost` is a constant larger than any score
 * difference a solution can make, so the number matched dominates. Optimality holds when every
 * allowed pair has reduced cost `cost - rowPotential - colPotential >= 0` (0 on matched pairs),
 * `rowPotential <= unmatchedCost` (equal for unmatched mentees), and `colPotential <= 0`
 * (strictly negative only for mentors filled to capacity). See `verifyOptimality`.
 */
export interface OptimalityCertificate {
  readonly costOffset: number;
  readonly unmatchedCost: number;
  /** Per mentee; `NaN` for locked mentees (they are outside the optimised problem). */
  readonly rowPotential: Float64Array;
  /** Per mentor. */
  readonly colPotential: Float64Array;
}

export interface AssignmentResult {
  /** Per mentee: the mentor's column, or -1 when unmatched. */
  readonly mentorOf: Int32Array;
  /** Sum of the scores of the matched pairs (locked pairs included). */
  readonly total: number;
  /** Number of matched mentees (locked pairs included). */
  readonly matched: number;
  readonly certificate: OptimalityCertificate;
}

export interface SolveOptions {
  /** Called with a fraction in [0, 1] as mentees are placed. Pure callback, for progress bars. */
  readonly onProgress?: (fraction: number) => void;
  /** Internal: skip the row-reduction warm start (tests use it to exercise Dijkstra alone). */
  readonly rowReduction?: boolean;
  /** Internal: skip the square single-place LAPJV path (tests use it to exercise the general solver). */
  readonly denseSquare?: boolean;
  /** Internal: candidate-list length of the sparse Dijkstra searches (tests use tiny ones to force list rebuilds). */
  readonly candidateListTarget?: number;
  /** Internal: dense Dijkstra searches only, no candidate lists (tests). */
  readonly denseSearch?: boolean;
}
