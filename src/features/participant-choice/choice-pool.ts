import { createHash } from 'node:crypto';
import type { Executor } from '../../db/executor.ts';
import type { PairRef } from '../../matching/index.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { listApplicationsForPeriod } from '../applications/applications.service.ts';
import { countActiveMatches, listPartnerPairs } from '../matches/matches.service.ts';
import { menteeProfile, mentorProfile, profileId } from '../matching-runs/application-profiles.ts';
import { periodMatchingInputs } from '../matching-runs/period-matching-inputs.ts';
import { CANDIDATE_STATUSES } from '../rematch/rematch-candidates.rules.ts';
import { listRequestsOfPeriod } from './mentor-requests.store.ts';
import type { SuggestionJob } from './suggestion-job.ts';

/**
 * Who can choose and be chosen in a period right now, as the engine's job:
 * - mentees: accepted mentee applications whose person has no active match anywhere;
 * - mentors: mentor applications in the pool (accepted, matched or unmatched) with places left,
 *   counting every active match in every period; the job's capacity is the places left;
 * - hard rules: every pair ever matched (never again), the committee's ruled-out pairs, a person
 *   on both sides, a committee lock (its two people go to each other or to no one), and a
 *   mentor's "no" to a mentee's request in this period (asking again would only be refused).
 * The fingerprint names the pool: the same people, places and rules on the same day give the same
 * suggestions, so a stored computation with this fingerprint is still right.
 */
export interface ChoicePool {
  job: SuggestionJob;
  fingerprint: string;
  byId: Map<number, ApplicationRecord>;
  /** Mentor application id → places left (mentors with none are not in the job). */
  placesLeft: Map<number, number>;
}

export async function loadChoicePool(db: Executor, periodId: number, now: Date): Promise<ChoicePool> {
  const applications = await listApplicationsForPeriod(db, periodId);
  const loads = await countActiveMatches(db, [...new Set(applications.map((a) => a.userId))]);
  const inputs = await periodMatchingInputs(db, periodId);
  const mentees = applications.filter((a) => a.role === 'mentee' && a.status === 'accepted' && (loads.get(a.userId)?.mentee ?? 0) === 0);
  const placesLeft = new Map<number, number>();
  const mentors = applications.filter((a) => {
    if (a.role !== 'mentor' || !CANDIDATE_STATUSES.includes(a.status)) return false;
    const left = a.answers.capacity - (loads.get(a.userId)?.mentor ?? 0);
    if (left <= 0) return false;
    placesLeft.set(a.id, left);
    return true;
  });

  const everPaired = new Set((await listPartnerPairs(db)).map((p) => `${p.menteeUserId}:${p.mentorUserId}`));
  const previousPartners: PairRef[] = [];
  const forbidden: PairRef[] = [];
  const locks = inputs.pairRules.filter((r) => r.kind === 'lock');
  const lockedMentor = new Map(locks.map((r) => [r.menteeApplicationId, r.mentorApplicationId]));
  const lockedMentees = new Map<number, Set<number>>();
  for (const r of locks)
    lockedMentees.set(r.mentorApplicationId, (lockedMentees.get(r.mentorApplicationId) ?? new Set()).add(r.menteeApplicationId));
  const ruledOut = new Set(
    inputs.pairRules.filter((r) => r.kind === 'forbid').map((r) => `${r.menteeApplicationId}:${r.mentorApplicationId}`),
  );
  for (const r of await listRequestsOfPeriod(db, periodId)) {
    if (r.status === 'declined') ruledOut.add(`${r.menteeApplicationId}:${r.mentorApplicationId}`);
  }
  for (const mentee of mentees) {
    for (const mentor of mentors) {
      const ref = { menteeId: profileId(mentee.id), mentorId: profileId(mentor.id) };
      if (everPaired.has(`${mentee.userId}:${mentor.userId}`)) previousPartners.push(ref);
      else if (
        mentee.userId === mentor.userId ||
        ruledOut.has(`${mentee.id}:${mentor.id}`) ||
        (lockedMentor.has(mentee.id) && lockedMentor.get(mentee.id) !== mentor.id) ||
        (lockedMentees.has(mentor.id) && !lockedMentees.get(mentor.id)?.has(mentee.id))
      )
        forbidden.push(ref);
    }
  }
  const job: SuggestionJob = {
    mentees: mentees.map(menteeProfile),
    mentors: mentors.map((m) => ({ ...mentorProfile(m), capacity: placesLeft.get(m.id) ?? 0 })),
    weights: inputs.weights,
    minScore: inputs.minScore,
    referenceDate: now.getTime(),
    previousPartners,
    forbidden,
    goalNames: inputs.goalNames,
  };
  // Time-zone offsets move at most once a day: the day, not the instant, is part of the pool.
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ ...job, referenceDate: now.toISOString().slice(0, 10) }))
    .digest('hex');
  return { job, fingerprint, byId: new Map(applications.map((a) => [a.id, a])), placesLeft };
}
