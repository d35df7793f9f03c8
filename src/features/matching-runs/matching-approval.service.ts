import { appOrigin } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { RunResult } from '../../shared/api/matching.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { lockUsers } from '../accounts/people.service.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { listMatchingPoolPeople, setApplicationStatuses } from '../applications/applications.service.ts';
import { syncParticipantRoles } from '../applications/participant-roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { insertMatches } from '../matches/matches.service.ts';
import { deliverRecorded, recordMails } from '../notifications/mail.service.ts';
import type { MailDraft } from '../notifications/mail.service.ts';
import type { PeriodView } from '../periods/periods.service.ts';
import { findPeriod, setPeriodStatus } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { loadMatchingPool } from './matching-pool.ts';
import { findLatestRunWeights, findRun, markRunApproved } from './matching-runs.store.ts';
import type { MatchingRunRecord } from './matching-runs.store.ts';
import { announcementTo, programWords, unmatchedMenteeMail, unmatchedMentorMail } from './match-mails.ts';
import { periodView, refuseDoubleBookings } from './matching-runs.service.ts';

const STALE = (why: string) =>
  new ConflictError('STALE_RUN', `${why} Run the matching again, check the new proposal, and approve that one.`);

function assertApprovable(run: MatchingRunRecord): RunResult {
  if (run.status === 'approved') throw new ConflictError('ALREADY_APPROVED', 'This proposal is already approved.');
  if (run.status !== 'done' || !run.result) throw new ConflictError('RUN_NOT_DONE', 'Only a finished run can be approved.');
  return run.result;
}

const to = (a: ApplicationRecord) => ({ address: a.applicantEmail, name: a.applicantName });

/**
 * Approves a proposal in one transaction: the period moves from matching to active (only one of
 * two simultaneous approvals can make that move), nobody is double-booked (a mentee already in
 * an active match, a mentor whose active matches would go over capacity), the matches are
 * created, every application in the pool becomes matched or unmatched (and everyone's mentor or
 * mentee role follows), everyone hears about it, and the run is marked approved.
 * Mail goes out after the commit.
 */
export async function approveRun(
  deps: Deps,
  actor: Actor,
  runId: number,
): Promise<{ matchesCreated: number; unmatchedNotified: number; period: PeriodView }> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const at = toInstant(now);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const found = await findRun(trx, runId);
    if (!found) throw new NotFoundError('matching run');
    assertApprovable(found);
    // The first write, and conditional: it locks the period row, so a second approval racing this
    // one waits here and then finds the period moved on. Every check below runs under that lock;
    // if one fails, the rollback puts the period back.
    if (!(await setPeriodStatus(trx, found.periodId, 'matching', 'active', at))) {
      const moved = await findPeriod(trx, found.periodId);
      if (moved?.status === 'active') throw new ConflictError('ALREADY_APPROVED', 'Matches for this period have already been approved.');
      throw new ConflictError('PERIOD_NOT_MATCHING', 'Matches can be approved only while the period is in its matching phase.');
    }
    const period = await findPeriod(trx, found.periodId);
    if (!period) throw new NotFoundError('period');
    const run = await findRun(trx, runId);
    if (!run) throw new NotFoundError('matching run');
    const result = assertApprovable(run);
    if ((await findLatestRunWeights(trx, run.periodId))?.id !== run.id) throw STALE('A newer run exists for this period.');
    // One match at a time, across periods: hold everyone in the pool (ascending, as the role sync
    // below does) before counting their active matches, so an approval or re-match elsewhere that
    // involves the same people waits for this one, then sees its matches.
    await lockUsers(trx, await listMatchingPoolPeople(trx, run.periodId));
    const current = await loadMatchingPool(trx, run.periodId);
    const missing = [
      ...result.pairs.flatMap((p) => [p.menteeApplicationId, p.mentorApplicationId]),
      ...result.unmatched.map((u) => u.menteeApplicationId),
    ].some((id) => !current.byId.has(id));
    if (missing) throw STALE('Applications or pair rules changed after this proposal was made.');
    // Before the fingerprint: a changed count would make the run stale too, but this says who and why.
    refuseDoubleBookings(result.pairs, current, 'Take them out of this proposal, or run matching again, then approve.');
    if (current.fingerprint !== run.poolFingerprint) {
      throw STALE('Applications, pair rules or active matches changed after this proposal was made.');
    }
    if (!(await markRunApproved(trx, run.id, actor.userId, at)))
      throw new ConflictError('ALREADY_APPROVED', 'This proposal is already approved.');

    const app = (id: number): ApplicationRecord => current.byId.get(id) as ApplicationRecord;
    const words = programWords(settings, period.name, appOrigin(deps.config));
    // Written a chunk at a time (insertMatches, recordMails): two statements a pair and one a
    // message held the server for 7 seconds at 8,800 pairs.
    const matched = new Set<number>();
    const mails: MailDraft[] = [];
    const made = result.pairs.map((pair) => {
      const mentee = app(pair.menteeApplicationId);
      const mentor = app(pair.mentorApplicationId);
      matched.add(mentee.id).add(mentor.id);
      mails.push(announcementTo(words, mentee, mentor, now), announcementTo(words, mentor, mentee, now));
      return {
        periodId: period.id,
        mentorUserId: mentor.userId,
        menteeUserId: mentee.userId,
        mentorApplicationId: mentor.id,
        menteeApplicationId: mentee.id,
        matchingRunId: run.id,
        score: pair.score,
        explanation: pair.explanation,
        at,
        madeBy: actor.userId,
      };
    });
    await insertMatches(trx, made);
    const unmatched = current.pool.filter((a) => !matched.has(a.id));
    for (const a of unmatched) {
      mails.push(a.role === 'mentee' ? unmatchedMenteeMail({ ...words, to: to(a) }) : unmatchedMentorMail({ ...words, to: to(a) }));
    }
    const outboxIds = await recordMails(trx, now, mails);
    // An application withdrawn or edited since the staleness check would be overwritten: refuse instead.
    const moved =
      (await setApplicationStatuses(trx, [...matched], 'accepted', 'matched', at)) +
      (await setApplicationStatuses(
        trx,
        unmatched.map((a) => a.id),
        'accepted',
        'unmatched',
        at,
      ));
    if (moved !== current.pool.length) {
      throw new ConflictError(
        'STALE_RUN',
        'An application changed while the matches were being approved. Run matching again, then approve.',
      );
    }
    // The matched keep their role through the match; the unmatched lose it unless something else holds it.
    await syncParticipantRoles(
      trx,
      current.pool.map((a) => a.userId),
    );
    const counts = { matchesCreated: result.pairs.length, unmatchedNotified: unmatched.length };
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'matching_run.approved',
      entityType: 'matching_run',
      entityId: run.id,
      details: { periodId: period.id, ...counts, editedByHand: result.pairs.filter((p) => p.editedByHand).length },
      at,
    });
    // Approval moved the period from matching to active: say so as a status change of its own, the
    // same entry a manual move writes, so the period's history reads whole.
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'period.status_changed',
      entityType: 'period',
      entityId: period.id,
      details: { from: 'matching', to: 'active', by: 'matching_run.approved', runId: run.id },
      at,
    });
    return { ...counts, outboxIds, period: periodView({ ...period, status: 'active', updatedAt: at }) };
  });
  await deliverRecorded(deps, outcome.outboxIds);
  return { matchesCreated: outcome.matchesCreated, unmatchedNotified: outcome.unmatchedNotified, period: outcome.period };
}
