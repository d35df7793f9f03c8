import type { Objective } from './assignment-types.ts';
import { CRITERIA, MAX_SCORE, evaluatePair } from './criteria.ts';
import { MatchingInputError } from './errors.ts';
import type { GoalNames, Reason } from './explain.ts';
import { MAX_ABS_SCORE } from './limits.ts';
import type { PairRef, UnmatchedReason } from './profile-run.ts';
import { explainUnmatched, pairExplanation, pairReasons, readProfileRun, resolvePair } from './profile-run.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import { buildScoreMatrix, pairExclusion } from './score-matrix.ts';
import { solveAssignment } from './solve.ts';
import type { Weights } from './weights.ts';

export type { PairRef, UnmatchedReason };

export interface HardRules {
  /** Pairs that were matched before; never proposed again. */
  readonly previousPartners?: readonly PairRef[];
  /** Pairs staff or the committee exclude. */
  readonly forbidden?: readonly PairRef[];
  /** Pairs the committee keeps; always in the result. */
  readonly locked?: readonly PairRef[];
}

/** A mentee asked for this mentor; rank 1 is the first choice. */
export interface Wish extends PairRef {
  readonly rank: number;
}

/** Score points a first choice adds for the solver unless the caller says otherwise. */
export const DEFAULT_WISH_WEIGHT = 10;

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
  /**
   * Hybrid programs: mentors the mentees asked for. A wish adds wishWeight / rank points to its
   * pair for the solver only, so it tips close calls without hiding how well the pair fits:
   * reported scores and the summary stay the criteria's. A wish never makes an excluded pair (hard
   * rule, required criterion, below minScore, no places) eligible.
   */
  readonly wishes?: readonly Wish[];
  /** Points a first choice adds for the solver; rank k adds wishWeight / k. Default 10. */
  readonly wishWeight?: number;
}

export interface ProposedPair {
  readonly menteeId: string;
  readonly mentorId: string;
  /** The pair's own criteria score, 0..100 (a wish's bonus is not in it). */
  readonly score: number;
  readonly locked: boolean;
  readonly reasons: readonly Reason[];
  readonly explanation: string;
}

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

/** Scores every pair, finds the optimal matching under the hard rules, and explains it. */
export function proposeMatches(input: ProposeInput): Proposal {
  const run = readProfileRun({ ...input, ...input.hardRules });
  const { mentees, mentors, weights, pop, rules } = run;
  const locked = (input.hardRules?.locked ?? []).map((ref) => resolvePair(ref, run.menteeIndex, run.mentorIndex, 'locked pair'));
  const wishWeight = input.wishWeight ?? DEFAULT_WISH_WEIGHT;
  const wished = wishRanks(input.wishes, wishWeight, run.menteeIndex, run.mentorIndex, mentors.length);

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
    {
      rows: mentees.length,
      cols: mentors.length,
      score: steerTowardsWishes(score, wished, wishWeight, input.minScore),
      capacity,
      minScore: input.minScore,
      locked,
      objective: input.objective,
    },
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
      unmatched.push({ menteeId: mentee.id, ...explainUnmatched(run, i, score, capacity, input.minScore) });
      continue;
    }
    const s = score[i * mentors.length + j] as number;
    const rank = wished.get(i * mentors.length + j);
    const criteria = pairReasons(run, i, j, input.goalNames);
    const reasons = rank === undefined ? criteria : [wishReason(rank, wishWeight), ...criteria];
    pairs.push({
      menteeId: mentee.id,
      mentorId: (mentors[j] as MentorProfile).id,
      score: s,
      locked: lockedSet.has(i),
      reasons,
      explanation: pairExplanation(reasons),
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

/** Best (smallest) rank per wished pair, keyed i * mentors + j; throws on unknown ids and bad ranks. */
function wishRanks(
  wishes: readonly Wish[] | undefined,
  wishWeight: number,
  menteeIndex: ReadonlyMap<string, number>,
  mentorIndex: ReadonlyMap<string, number>,
  mentorCount: number,
): Map<number, number> {
  // Steered scores must stay within the solver's range (limits.ts).
  if (!(wishWeight >= 0 && wishWeight <= MAX_ABS_SCORE - MAX_SCORE)) {
    throw new MatchingInputError('BAD_WEIGHTS', `wishWeight must be a number of score points >= 0, got ${wishWeight}.`);
  }
  const ranks = new Map<number, number>();
  for (const wish of wishes ?? []) {
    const [i, j] = resolvePair(wish, menteeIndex, mentorIndex, 'wish');
    if (!Number.isInteger(wish.rank) || wish.rank < 1) {
      throw new MatchingInputError(
        'BAD_WEIGHTS',
        `wish ${wish.menteeId} / ${wish.mentorId}: rank must be a whole number >= 1, got ${wish.rank}.`,
      );
    }
    const key = i * mentorCount + j;
    const known = ranks.get(key);
    if (known === undefined || wish.rank < known) ranks.set(key, wish.rank);
  }
  return ranks;
}

/**
 * The scores the solver optimises: each wished pair's own score plus its bonus. Excluded pairs
 * (-Infinity) and pairs below the minimum score get no bonus, so a wish cannot lift them in.
 */
function steerTowardsWishes(
  score: Float64Array,
  wished: ReadonlyMap<number, number>,
  wishWeight: number,
  minScore: number | undefined,
): Float64Array {
  if (wished.size === 0) return score;
  const steered = Float64Array.from(score);
  for (const [key, rank] of wished) {
    const s = score[key] as number;
    if (s === -Infinity || (minScore !== undefined && s < minScore)) continue;
    steered[key] = s + wishWeight / rank;
  }
  return steered;
}

function wishReason(rank: number, wishWeight: number): Reason {
  return {
    criterion: 'wish',
    weight: wishWeight,
    value: 1 / rank,
    points: wishWeight / rank,
    text: `asked for this mentor (${ordinal(rank)} choice)`,
    polarity: 'for',
  };
}

/** 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
