import type { PreparedPopulation } from './criteria.ts';
import { CRITERIA, evaluatePair, preparePopulation, weightVector } from './criteria.ts';
import { MatchingInputError } from './errors.ts';
import type { GoalNames, Reason } from './explain.ts';
import { explainPair, explanationText } from './explain.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import type { Exclusion, HardRuleIndex } from './score-matrix.ts';
import { pairExclusion, scoreOf } from './score-matrix.ts';
import { TimeZoneOffsets } from './time-zones.ts';
import type { Weights } from './weights.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

/**
 * One person's possible partners, best first: the re-match case, where one mentee (or mentor)
 * needs a new partner and everyone else stays where they are. With one person on one side the
 * optimal assignment is simply the best-scoring eligible candidate, so the ranking's head is
 * what `proposeMatches` would choose; the rest of the list lets staff see the alternatives.
 *
 * The same criteria, scorers, hard rules and explanations as a full run. Capacity is the
 * caller's business (it passes only candidates with room).
 */
export interface RankInput {
  /** The person who needs a partner, and which side they are on. */
  readonly person: MenteeProfile | MentorProfile;
  readonly side: 'mentee' | 'mentor';
  /** People on the other side. */
  readonly candidates: readonly (MenteeProfile | MentorProfile)[];
  readonly weights?: Weights;
  /** Candidate ids that were the person's partner before: never ranked. */
  readonly previousPartners?: readonly string[];
  /** Candidate ids staff or the committee exclude for this person. */
  readonly forbidden?: readonly string[];
  readonly minScore?: number;
  readonly referenceDate: Date | number;
  readonly goalNames?: GoalNames;
  /**
   * Only the best this many are returned (and explained, which is most of the work for a large
   * pool: a page shows ten of 20,000). Every candidate is still scored, so `excluded` is complete
   * and the list is the head of what no limit would give.
   */
  readonly limit?: number;
}

export interface RankedCandidate {
  readonly id: string;
  readonly score: number;
  readonly reasons: readonly Reason[];
  readonly explanation: string;
}

export type CandidateExclusion = Exclusion['kind'] | 'below-min-score';

export interface ExcludedCandidate {
  readonly id: string;
  readonly why: CandidateExclusion;
  /** The required criterion that failed, when `why` is 'must'. */
  readonly criterion?: string;
}

export interface Ranking {
  /** Best first; equal scores keep the candidates' input order. */
  readonly ranked: readonly RankedCandidate[];
  readonly excluded: readonly ExcludedCandidate[];
}

export function rankCandidates(input: RankInput): Ranking {
  const weights = input.weights ?? DEFAULT_WEIGHTS;
  const at = input.referenceDate instanceof Date ? input.referenceDate.getTime() : input.referenceDate;
  if (!Number.isFinite(at)) throw new MatchingInputError('BAD_REFERENCE_DATE', 'referenceDate must be a valid instant.');
  const ids = new Set<string>();
  for (const c of input.candidates) {
    if (ids.has(c.id)) throw new MatchingInputError('DUPLICATE_ID', `Duplicate candidate id "${c.id}".`);
    ids.add(c.id);
  }
  const asMentee = input.side === 'mentee';
  const offsets = new TimeZoneOffsets(at);
  const pop: PreparedPopulation = asMentee
    ? preparePopulation([input.person], input.candidates, offsets)
    : preparePopulation(input.candidates, [input.person], offsets);
  // The hard rules by index, as the score matrix reads them: per mentee, the banned mentors.
  const banned = new Map<number, Map<number, 'previous-partner' | 'forbidden'>>();
  const ban = (list: readonly string[] | undefined, kind: 'previous-partner' | 'forbidden'): void => {
    const wanted = new Set(list ?? []);
    input.candidates.forEach((c, k) => {
      if (!wanted.has(c.id)) return;
      const [i, j] = asMentee ? [0, k] : [k, 0];
      let row = banned.get(i);
      if (row === undefined) banned.set(i, (row = new Map()));
      if (!row.has(j)) row.set(j, kind);
    });
  };
  ban(input.previousPartners, 'previous-partner');
  ban(input.forbidden, 'forbidden');
  const rules: HardRuleIndex = { banned };
  const { w, sum } = weightVector(weights);
  const values = new Float64Array(CRITERIA.length);
  const scored: { k: number; score: number }[] = [];
  const excluded: ExcludedCandidate[] = [];
  input.candidates.forEach((c, k) => {
    const [i, j] = asMentee ? [0, k] : [k, 0];
    evaluatePair(pop, weights, i, j, values);
    const why = pairExclusion(pop, weights, rules, i, j, values);
    if (why !== null) {
      excluded.push(why.kind === 'must' ? { id: c.id, why: 'must', criterion: why.criterion } : { id: c.id, why: why.kind });
      return;
    }
    const score = scoreOf(values, w, sum);
    if (input.minScore !== undefined && score < input.minScore) {
      excluded.push({ id: c.id, why: 'below-min-score' });
      return;
    }
    scored.push({ k, score });
  });
  scored.sort((a, b) => b.score - a.score || a.k - b.k);
  const best = input.limit === undefined ? scored : scored.slice(0, Math.max(0, input.limit));
  // Explained once the order is known, for those returned only; the values are worked out again
  // for them (cheap beside the words).
  const ranked = best.map(({ k, score }): RankedCandidate => {
    const c = input.candidates[k] as MenteeProfile | MentorProfile;
    const [i, j] = asMentee ? [0, k] : [k, 0];
    evaluatePair(pop, weights, i, j, values);
    const [mentee, mentor] = asMentee ? [input.person, c] : [c, input.person];
    const reasons = explainPair(mentee as MenteeProfile, mentor as MentorProfile, values, weights, offsets, input.goalNames);
    return { id: c.id, score, reasons, explanation: explanationText(reasons) || 'no criteria apply (too little data on either side)' };
  });
  return { ranked, excluded };
}

/**
 * rankCandidates a slice of candidates at a time, pausing (a `yield`) between slices so that its
 * caller can let other work run: a pool of 30,000 takes some 0.1–0.2 s to prepare and score, which
 * on a server's only thread holds every other request. The same ranking as rankCandidates: each
 * candidate's score, verdict and explanation depend on the pair alone, and the best of all is
 * among the best of each slice.
 */
export function* rankCandidatesInSlices(input: RankInput, sliceSize: number): Generator<void, Ranking, void> {
  const { candidates } = input;
  if (candidates.length <= sliceSize) return rankCandidates(input);
  const ids = new Set<string>();
  for (const c of candidates) {
    if (ids.has(c.id)) throw new MatchingInputError('DUPLICATE_ID', `Duplicate candidate id "${c.id}".`);
    ids.add(c.id);
  }
  const index = new Map(candidates.map((c, k) => [c.id, k]));
  const best: { candidate: RankedCandidate; k: number }[] = [];
  const excluded: ExcludedCandidate[] = [];
  for (let start = 0; start < candidates.length; start += sliceSize) {
    if (start > 0) yield;
    const part = rankCandidates({ ...input, candidates: candidates.slice(start, start + sliceSize) });
    for (const candidate of part.ranked) best.push({ candidate, k: index.get(candidate.id) ?? 0 });
    excluded.push(...part.excluded);
  }
  best.sort((a, b) => b.candidate.score - a.candidate.score || a.k - b.k);
  const ranked = best.map((b) => b.candidate);
  return { ranked: input.limit === undefined ? ranked : ranked.slice(0, Math.max(0, input.limit)), excluded };
}
