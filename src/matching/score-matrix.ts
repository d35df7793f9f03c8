import type { Criterion, PreparedPopulation } from './criteria.ts';
import { CRITERIA, MAX_SCORE, weightVector } from './criteria.ts';
import type { CriterionScorer } from './criterion-scorers.ts';
import type { Weights } from './weights.ts';

/** Why a pair may not be proposed at all. */
export type Exclusion =
  | { readonly kind: 'same-employer' }
  | { readonly kind: 'previous-partner' }
  | { readonly kind: 'forbidden' }
  | { readonly kind: 'must'; readonly criterion: Criterion };

/** Staff rules by index: per mentee, the mentors excluded and why. */
export interface HardRuleIndex {
  readonly banned: ReadonlyMap<number, ReadonlyMap<number, 'previous-partner' | 'forbidden'>>;
}

/** Exclusion of one pair, given its criterion values (from evaluatePair). */
export function pairExclusion(
  pop: PreparedPopulation,
  weights: Weights,
  rules: HardRuleIndex,
  i: number,
  j: number,
  values: Float64Array,
): Exclusion | null {
  const employer = pop.mentees.employer[i] as number;
  if (employer >= 0 && employer === pop.mentors.employer[j]) return { kind: 'same-employer' };
  const banned = rules.banned.get(i)?.get(j);
  if (banned !== undefined) return { kind: banned };
  for (let k = 0; k < CRITERIA.length; k++) {
    const c = CRITERIA[k] as Criterion;
    if (weights[c].must && values[k] === 0) return { kind: 'must', criterion: c };
  }
  return null;
}

/** Weighted score 0..100 of criterion values; criteria that do not apply count as 0. */
export function scoreOf(values: Float64Array, w: Float64Array, sum: number): number {
  if (sum <= 0) return 0;
  let total = 0;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (v === v) total += (w[k] as number) * v;
  }
  return (MAX_SCORE * total) / sum;
}

/**
 * Dense mentee x mentor score matrix; excluded pairs are -Infinity. This is the long part of a big
 * run (25 million pairs for 10,000 x 2,500), so it reports progress per block of mentees.
 *
 * Row by row and criterion by criterion: each criterion's scorer (CRITERION_TABLE) fills one
 * mentee's values against all mentors, then they are added to the row's totals. Every pair's
 * total is summed in table order, exactly as `scoreOf` sums a single pair's values, so the matrix
 * equals `scoreOf(evaluatePair(…))` to the bit (criteria.property.test.ts checks it).
 */
export function buildScoreMatrix(
  pop: PreparedPopulation,
  weights: Weights,
  rules: HardRuleIndex,
  onProgress?: (fraction: number) => void,
): Float64Array {
  const n = pop.mentees.count;
  const m = pop.mentors.count;
  const { w, must, sum } = weightVector(weights);
  // A criterion of weight 0 that is not a must adds +0 to every total: leaving it out changes no bit.
  const active: number[] = [];
  for (let k = 0; k < CRITERIA.length; k++) if (w[k] !== 0 || must[k] === 1) active.push(k);
  const scorers = pop.scorers;
  const score = new Float64Array(n * m);
  const values = new Float64Array(m);
  const total = new Float64Array(m);
  const excluded = new Uint8Array(m);
  const menteeEmployer = pop.mentees.employer;
  const mentorEmployer = pop.mentors.employer;
  const step = Math.max(1, Math.floor(n / 50));
  for (let i = 0; i < n; i++) {
    if (onProgress !== undefined && i % step === 0) onProgress(i / n);
    const banned = rules.banned.get(i);
    if (banned !== undefined) for (const j of banned.keys()) excluded[j] = 1;
    const employer = menteeEmployer[i] as number;
    if (employer >= 0) markSameEmployer(employer, mentorEmployer, excluded);
    for (const k of active) {
      (scorers[k] as CriterionScorer).values(i, weights, 0, m, values, 0);
      if (must[k] === 1) addMust(values, w[k] as number, total, excluded);
      else add(values, w[k] as number, total);
    }
    finishRow(total, excluded, sum, score, i * m);
  }
  if (onProgress !== undefined) onProgress(1);
  return score;
}

function markSameEmployer(employer: number, mentorEmployer: Int32Array, excluded: Uint8Array): void {
  for (let j = 0; j < excluded.length; j++) if (mentorEmployer[j] === employer) excluded[j] = 1;
}

/** Adds weight·value to each total where the criterion applies (the same order as `scoreOf`). */
function add(values: Float64Array, weight: number, total: Float64Array): void {
  for (let j = 0; j < total.length; j++) {
    const v = values[j] as number;
    if (v === v) total[j] = (total[j] as number) + weight * v;
  }
}

/** `add` for a must criterion: a pair where it applies with value 0 is excluded. */
function addMust(values: Float64Array, weight: number, total: Float64Array, excluded: Uint8Array): void {
  for (let j = 0; j < total.length; j++) {
    const v = values[j] as number;
    if (v === v) total[j] = (total[j] as number) + weight * v;
    if (v === 0) excluded[j] = 1;
  }
}

/** Writes a row of scores from the totals (as `scoreOf`), and clears the totals and exclusions. */
function finishRow(total: Float64Array, excluded: Uint8Array, sum: number, score: Float64Array, base: number): void {
  for (let j = 0; j < total.length; j++) {
    score[base + j] = excluded[j] === 1 ? -Infinity : sum > 0 ? (MAX_SCORE * (total[j] as number)) / sum : 0;
    total[j] = 0;
    excluded[j] = 0;
  }
}
