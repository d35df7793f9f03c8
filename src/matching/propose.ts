import type { Objective } from './assignment-types.ts';
import type { PreparedPopulation } from './criteria.ts';
import { CRITERIA, evaluatePair, preparePopulation } from './criteria.ts';
import { MatchingInputError } from './errors.ts';
import type { GoalNames, Reason } from './explain.ts';
import { explainPair, explanationText } from './explain.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import type { Exclusion, HardRuleIndex } from './score-matrix.ts';
import { buildScoreMatrix, pairExclusion } from './score-matrix.ts';
import { solveAssignment } from './solve.ts';
import { TimeZoneOffsets } from './time-zones.ts';
import type { Weights } from './weights.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

export interface PairRef {
  readonly menteeId: string;
  readonly mentorId: string;
}

export interface HardRules {
  /** Pairs that were matched before; never proposed again. */
  readonly previousPartners?: readonly PairRef[];
  /** Pairs staff or the committee exclude. */
  readonly forbidden?: readonly PairRef[];
  /** Pairs the committee keeps; always in the result. */
  readonly locked?: readonly PairRef[];
}

export interface ProposeInput {
  readonly mentees: readonly MenteeProfile[];
  readonly mentors: readonly MentorProfile[];
  readonly weights?: Weights;
  readonly hardRules?: HardRules;
  /** Pairs scoring below this (0..100) are not proposed. Default: none. */
  readonly minScore?: number;
  readonly objective?: Objective;
  /** The instant time-zone offsets are taken at (daylight saving time); the engine has no clock. */
  readonly referenceDate: Date | number;
  /** Fraction 0..1 of the whole run: scoring is the first 70 %, solving the rest. */
  readonly onProgress?: (fraction: number) => void;
  /** Program goal titles by number, so explanations say "Build lasting connections", not "2". */
  readonly goalNames?: GoalNames;
}

export interface ProposedPair {
  readonly menteeId: string;
  readonly mentorId: string;
  readonly score: number;
  readonly locked: boolean;
  readonly reasons: readonly Reason[];
  readonly explanation: string;
}

export type UnmatchedReason = 'no-eligible-mentor' | 'below-min-score' | 'mentors-full';

export interface UnmatchedMentee {
  readonly menteeId: string;
  readonly reason: UnmatchedReason;
  readonly explanation: string;
}

export interface ProposalSummary {
  readonly matched: number;
  readonly unmatched: number;
  readonly total: number;
  /** null when nobody is matched. */
  readonly meanScore: number | null;
  readonly worstScore: number | null;
}

export interface Proposal {
  /** In the mentees' input order. */
  readonly pairs: readonly ProposedPair[];
  readonly unmatched: readonly UnmatchedMentee[];
  readonly summary: ProposalSummary;
}

