import type { Executor } from '../../db/executor.ts';
import { memoUnlessChanged } from '../../db/unchanged-cache.ts';
import { participantReasons, rankCandidates } from '../../matching/index.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { findApplication } from '../applications/applications.service.ts';
import { menteeProfile, mentorProfile } from './application-profiles.ts';
import { periodReasonInputs } from './period-matching-inputs.ts';
import type { PeriodMatchingInputs, PeriodReasonInputs } from './period-matching-inputs.ts';

/**
 * Why a pair fits, in the words the two people (and a mentee choosing a mentor) may read: the
 * engine scores the pair as it would today and participantReasons keeps only what speaks for it.
 */
export function friendlyPairReasons(
  mentee: ApplicationRecord,
  mentor: ApplicationRecord,
  inputs: Pick<PeriodMatchingInputs, 'weights' | 'goalNames'>,
  now: Date,
): string[] {
  const ranking = rankCandidates({
    person: menteeProfile(mentee),
    side: 'mentee',
    candidates: [mentorProfile(mentor)],
    weights: inputs.weights,
    referenceDate: now.getTime(),
    goalNames: inputs.goalNames,
  });
  return participantReasons(ranking.ranked[0]?.reasons ?? []).map((r) => r.text);
}

/** What a pair's reasons are made of: the two applications and the period's matching inputs (checked under tests). */
const PAIR_REASON_READS = ['applications', 'users', 'periods', 'matching_runs', 'program_goals', 'program_settings'];

/**
 * A match's "Why we paired you" for its two people: the friendly reasons joined as the stored
 * explanation is ('; '), or '' when the applications are gone or nothing speaks for the pair.
 * The stored explanation (both sides) stays for staff and the committee.
 */
export async function participantExplanation(
  db: Executor,
  pair: { periodId: number; menteeApplicationId: number; mentorApplicationId: number },
  now: Date,
  /** A period's inputs already read (a person's matches in one period share them); filled as read. */
  inputsByPeriod: Map<number, PeriodReasonInputs> = new Map(),
): Promise<string> {
  // Four reads and a scoring on every view of a participant's pages: kept while nothing changes.
  // Time zones' offsets make it depend on the hour, too.
  const key = `pair-reasons ${pair.periodId} ${pair.menteeApplicationId} ${pair.mentorApplicationId}`;
  return memoUnlessChanged(db, key, () => explainPair(db, pair, now, inputsByPeriod), {
    stamp: now.toISOString().slice(0, 13),
    reads: PAIR_REASON_READS,
  });
}

async function explainPair(
  db: Executor,
  pair: { periodId: number; menteeApplicationId: number; mentorApplicationId: number },
  now: Date,
  inputsByPeriod: Map<number, PeriodReasonInputs>,
): Promise<string> {
  const [mentee, mentor] = [await findApplication(db, pair.menteeApplicationId), await findApplication(db, pair.mentorApplicationId)];
  if (!mentee || !mentor) return '';
  let inputs = inputsByPeriod.get(pair.periodId);
  if (!inputs) {
    inputs = await periodReasonInputs(db, pair.periodId);
    inputsByPeriod.set(pair.periodId, inputs);
  }
  return friendlyPairReasons(mentee, mentor, inputs, now).join('; ');
}
