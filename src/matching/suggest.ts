import { MatchingInputError } from './errors.ts';
import type { GoalNames, Reason } from './explain.ts';
import { pairForcings } from './pair-forcing.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import type { PairRef, UnmatchedReason } from './profile-run.ts';
import { explainUnmatched, pairExplanation, pairReasons, readProfileRun } from './profile-run.ts';
import { buildScoreMatrix } from './score-matrix.ts';
import { solveAssignment } from './solve.ts';
import type { Weights } from './weights.ts';

/**
 * Suggestions for "participant choice" programs, where mentees pick their own mentor: for each
 * mentee, the mentors with places it could take, best first, each with what taking it would cost
 * the rest of the program. The yardstick is the `most-matched` optimum over everyone (so a choice
 * that leaves another mentee with nobody shows as such). pair-forcing.ts prices each choice from
 * the optimum's certificate: the pair's reduced cost alone is only a lower bound, which can be 0
 * for a choice that leaves someone without, so the price adds the cheapest way the rest of the
 * program can make room (why and how: the comment there).
 */
export interface SuggestInput {
  readonly mentees: readonly MenteeProfile[];
  /** `capacity` is the places left (0 = full: never suggested). */
  readonly mentors: readonly MentorProfile[];
  readonly weights?: Weights;
  readonly hardRules?: { readonly previousPartners?: readonly PairRef[]; readonly forbidden?: readonly PairRef[] };
  readonly minScore?: number;
  /** The instant time-zone offsets are taken at; the engine has no clock. */
  readonly referenceDate: Date | number;
  readonly goalNames?: GoalNames;
  /** Score points: a suggestion whose cost to the rest of the program is at most this is "good" (default 10). */
  readonly slack?: number;
  /** Most suggestions per mentee (default 6). */
  readonly limit?: number;
  /** Fraction 0..1: scoring is the first 60 %, solving the next 20 %, pricing the choices the rest. */
  readonly onProgress?: (fraction: number) => void;
}

export interface Suggestion {
  readonly mentorId: string;
  /** The pair's own score, 0..100. */
  readonly score: number;
  /** cost − rowPotential − colPotential from the optimum's certificate (solver units): a lower bound only, see pointsLost. */
  readonly reducedCost: number;
  /**
   * How far the program's total score falls if this mentee takes this mentor and everyone else is
   * re-matched at best (as many matched as still possible, then the highest total). Exact, rounded
   * to a power of ten just above the certificate's rounding noise (1e-5 points in a program of 50,
   * 1e-3 in one of 5,000), and >= 0: 0 for the optimal partner and for an equally good
   * alternative, and 0 when the total rises only because someone is left without.
   */
  readonly pointsLost: number;
  /**
   * Every assignment that gives this mentee this mentor matches fewer mentees than the optimum: the
   * price includes the unmatched penalty. For a mentee the optimum leaves unmatched, taking a full
   * mentor's place swaps who goes without (as many matched): that shows in pointsLost, not here.
   */
  readonly leavesSomeoneWithout: boolean;
  /** best: the optimal partner; good: !leavesSomeoneWithout and pointsLost <= slack; costly otherwise. */
  readonly fit: 'best' | 'good' | 'costly';
  readonly reasons: readonly Reason[];
  readonly explanation: string;
}

export interface MenteeSuggestions {
  readonly menteeId: string;
  /**
   * Best first: the optimal partner (if any), then by pointsLost ascending (leavesSomeoneWithout
   * ones last), ties by score descending, then input order. At most `limit`. Only eligible mentors
   * with places.
   */
  readonly suggestions: Suggestion[];
  /** Why there are none (the words of proposeMatches' unmatched), else null. */
  readonly none: { readonly reason: UnmatchedReason; readonly explanation: string } | null;
}

export interface MentorDemand {
  readonly mentorId: string;
  readonly places: number;
  /** Mentees for whom this mentor is a highest-scoring eligible mentor with places (ties count for each). */
  readonly bestFor: number;
  /** bestFor > places. */
  readonly inHighDemand: boolean;
}

export interface SuggestResult {
  /** In the mentees' input order. */
  readonly byMentee: MenteeSuggestions[];
  /** In the mentors' input order. */
  readonly demand: MentorDemand[];
  /** Total score of the optimal (`most-matched`) assignment. */
  readonly total: number;
  /** Mentees it matches. */
  readonly matched: number;
}

const DEFAULT_SLACK = 10;
const DEFAULT_LIMIT = 6;

interface Candidate {
  readonly j: number;
  readonly score: number;
  readonly reducedCost: number;
  readonly pointsLost: number;
  readonly leavesSomeoneWithout: boolean;
  readonly best: boolean;
}

