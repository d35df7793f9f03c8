import type { AssignmentProblem, AssignmentResult } from './assignment-types.ts';
import { NOT_LOCKED, validateProblem } from './assignment-input.ts';
import { buildCostMatrix, tightTolerance } from './solve.ts';
import { UNMATCHED } from './shortest-paths.ts';
import { augmentTightPaths } from './tight-augment.ts';

export interface OptimalityReport {
  readonly optimal: boolean;
  /** Human-readable failures (at most 20 listed). */
  readonly violations: readonly string[];
  /** Largest complementary-slackness violation seen, in cost units. */
  readonly maxViolation: number;
}

export interface VerifyOptions {
  /** Absolute slack allowed on reduced costs. Default: 1e-7 times the largest |cost| (at least 1e-7). */
  readonly tolerance?: number;
}

/**
 * Independently checks a result against its problem: feasibility (allowed pairs, capacities,
 * locks, totals) and optimality from the dual certificate by LP duality — every reduced cost
 * >= 0, tight on matched pairs and unmatched mentees, and mentor potentials < 0 only on full
 * mentors. Feasible primal + feasible dual + complementary slackness = optimal. The cost model
 * (offset, unmatched cost) is recomputed from the problem, not trusted from the result.
 * For `total-score` it also checks the tie-break: no equal-total solution matches more mentees.
 */
export function verifyOptimality(problem: AssignmentProblem, result: AssignmentResult, options: VerifyOptions = {}): OptimalityReport {
  const p = validateProblem(problem);
  const { rows, cols, score, freeRows, lockedCol, remaining, unmatchedCost } = p;
  const { mentorOf } = result;
  const { rowPotential: u, colPotential: v } = result.certificate;
  const violations: string[] = [];
  let maxViolation = 0;
  const fail = (message: string, amount = Infinity): void => {
    if (violations.length < 20) violations.push(message);
    maxViolation = Math.max(maxViolation, amount);
  };

  if (mentorOf.length !== rows || u.length !== rows || v.length !== cols) {
    fail('result arrays have the wrong length');
    return { optimal: false, violations, maxViolation };
  }
  const cost = buildCostMatrix(p);
  const tol = options.tolerance ?? Math.max(1e-7, tightTolerance(p, cost) * 100);

  const freeIndex = new Int32Array(rows).fill(-1);
  for (let k = 0; k < freeRows.length; k++) freeIndex[freeRows[k] as number] = k;

  // Feasibility.
  const fill = new Int32Array(cols);
  let total = 0;
  let matched = 0;
  for (let i = 0; i < rows; i++) {
    const j = mentorOf[i] as number;
    const lock = lockedCol[i] as number;
    if (lock !== NOT_LOCKED && j !== lock) fail(`mentee ${i} is locked to ${lock} but got ${j}`);
    if (j === UNMATCHED) continue;
    if (!Number.isInteger(j) || j < 0 || j >= cols) {
      fail(`mentee ${i} has invalid mentor ${j}`);
      continue;
    }
    const s = score[i * cols + j] as number;
    if (lock === NOT_LOCKED) {
      fill[j] = (fill[j] as number) + 1;
      const k = freeIndex[i] as number;
      if (cost[k * cols + j] === Infinity) fail(`pair [${i}, ${j}] is not allowed`);
    }
    total += s;
    matched++;
  }
  for (let j = 0; j < cols; j++) {
    if ((fill[j] as number) > (remaining[j] as number)) fail(`mentor ${j} is over capacity`);
  }
  if (matched !== result.matched) fail(`matched is ${result.matched}, counted ${matched}`);
  if (Math.abs(total - result.total) > 1e-9 * (1 + Math.abs(total))) {
    fail(`total is ${result.total}, summed ${total}`);
  }

  // Dual feasibility and complementary slackness on the reduced (unlocked) problem.
  for (let j = 0; j < cols; j++) {
    const vj = v[j] as number;
    if (!(vj <= tol)) fail(`mentor ${j} potential ${vj} > 0`, vj);
    // A full mentor with no place left after locks may carry any negative price.
    if (vj < -tol && (fill[j] as number) < (remaining[j] as number)) {
      fail(`mentor ${j} has a negative potential but room left`, -vj);
    }
  }
  for (let k = 0; k < freeRows.length; k++) {
    const i = freeRows[k] as number;
    const ui = u[i] as number;
    const j = mentorOf[i] as number;
    if (!Number.isFinite(ui)) {
      fail(`mentee ${i} has no finite potential`);
      continue;
    }
    const bypass = unmatchedCost - ui;
    if (bypass < -tol) fail(`mentee ${i}: unmatched reduced cost ${bypass} < 0`, -bypass);
    if (j === UNMATCHED && Math.abs(bypass) > tol) {
      fail(`mentee ${i} is unmatched but not tight (${bypass})`, Math.abs(bypass));
    }
    const base = k * cols;
    for (let c = 0; c < cols; c++) {
      const cc = cost[base + c] as number;
      if (cc === Infinity || (remaining[c] as number) === 0) continue;
      const rc = cc - ui - (v[c] as number);
      if (rc < -tol) fail(`pair [${i}, ${c}] has reduced cost ${rc} < 0`, -rc);
      if (c === j && Math.abs(rc) > tol) fail(`matched pair [${i}, ${c}] is not tight (${rc})`, Math.abs(rc));
    }
  }

  if (violations.length === 0 && p.objective === 'total-score') {
    const colOf = new Int32Array(freeRows.length);
    const uFree = new Float64Array(freeRows.length);
    for (let k = 0; k < freeRows.length; k++) {
      colOf[k] = mentorOf[freeRows[k] as number] as number;
      uFree[k] = u[freeRows[k] as number] as number;
    }
    const extra = augmentTightPaths(
      { n: freeRows.length, m: cols, cost, capacity: remaining, unmatchedCost, colOf, u: uFree, v, tolerance: tol / 100 },
      false,
    );
    if (extra > 0) fail('an equally good solution matches more mentees');
  }
  return { optimal: violations.length === 0, violations, maxViolation };
}