function indexById(people: readonly { readonly id: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((p, k) => {
    if (index.has(p.id)) throw new MatchingInputError('DUPLICATE_ID', `Duplicate ${what} id "${p.id}".`);
    index.set(p.id, k);
  });
  return index;
}

function resolve(ref: PairRef, mentees: Map<string, number>, mentors: Map<string, number>, rule: string): [number, number] {
  const i = mentees.get(ref.menteeId);
  const j = mentors.get(ref.mentorId);
  if (i === undefined) throw new MatchingInputError('UNKNOWN_ID', `${rule}: unknown mentee id "${ref.menteeId}".`);
  if (j === undefined) throw new MatchingInputError('UNKNOWN_ID', `${rule}: unknown mentor id "${ref.mentorId}".`);
  return [i, j];
}

function exclusionWords(kind: string, count: number): string {
  switch (kind) {
    case 'same-employer':
      return `${count} at the same employer`;
    case 'previous-partner':
      return `${count} previous ${count === 1 ? 'partner' : 'partners'}`;
    case 'forbidden':
      return `${count} excluded by staff`;
    case 'no-places':
      return `${count} taking no mentees`;
    default:
      return `${count} failing the required "${kind}" criterion`;
  }
}

/** Scores every pair, finds the optimal matching under the hard rules, and explains it. */
export function proposeMatches(input: ProposeInput): Proposal {
  const { mentees, mentors } = input;
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const at = input.referenceDate instanceof Date ? input.referenceDate.getTime() : input.referenceDate;
  if (!Number.isFinite(at)) throw new MatchingInputError('BAD_REFERENCE_DATE', 'referenceDate must be a valid instant.');
  const menteeIndex = indexById(mentees, 'mentee');
  const mentorIndex = indexById(mentors, 'mentor');

  const banned = new Map<number, Map<number, 'previous-partner' | 'forbidden'>>();
  const ban = (refs: readonly PairRef[] | undefined, kind: 'previous-partner' | 'forbidden', rule: string): void => {
    for (const ref of refs ?? []) {
      const [i, j] = resolve(ref, menteeIndex, mentorIndex, rule);
      let row = banned.get(i);
      if (row === undefined) banned.set(i, (row = new Map()));
      if (!row.has(j)) row.set(j, kind);
    }
  };
  ban(input.hardRules?.previousPartners, 'previous-partner', 'previous partner');
  ban(input.hardRules?.forbidden, 'forbidden', 'forbidden pair');
  const rules: HardRuleIndex = { banned };
  const locked = (input.hardRules?.locked ?? []).map((ref) => resolve(ref, menteeIndex, mentorIndex, 'locked pair'));

  const offsets = new TimeZoneOffsets(at);
  const pop = preparePopulation(mentees, mentors, offsets);
  const progress = input.onProgress;
  const score = buildScoreMatrix(pop, weights, rules, progress && ((f) => progress(0.7 * f)));
  const values = new Float64Array(CRITERIA.length);
  for (const [i, j] of locked) {
    if (score[i * mentors.length + j] === -Infinity) {
      evaluatePair(pop, weights, i, j, values);
      const why = pairExclusion(pop, weights, rules, i, j, values);
      throw new MatchingInputError(
        'LOCK_FORBIDDEN',
        `Locked pair ${(mentees[i] as MenteeProfile).id} / ${(mentors[j] as MentorProfile).id} breaks a hard rule (${why?.kind ?? 'forbidden'}).`,
      );
    }
    const s = score[i * mentors.length + j] as number;
    if (input.minScore !== undefined && s < input.minScore) {
      throw new MatchingInputError(
        'LOCK_FORBIDDEN',
        `Locked pair ${(mentees[i] as MenteeProfile).id} / ${(mentors[j] as MentorProfile).id} scores ${s.toFixed(1)}, below the minimum score ${input.minScore}.`,
      );
    }
  }
  const capacity = mentors.map((m) => m.capacity ?? 1);
  const result = solveAssignment(
    { rows: mentees.length, cols: mentors.length, score, capacity, minScore: input.minScore, locked, objective: input.objective },
    { onProgress: progress && ((f) => progress(0.7 + 0.3 * f)) },
  );

  const lockedSet = new Set(locked.map(([i]) => i));
  const pairs: ProposedPair[] = [];
  const unmatched: UnmatchedMentee[] = [];
  let total = 0;
  let worst = Infinity;
  for (let i = 0; i < mentees.length; i++) {
    const mentee = mentees[i] as MenteeProfile;
    const j = result.mentorOf[i] as number;
    if (j < 0) {
      unmatched.push({ menteeId: mentee.id, ...explainUnmatched(i, pop, weights, rules, score, capacity, input.minScore) });
      continue;
    }
    const mentor = mentors[j] as MentorProfile;
    const s = score[i * mentors.length + j] as number;
    evaluatePair(pop, weights, i, j, values);
    const reasons = explainPair(mentee, mentor, values, weights, offsets, input.goalNames);
    pairs.push({
      menteeId: mentee.id,
      mentorId: mentor.id,
      score: s,
      locked: lockedSet.has(i),
      reasons,
      explanation: explanationText(reasons) || 'no criteria apply (too little data on either side)',
    });
    total += s;
    worst = Math.min(worst, s);
  }
  return {
    pairs,
    unmatched,
    summary: {
      matched: pairs.length,
      unmatched: unmatched.length,
      total,
      meanScore: pairs.length === 0 ? null : total / pairs.length,
      worstScore: pairs.length === 0 ? null : worst,
    },
  };
}

function explainUnmatched(
  i: number,
  pop: PreparedPopulation,
  weights: Weights,
  rules: HardRuleIndex,
  score: Float64Array,
  capacity: readonly number[],
  minScore: number | undefined,
): Omit<UnmatchedMentee, 'menteeId'> {
  const m = capacity.length;
  const values = new Float64Array(CRITERIA.length);
  const excluded = new Map<string, number>();
  let eligible = 0;
  let aboveMin = 0;
  let best = -Infinity;
  for (let j = 0; j < m; j++) {
    const s = score[i * m + j] as number;
    if (s === -Infinity) {
      evaluatePair(pop, weights, i, j, values);
      const why: Exclusion | null = pairExclusion(pop, weights, rules, i, j, values);
      const kind = why === null ? 'forbidden' : why.kind === 'must' ? why.criterion : why.kind;
      excluded.set(kind, (excluded.get(kind) ?? 0) + 1);
      continue;
    }
    if ((capacity[j] as number) === 0) {
      excluded.set('no-places', (excluded.get('no-places') ?? 0) + 1);
      continue;
    }
    eligible++;
    best = Math.max(best, s);
    if (minScore === undefined || s >= minScore) aboveMin++;
  }
  if (eligible === 0) {
    const detail = [...excluded.entries()].map(([kind, count]) => exclusionWords(kind, count)).join(', ');
    return {
      reason: 'no-eligible-mentor',
      explanation: m === 0 ? 'no eligible mentor: there are no mentors' : `no eligible mentor (${detail})`,
    };
  }
  if (aboveMin === 0) {
    return {
      reason: 'below-min-score',
      explanation: `below the minimum score: none of the ${plural(eligible, 'eligible mentor')} reaches ${minScore} (best ${Math.round(best * 10) / 10})`,
    };
  }
  return {
    reason: 'mentors-full',
    explanation: `${aboveMin === 1 ? 'the only eligible mentor is' : `all ${aboveMin} eligible mentors are`} full: their places went where they add more to the overall matching`,
  };
}

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