export function suggestMentors(input: SuggestInput): SuggestResult {
  const slack = input.slack ?? DEFAULT_SLACK;
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (!(slack >= 0 && slack < Infinity)) throw new MatchingInputError('BAD_MIN_SCORE', `slack must be score points >= 0, got ${slack}.`);
  if (!Number.isInteger(limit) || limit < 1) throw new MatchingInputError('BAD_SIZE', `limit must be a whole number >= 1, got ${limit}.`);
  const run = readProfileRun({ ...input, ...input.hardRules });
  const { mentees, mentors } = run;
  const n = mentees.length;
  const m = mentors.length;
  const progress = input.onProgress;
  const score = buildScoreMatrix(run.pop, run.weights, run.rules, progress && ((f) => progress(0.6 * f)));
  const capacity = mentors.map((mentor) => mentor.capacity ?? 1);
  const problem = { rows: n, cols: m, score, capacity, minScore: input.minScore };
  const optimum = solveAssignment({ ...problem, objective: 'most-matched' }, { onProgress: progress && ((f) => progress(0.6 + 0.2 * f)) });
  const forcing = pairForcings(problem, optimum);
  const { costOffset, unmatchedCost, rowPotential, colPotential } = optimum.certificate;
  // pointsLost comes out of sums of potentials of up to the unmatched cost's size, so equal prices
  // can differ in the last bits; rounded to a power of ten above that noise, equal choices tie
  // (and sort by score) and an alternative optimum costs exactly 0.
  const noise = 1e-9 * (1 + Math.abs(unmatchedCost) + Math.abs(costOffset));
  const scale = 10 ** Math.min(15, Math.max(0, -Math.ceil(Math.log10(noise))));

  const byMentee: MenteeSuggestions[] = [];
  for (let i = 0; i < n; i++) {
    if (progress !== undefined && i % 64 === 0) progress(0.8 + (0.2 * i) / n);
    // The `limit` best so far, in order (mentors come in input order, so ties stay in it).
    const kept: Candidate[] = [];
    for (let j = 0; j < m; j++) {
      const forced = forcing(i, j);
      if (forced === null) continue;
      const s = score[i * m + j] as number;
      const candidate: Candidate = {
        j,
        score: s,
        reducedCost: costOffset - s - (rowPotential[i] as number) - (colPotential[j] as number),
        pointsLost: Math.max(0, Math.round(forced.scoreDrop * scale) / scale),
        leavesSomeoneWithout: forced.fewerMatched > 0,
        best: optimum.mentorOf[i] === j,
      };
      if (kept.length === limit && !ranksBefore(candidate, kept[limit - 1] as Candidate)) continue;
      let p = kept.length;
      kept.push(candidate);
      for (; p > 0 && ranksBefore(candidate, kept[p - 1] as Candidate); p--) kept[p] = kept[p - 1] as Candidate;
      kept[p] = candidate;
      if (kept.length > limit) kept.pop();
    }
    const suggestions = kept.map((c): Suggestion => {
      const reasons = pairReasons(run, i, c.j, input.goalNames);
      return {
        mentorId: (mentors[c.j] as MentorProfile).id,
        score: c.score,
        reducedCost: c.reducedCost,
        pointsLost: c.pointsLost,
        leavesSomeoneWithout: c.leavesSomeoneWithout,
        fit: c.best ? 'best' : !c.leavesSomeoneWithout && c.pointsLost <= slack ? 'good' : 'costly',
        reasons,
        explanation: pairExplanation(reasons),
      };
    });
    byMentee.push({
      menteeId: (mentees[i] as MenteeProfile).id,
      suggestions,
      none: suggestions.length > 0 ? null : explainUnmatched(run, i, score, capacity, input.minScore),
    });
  }
  if (progress !== undefined) progress(1);
  return { byMentee, demand: mentorDemand(score, n, mentors, capacity, input.minScore), total: optimum.total, matched: optimum.matched };
}

/** The documented order: the optimal partner, then leaving nobody without, fewer points lost, a higher score, input order. */
function ranksBefore(a: Candidate, b: Candidate): boolean {
  if (a.best !== b.best) return a.best;
  if (a.leavesSomeoneWithout !== b.leavesSomeoneWithout) return !a.leavesSomeoneWithout;
  if (a.pointsLost !== b.pointsLost) return a.pointsLost < b.pointsLost;
  if (a.score !== b.score) return a.score > b.score;
  return a.j < b.j;
}

/** Per mentor: for how many mentees it scores highest among the eligible mentors with places. */
function mentorDemand(
  score: Float64Array,
  n: number,
  mentors: readonly MentorProfile[],
  capacity: readonly number[],
  minScore: number | undefined,
): MentorDemand[] {
  const m = mentors.length;
  const bestFor = new Int32Array(m);
  const eligible = (s: number, j: number): boolean =>
    s !== -Infinity && (capacity[j] as number) > 0 && (minScore === undefined || s >= minScore);
  for (let i = 0; i < n; i++) {
    let top = -Infinity;
    for (let j = 0; j < m; j++) {
      const s = score[i * m + j] as number;
      if (eligible(s, j) && s > top) top = s;
    }
    if (top === -Infinity) continue;
    for (let j = 0; j < m; j++) if (score[i * m + j] === top && eligible(top, j)) bestFor[j] = (bestFor[j] as number) + 1;
  }
  return mentors.map((mentor, j) => ({
    mentorId: mentor.id,
    places: capacity[j] as number,
    bestFor: bestFor[j] as number,
    inHighDemand: (bestFor[j] as number) > (capacity[j] as number),
  }));
}
