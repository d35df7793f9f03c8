import type { PreparedPopulation } from './criteria.ts';
import { MAX_SCORE, evaluatePair, weightVector } from './criteria.ts';
import { hoursApart } from './time-zones.ts';
import { popcount32 } from './vocabulary.ts';
import type { Criterion, Weights } from './weights.ts';
import { CRITERIA } from './weights.ts';

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
  const score = new Float64Array(n * m);
  const values = new Float64Array(CRITERIA.length);
  const bannedHere = new Uint8Array(m);
  const menteeEmployer = pop.mentees.employer;
  const mentorEmployer = pop.mentors.employer;
  // The common case (every vocabulary fits one 32-bit word) gets an inlined copy of evaluatePair;
  // it must stay arithmetically identical (same formulas, same summation order) — a test checks.
  const fast = pop.goalWords === 1 && pop.interestWords === 1 && pop.languageWords === 1;
  const zones = zoneTable(pop.mentors.offset);
  const step = Math.max(1, Math.floor(n / 50));
  for (let i = 0; i < n; i++) {
    if (onProgress !== undefined && i % step === 0) onProgress(i / n);
    const banned = rules.banned.get(i);
    if (banned !== undefined) for (const j of banned.keys()) bannedHere[j] = 1;
    const base = i * m;
    if (fast) {
      scoreRowFast(pop, weights, w, must, sum, i, bannedHere, score, base, zones);
    } else {
      const employer = menteeEmployer[i] as number;
      for (let j = 0; j < m; j++) {
        if (bannedHere[j] === 1 || (employer >= 0 && employer === mentorEmployer[j])) {
          score[base + j] = -Infinity;
          continue;
        }
        evaluatePair(pop, weights, i, j, values);
        let excluded = false;
        for (let k = 0; k < CRITERIA.length; k++) if (must[k] === 1 && values[k] === 0) excluded = true;
        score[base + j] = excluded ? -Infinity : scoreOf(values, w, sum);
      }
    }
    if (banned !== undefined) for (const j of banned.keys()) bannedHere[j] = 0;
  }
  if (onProgress !== undefined) onProgress(1);
  return score;
}

/** Mentors' distinct UTC offsets; unknown offsets map to the extra last slot (NaN). */
interface ZoneTable {
  readonly offsets: Float64Array;
  readonly mentorZone: Int32Array;
  readonly row: Float64Array;
}

function zoneTable(mentorOffsets: Float64Array): ZoneTable {
  const distinct: number[] = [];
  const mentorZone = new Int32Array(mentorOffsets.length);
  for (let j = 0; j < mentorOffsets.length; j++) {
    const o = mentorOffsets[j] as number;
    if (o !== o) {
      mentorZone[j] = -1;
      continue;
    }
    let k = distinct.indexOf(o);
    if (k < 0) k = distinct.push(o) - 1;
    mentorZone[j] = k;
  }
  for (let j = 0; j < mentorZone.length; j++) if (mentorZone[j] === -1) mentorZone[j] = distinct.length;
  return { offsets: Float64Array.from(distinct), mentorZone, row: new Float64Array(distinct.length + 1) };
}

/** Same as `overlap` in criteria.ts, with min(countA, saturation) precomputed by the caller. */
function overlapFast(shared: number, countA: number, countB: number, capA: number): number {
  if (countA === 0 || countB === 0) return NaN;
  return shared === 0 ? 0 : Math.min(1, shared / Math.min(capA, countB));
}

