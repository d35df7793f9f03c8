import type { AssignmentProblem, AssignmentResult, SolveOptions } from './assignment-types.ts';
import type { ValidatedProblem } from './assignment-input.ts';
import { isAllowedScore, validateProblem } from './assignment-input.ts';
import type { CoreSolution } from './shortest-paths.ts';
import { UNMATCHED, solveCore } from './shortest-paths.ts';
import { augmentTightPaths } from './tight-augment.ts';
import { solveDenseSquare } from './dense-square.ts';

/**
 * The cost matrix of the free (unlocked) mentees: cost = costOffset - score, +Infinity where the
 * pair is forbidden, below the minimum score, or the mentor has no place left after locks.
 * Row-major by mentee, or by mentor when `transposed`.
 */
export function buildCostMatrix(p: ValidatedProblem, transposed = false): Float64Array {
  const { cols, score, freeRows, remaining, costOffset, minScore } = p;
  const n = freeRows.length;
  const cost = new Float64Array(n * cols);
  for (let k = 0; k < n; k++) {
    const src = (freeRows[k] as number) * cols;
    for (let j = 0; j < cols; j++) {
      const s = score[src + j] as number;
      const c = (remaining[j] as number) > 0 && isAllowedScore(s, minScore) ? costOffset - s : Infinity;
      cost[transposed ? j * n + k : k * cols + j] = c;
    }
  }
  return cost;
}

/** Tolerance for "reduced cost is zero", relative to the magnitude of the costs involved. */
export function tightTolerance(p: ValidatedProblem, cost: Float64Array): number {
  let maxAbs = Math.abs(p.unmatchedCost);
  for (let k = 0; k < cost.length; k++) {
    const c = cost[k] as number;
    if (c !== Infinity && Math.abs(c) > maxAbs) maxAbs = Math.abs(c);
  }
  return 1e-9 * (1 + maxAbs);
}

interface OrientedSolution {
  /** Per free mentee: mentor column or UNMATCHED. */
  readonly colOf: Int32Array;
  /** Per free mentee. */
  readonly u: Float64Array;
  /** Per mentor. */
  readonly v: Float64Array;
}

/** Mentees insert themselves one by one into mentors with capacity. */
function solveByMentee(p: ValidatedProblem, options: SolveOptions): OrientedSolution {
  const n = p.freeRows.length;
  const cost = buildCostMatrix(p);
  const core = solveCore({
    n,
    m: p.cols,
    cost,
    capacity: p.remaining,
    unmatchedCost: p.unmatchedCost,
    onProgress: options.onProgress,
    rowReduction: options.rowReduction,
    listTarget: options.candidateListTarget,
    denseSearch: options.denseSearch,
  });
  if (p.objective === 'total-score') breakTiesTowardsMoreMatches(p, core, cost, undefined, p.remaining);
  return core;
}

/**
 * When mentees outnumber the places, every place is inserted instead (a mentor with capacity k is
 * k rows sharing one cost row) and mentees are single-place columns. Inserting from the smaller
 * side matters: with the mentees inserted, once the places run out every further mentee would
 * search the whole matrix for the cheapest mentee to leave out. Leaving a place empty costs the
 * same as leaving a mentee unmatched, which changes every solution's cost by the same constant.
 */
function solveByPlace(p: ValidatedProblem, places: number, options: SolveOptions): OrientedSolution {
  const n = p.freeRows.length;
  const m = p.cols;
  const cost = buildCostMatrix(p, true);
  const rowSource = new Int32Array(places);
  for (let j = 0, s = 0; j < m; j++) for (let c = 0; c < (p.remaining[j] as number); c++) rowSource[s++] = j;
  const capacity = new Int32Array(n).fill(1);
  const core = solveCore({
    n: places,
    m: n,
    cost,
    rowSource,
    capacity,
    unmatchedCost: p.unmatchedCost,
    onProgress: options.onProgress,
    rowReduction: options.rowReduction,
    listTarget: options.candidateListTarget,
    denseSearch: options.denseSearch,
  });
  if (p.objective === 'total-score') breakTiesTowardsMoreMatches(p, core, cost, rowSource, capacity);

  // Back to the mentee/mentor orientation. All places of a mentor end with the same potential
  // (each filled place's potential bounds every other place's from above), so the mentor's
  // potential is that common value shifted by the unmatched cost; see the decision record.
  const colOf = new Int32Array(n).fill(UNMATCHED);
  const u = new Float64Array(n);
  const v = new Float64Array(m);
  const placeMax = new Float64Array(m).fill(-Infinity);
  for (let s = 0; s < places; s++) {
    const j = rowSource[s] as number;
    placeMax[j] = Math.max(placeMax[j] as number, core.u[s] as number);
    const k = core.colOf[s] as number;
    if (k >= 0) colOf[k] = j;
  }
  for (let j = 0; j < m; j++) v[j] = (placeMax[j] as number) === -Infinity ? 0 : (placeMax[j] as number) - p.unmatchedCost;
  for (let k = 0; k < n; k++) u[k] = (core.v[k] as number) + p.unmatchedCost;
  return { colOf, u, v };
}

