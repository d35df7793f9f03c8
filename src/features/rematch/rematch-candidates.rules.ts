import type { Weights } from '../../matching/index.ts';
import { rankCandidatesInSlices } from '../../matching/index.ts';
import type { CandidateExclusion } from '../../matching/index.ts';
import type { ApplicationStatus } from '../../shared/application-vocabulary.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { menteeProfile, mentorProfile, profileId } from '../matching-runs/application-profiles.ts';

/**
 * Who could be a person's new partner after a re-match request or an ended match: the engine's
 * ranking over the other side of the match's period, within every rule a matching run keeps.
 * Pure: everything it needs is passed in.
 *
 * Offered only when
 * - the candidate's application in that period is accepted, matched or unmatched (in the pool, or
 *   matched with room left), never withdrawn, declined, waitlisted or still under review;
 * - a mentee candidate has no active match anywhere (one at a time), and a mentor candidate has a
 *   place left counting every active match in every period;
 * - they were never partners, either way round, in any period; the committee has not ruled the
 *   pair out; a candidate locked to someone else is left to that lock; they are not the same person;
 * - the engine's required criteria and the period's minimum score hold.
 */
export const CANDIDATE_STATUSES: readonly ApplicationStatus[] = ['accepted', 'matched', 'unmatched'];

export interface CandidateInput {
  /** The person who needs a partner: their application in the match's period. */
  person: ApplicationRecord;
  /** Applications of the match's period (any status, either side; the rule picks). */
  periodApplications: readonly ApplicationRecord[];
  /** Active matches per user across all periods. */
  activeLoads: ReadonlyMap<number, { mentor: number; mentee: number }>;
  /** Users the person was ever matched with, either side. */
  previousPartnerUserIds: ReadonlySet<number>;
  /** The period's pair rules in application ids. */
  pairRules: readonly { kind: 'lock' | 'forbid'; menteeApplicationId: number; mentorApplicationId: number }[];
  weights: Weights;
  minScore: number | null;
  referenceDate: number;
  goalNames?: Record<number, string>;
}

export interface CandidateView {
  application: ApplicationRecord;
  score: number;
  explanation: string;
  reasons: readonly { criterion: string; polarity: 'for' | 'against'; text: string }[];
  placesLeft: number;
}

export interface CandidateSearch {
  /** Best first; only the best `limit` when one is given. */
  candidates: CandidateView[];
  /** Why the rest of the other side is not offered, counted: "2 previous partners". */
  notOffered: string[];
}

type Why = CandidateExclusion | 'not-in-pool' | 'already-matched' | 'full' | 'locked-elsewhere' | 'same-person';

const WORDS: Record<Exclude<Why, 'must'>, [string, string]> = {
  'not-in-pool': ['not in the pool (application not accepted)', 'not in the pool (applications not accepted)'],
  'already-matched': ['already in an active match', 'already in active matches'],
  full: ['with no place left', 'with no places left'],
  'locked-elsewhere': ['locked to someone else by the committee', 'locked to others by the committee'],
  'same-person': ['the same person', 'the same person'],
  'same-employer': ['at the same employer', 'at the same employer'],
  'previous-partner': ['a previous partner', 'previous partners'],
  forbidden: ['ruled out by the committee', 'ruled out by the committee'],
  'below-min-score': ['below the minimum score', 'below the minimum score'],
};

function words(counts: Map<string, number>): string[] {
  return [...counts.entries()].map(([key, n]) => {
    if (key.startsWith('must:')) return `${n} failing the required "${key.slice(5)}" criterion`;
    const [one, many] = WORDS[key as Exclude<Why, 'must'>];
    return `${n} ${n === 1 ? one : many}`;
  });
}