function scoreRowFast(
  pop: PreparedPopulation,
  weights: Weights,
  w: Float64Array,
  must: Uint8Array,
  sum: number,
  i: number,
  bannedHere: Uint8Array,
  score: Float64Array,
  base: number,
  zones: ZoneTable,
): void {
  const a = pop.mentees;
  const b = pop.mentors;
  const m = b.count;
  const [w0, w1, w2, w3, w4, w5, w6, w7, w8] = w as unknown as [number, number, number, number, number, number, number, number, number];
  const [m0, m1, m2, m3, m4, m5, m6, m7, m8] = must as unknown as [number, number, number, number, number, number, number, number, number];
  const { idealMin, idealMax, falloff } = weights.experience;
  const zeroAt = weights.timeZone.zeroAtHours;
  const employer = a.employer[i] as number;
  const goals = a.goals[i] as number;
  const goalCount = a.goalCount[i] as number;
  const goalCap = Math.min(goalCount, 2);
  const interests = a.interests[i] as number;
  const interestCount = a.interestCount[i] as number;
  const interestCap = Math.min(interestCount, 3);
  const workplace = a.workplace[i] as number;
  const years = a.years[i] as number;
  const channels = a.channels[i] as number;
  const channelCount = a.channelCount[i] as number;
  const channelCap = Math.min(channelCount, 1);
  const offset = a.offset[i] as number;
  const meets = a.meet[i] === 1;
  const region = a.region[i] as number;
  const languages = a.languages[i] as number;
  const languageCount = a.languageCount[i] as number;
  const languageCap = Math.min(languageCount, 1);
  const gender = a.gender[i] as number;
  const prefers = a.preferSame[i] as number;
  const bEmployer = b.employer;
  const bGoals = b.goals;
  const bGoalCount = b.goalCount;
  const bInterests = b.interests;
  const bInterestCount = b.interestCount;
  const bWorkplace = b.workplace;
  const bYears = b.years;
  const bChannels = b.channels;
  const bChannelCount = b.channelCount;
  const bRegion = b.region;
  const bMeet = b.meet;
  const bLanguages = b.languages;
  const bLanguageCount = b.languageCount;
  const bGender = b.gender;
  const bPreferSame = b.preferSame;
  // Time-zone values per distinct mentor offset, computed once per mentee.
  for (let k = 0; k < zones.offsets.length; k++) {
    const ob = zones.offsets[k] as number;
    zones.row[k] = offset !== offset ? NaN : Math.max(0, 1 - hoursApart(offset, ob) / zeroAt);
  }
  zones.row[zones.offsets.length] = NaN;
  const zoneRow = zones.row;
  const zoneOf = zones.mentorZone;
  for (let j = 0; j < m; j++) {
    if (bannedHere[j] === 1 || (employer >= 0 && employer === bEmployer[j])) {
      score[base + j] = -Infinity;
      continue;
    }
    const v0 = overlapFast(popcount32(goals & (bGoals[j] as number)), goalCount, bGoalCount[j] as number, goalCap);
    const v1 = overlapFast(popcount32(interests & (bInterests[j] as number)), interestCount, bInterestCount[j] as number, interestCap);
    const wb = bWorkplace[j] as number;
    const v2 = workplace < 0 || wb < 0 ? NaN : workplace === wb ? 1 : 0;
    const gap = (bYears[j] as number) - years;
    const v3 =
      gap !== gap
        ? NaN
        : gap >= idealMin && gap <= idealMax
          ? 1
          : gap < idealMin
            ? gap <= 0
              ? 0
              : gap / idealMin
            : Math.max(0, 1 - (gap - idealMax) / falloff);
    const v4 = overlapFast(popcount32(channels & (bChannels[j] as number)), channelCount, bChannelCount[j] as number, channelCap);
    const v5 = zoneRow[zoneOf[j] as number] as number;
    const rb = bRegion[j] as number;
    const v6 = !meets || bMeet[j] !== 1 || region < 0 || rb < 0 ? NaN : region === rb ? 1 : 0;
    const v7 = overlapFast(popcount32(languages & (bLanguages[j] as number)), languageCount, bLanguageCount[j] as number, languageCap);
    const gb = bGender[j] as number;
    const v8 = (prefers === 0 && bPreferSame[j] === 0) || gender < 0 || gb < 0 ? NaN : gender === gb ? 1 : 0;
    if (
      (m0 === 1 && v0 === 0) || (m1 === 1 && v1 === 0) || (m2 === 1 && v2 === 0) ||
      (m3 === 1 && v3 === 0) || (m4 === 1 && v4 === 0) || (m5 === 1 && v5 === 0) ||
      (m6 === 1 && v6 === 0) || (m7 === 1 && v7 === 0) || (m8 === 1 && v8 === 0)
    ) {
      score[base + j] = -Infinity;
      continue;
    }
    let total = 0;
    if (v0 === v0) total += w0 * v0;
    if (v1 === v1) total += w1 * v1;
    if (v2 === v2) total += w2 * v2;
    if (v3 === v3) total += w3 * v3;
    if (v4 === v4) total += w4 * v4;
    if (v5 === v5) total += w5 * v5;
    if (v6 === v6) total += w6 * v6;
    if (v7 === v7) total += w7 * v7;
    if (v8 === v8) total += w8 * v8;
    score[base + j] = sum > 0 ? (MAX_SCORE * total) / sum : 0;
  }
}