/**
 * Square single-place `most-matched` problems (every free mentee against every mentor with one
 * place left) go to LAPJV on the scores themselves. Returns null when that does not apply or finds
 * no perfect matching; the general solver then decides.
 */
function solveSquare(p: ValidatedProblem, options: SolveOptions): OrientedSolution | null {
  const { cols, freeRows, remaining, score, minScore } = p;
  const n = freeRows.length;
  if (p.objective !== 'most-matched' || n !== cols || n === 0 || options.denseSquare === false) return null;
  for (let j = 0; j < cols; j++) if (remaining[j] !== 1) return null;
  const rowBase = new Int32Array(n);
  for (let k = 0; k < n; k++) rowBase[k] = (freeRows[k] as number) * cols;
  // -Infinity and NaN already read as forbidden; only a minimum score needs a filtered copy.
  let values = score;
  if (minScore !== -Infinity && hasScoreBelow(score, rowBase, cols, minScore)) {
    values = new Float64Array(n * cols);
    for (let k = 0; k < n; k++) {
      const src = rowBase[k] as number;
      for (let j = 0; j < cols; j++) {
        const s = score[src + j] as number;
        values[k * cols + j] = isAllowedScore(s, minScore) ? s : -Infinity;
      }
      rowBase[k] = k * cols;
    }
  }
  const solution = solveDenseSquare({
    n,
    values,
    rowBase,
    offset: p.costOffset,
    initialise: options.rowReduction,
    listTarget: options.candidateListTarget,
    denseSearch: options.denseSearch,
    onProgress: options.onProgress,
  });
  if (solution === null) return null;
  // Shift the square duals so every mentor potential is <= 0 (all mentors are full, so any
  // shift (u + d, v - d) keeps the certificate valid), provided mentee potentials stay within the
  // unmatched cost.
  const { u, v } = solution;
  let shift = -Infinity;
  for (let j = 0; j < cols; j++) if ((v[j] as number) > shift) shift = v[j] as number;
  for (let j = 0; j < cols; j++) v[j] = (v[j] as number) - shift;
  for (let k = 0; k < n; k++) {
    u[k] = (u[k] as number) + shift;
    if (!((u[k] as number) <= p.unmatchedCost)) return null;
  }
  return solution;
}

function hasScoreBelow(score: Float64Array, rowBase: Int32Array, cols: number, minScore: number): boolean {
  for (let k = 0; k < rowBase.length; k++) {
    const base = rowBase[k] as number;
    for (let j = 0; j < cols; j++) if ((score[base + j] as number) < minScore) return true;
  }
  return false;
}

/** `total-score` tie-break: among equally good solutions, match the most mentees. */
function breakTiesTowardsMoreMatches(
  p: ValidatedProblem,
  core: CoreSolution,
  cost: Float64Array,
  rowSource: Int32Array | undefined,
  capacity: Int32Array,
): void {
  augmentTightPaths({
    n: core.colOf.length,
    m: core.v.length,
    cost,
    rowSource,
    capacity,
    unmatchedCost: p.unmatchedCost,
    colOf: core.colOf,
    u: core.u,
    v: core.v,
    tolerance: tightTolerance(p, cost),
  });
}

/**
 * Optimal assignment of mentees (rows) to mentors (columns). Exact; synchronous; does not mutate
 * its input. Throws MatchingInputError on bad input. See AssignmentProblem for the rules and
 * OptimalityCertificate for what the result proves.
 */
export function solveAssignment(problem: AssignmentProblem, options: SolveOptions = {}): AssignmentResult {
  const p = validateProblem(problem);
  const { rows, cols, score, freeRows, lockedCol } = p;
  let places = 0;
  for (let j = 0; j < cols; j++) places += p.remaining[j] as number;
  const solution = solveSquare(p, options) ?? (freeRows.length > places ? solveByPlace(p, places, options) : solveByMentee(p, options));

  const mentorOf = Int32Array.from(lockedCol);
  const rowPotential = new Float64Array(rows).fill(NaN);
  for (let k = 0; k < freeRows.length; k++) {
    const i = freeRows[k] as number;
    mentorOf[i] = solution.colOf[k] as number;
    rowPotential[i] = solution.u[k] as number;
  }
  let total = 0;
  let matched = 0;
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i] as number;
    if (j < 0) continue;
    total += score[i * cols + j] as number;
    matched++;
  }
  return {
    mentorOf,
    total,
    matched,
    certificate: {
      costOffset: p.costOffset,
      unmatchedCost: p.unmatchedCost,
      rowPotential,
      colPotential: solution.v,
    },
  };
}