/** Who could be the person's new partner, best first (see the top of this file). */
export function findCandidates(input: CandidateInput, options: { limit?: number } = {}): CandidateSearch {
  const steps = findCandidatesInSteps(input, options, Number.POSITIVE_INFINITY);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * findCandidates with a pause (a `yield`) after each `sliceSize` applications looked at and each
 * slice of candidates ranked (rankCandidatesInSlices): the caller lets other work run between
 * them (inTurns), so a pool of 30,000 never holds the server's thread for long. The same answer.
 */
export function* findCandidatesInSteps(
  input: CandidateInput,
  { limit }: { limit?: number },
  sliceSize: number,
): Generator<void, CandidateSearch, void> {
  const { person } = input;
  const side = person.role;
  const otherSide = side === 'mentee' ? 'mentor' : 'mentee';
  const counts = new Map<string, number>();
  const skip = (why: string): void => void counts.set(why, (counts.get(why) ?? 0) + 1);
  const lockedTo = new Map<number, number>();
  for (const r of input.pairRules) {
    if (r.kind !== 'lock') continue;
    lockedTo.set(r.menteeApplicationId, r.mentorApplicationId);
    lockedTo.set(r.mentorApplicationId, r.menteeApplicationId);
  }
  const forbidden = new Set(
    input.pairRules
      .filter((r) => r.kind === 'forbid')
      .flatMap((r) =>
        side === 'mentee'
          ? r.menteeApplicationId === person.id
            ? [r.mentorApplicationId]
            : []
          : r.mentorApplicationId === person.id
            ? [r.menteeApplicationId]
            : [],
      ),
  );

  const offered: { application: ApplicationRecord; placesLeft: number }[] = [];
  let looked = 0;
  for (const a of input.periodApplications) {
    looked += 1;
    if (looked % sliceSize === 0) yield;
    if (a.role !== otherSide) continue;
    if (a.userId === person.userId) {
      skip('same-person');
      continue;
    }
    if (!CANDIDATE_STATUSES.includes(a.status)) {
      skip('not-in-pool');
      continue;
    }
    const load = input.activeLoads.get(a.userId) ?? { mentor: 0, mentee: 0 };
    const placesLeft = otherSide === 'mentor' ? a.answers.capacity - load.mentor : load.mentee === 0 ? 1 : 0;
    if (placesLeft <= 0) {
      skip(otherSide === 'mentor' ? 'full' : 'already-matched');
      continue;
    }
    // A lock between this candidate and someone else in the period stands: the committee chose it.
    const lock = lockedTo.get(a.id);
    if (lock !== undefined && lock !== person.id) {
      skip('locked-elsewhere');
      continue;
    }
    offered.push({ application: a, placesLeft });
  }

  const profile = side === 'mentee' ? menteeProfile(person) : mentorProfile(person);
  const ranking = yield* rankCandidatesInSlices(
    {
      person: profile,
      side,
      candidates: offered.map((o) => (otherSide === 'mentor' ? mentorProfile(o.application) : menteeProfile(o.application))),
      weights: input.weights,
      previousPartners: offered
        .filter((o) => input.previousPartnerUserIds.has(o.application.userId))
        .map((o) => profileId(o.application.id)),
      forbidden: offered.filter((o) => forbidden.has(o.application.id)).map((o) => profileId(o.application.id)),
      ...(input.minScore !== null && { minScore: input.minScore }),
      referenceDate: input.referenceDate,
      ...(input.goalNames && { goalNames: input.goalNames }),
      ...(limit !== undefined && { limit }),
    },
    sliceSize,
  );
  for (const e of ranking.excluded) skip(e.why === 'must' ? `must:${e.criterion ?? ''}` : e.why);
  const byId = new Map(offered.map((o) => [profileId(o.application.id), o]));
  return {
    candidates: ranking.ranked.map((r) => {
      const o = byId.get(r.id) as { application: ApplicationRecord; placesLeft: number };
      return {
        application: o.application,
        score: r.score,
        explanation: r.explanation,
        reasons: r.reasons.map((x) => ({ criterion: x.criterion, polarity: x.polarity, text: x.text })),
        placesLeft: o.placesLeft,
      };
    }),
    notOffered: words(counts),
  };
}
