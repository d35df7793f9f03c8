import type { PreparedPopulation } from './criteria.ts';
import { CRITERIA, evaluatePair, preparePopulation } from './criteria.ts';
import { MatchingInputError } from './errors.ts';
import type { GoalNames, Reason } from './explain.ts';
import { explainPair, explanationText } from './explain.ts';
import type { MenteeProfile, MentorProfile } from './profiles.ts';
import type { Exclusion, HardRuleIndex } from './score-matrix.ts';
import { pairExclusion } from './score-matrix.ts';
import { TimeZoneOffsets } from './time-zones.ts';
import type { Weights } from './weights.ts';
import { DEFAULT_WEIGHTS } from './weights.ts';

/**
 * What the runs over profiles (proposeMatches, suggestMentors) share, so both read their input and
 * word their results the same way: ids and hard rules turned into indices, a pair's reasons, and
 * why a mentee has no partner.
 */

export interface PairRef {
  readonly menteeId: string;
  readonly mentorId: string;
}

export type UnmatchedReason = 'no-eligible-mentor' | 'below-min-score' | 'mentors-full';

export interface ProfileRunInput {
  readonly mentees: readonly MenteeProfile[];
  readonly mentors: readonly MentorProfile[];
  readonly weights?: Weights;
  readonly referenceDate: Date | number;
  readonly previousPartners?: readonly PairRef[];
  readonly forbidden?: readonly PairRef[];
}

/** A run's input by index, ready for the score matrix. */
export interface ProfileRun {
  readonly mentees: readonly MenteeProfile[];
  readonly mentors: readonly MentorProfile[];
  readonly weights: Weights;
  readonly offsets: TimeZoneOffsets;
  readonly pop: PreparedPopulation;
  readonly rules: HardRuleIndex;
  readonly menteeIndex: ReadonlyMap<string, number>;
  readonly mentorIndex: ReadonlyMap<string, number>;
}

/** Checks ids and the reference date and indexes the hard rules; throws MatchingInputError. */
export function readProfileRun(input: ProfileRunInput): ProfileRun {
  const { mentees, mentors } = input;
  const at = input.referenceDate instanceof Date ? input.referenceDate.getTime() : input.referenceDate;
  if (!Number.isFinite(at)) throw new MatchingInputError('BAD_REFERENCE_DATE', 'referenceDate must be a valid instant.');
  const menteeIndex = indexById(mentees, 'mentee');
  const mentorIndex = indexById(mentors, 'mentor');
  const banned = new Map<number, Map<number, 'previous-partner' | 'forbidden'>>();
  const ban = (refs: readonly PairRef[] | undefined, kind: 'previous-partner' | 'forbidden', rule: string): void => {
    for (const ref of refs ?? []) {
      const [i, j] = resolvePair(ref, menteeIndex, mentorIndex, rule);
      let row = banned.get(i);
      if (row === undefined) banned.set(i, (row = new Map()));
      if (!row.has(j)) row.set(j, kind);
    }
  };
  ban(input.previousPartners, 'previous-partner', 'previous partner');
  ban(input.forbidden, 'forbidden', 'forbidden pair');
  const offsets = new TimeZoneOffsets(at);
  return {
    mentees,
    mentors,
    weights: input.weights ?? DEFAULT_WEIGHTS,
    offsets,
    pop: preparePopulation(mentees, mentors, offsets),
    rules: { banned },
    menteeIndex,
    mentorIndex,
  };
}

function indexById(people: readonly { readonly id: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  people.forEach((p, k) => {
    if (index.has(p.id)) throw new MatchingInputError('DUPLICATE_ID', `Duplicate ${what} id "${p.id}".`);
    index.set(p.id, k);
  });
  return index;
}

/** [mentee, mentor] indices of a pair named by ids; `rule` names the input in the error. */
export function resolvePair(
  ref: PairRef,
  mentees: ReadonlyMap<string, number>,
  mentors: ReadonlyMap<string, number>,
  rule: string,
): [number, number] {
  const i = mentees.get(ref.menteeId);
  const j = mentors.get(ref.mentorId);
  if (i === undefined) throw new MatchingInputError('UNKNOWN_ID', `${rule}: unknown mentee id "${ref.menteeId}".`);
  if (j === undefined) throw new MatchingInputError('UNKNOWN_ID', `${rule}: unknown mentor id "${ref.mentorId}".`);
  return [i, j];
}

/** The criteria behind a pair's score, as explainPair words them. */
export function pairReasons(run: ProfileRun, i: number, j: number, goalNames: GoalNames | undefined): Reason[] {
  const values = new Float64Array(CRITERIA.length);
  evaluatePair(run.pop, run.weights, i, j, values);
  return explainPair(run.mentees[i] as MenteeProfile, run.mentors[j] as MentorProfile, values, run.weights, run.offsets, goalNames);
}

export function pairExplanation(reasons: readonly Reason[]): string {
  return explanationText(reasons) || 'no criteria apply (too little data on either side)';
}

/**
 * Why mentee i has no partner, from its row of the score matrix and the mentors' places: nobody
 * eligible (and which rules excluded whom), nobody reaching the minimum score, or every eligible
 * mentor full.
 */
export function explainUnmatched(
  run: ProfileRun,
  i: number,
  score: Float64Array,
  capacity: readonly number[],
  minScore: number | undefined,
): { readonly reason: UnmatchedReason; readonly explanation: string } {
  const m = capacity.length;
  const values = new Float64Array(CRITERIA.length);
  const excluded = new Map<string, number>();
  let eligible = 0;
  let aboveMin = 0;
  let best = -Infinity;
  for (let j = 0; j < m; j++) {
    const s = score[i * m + j] as number;
    if (s === -Infinity) {
      evaluatePair(run.pop, run.weights, i, j, values);
      const why: Exclusion | null = pairExclusion(run.pop, run.weights, run.rules, i, j, values);
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

function plural(count: number, word: string): string {
  return `${count} ${count === 1 ? word : `${word}s`}`;
}
