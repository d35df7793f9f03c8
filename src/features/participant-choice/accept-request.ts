import { appOrigin } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { MentorRequest } from '../../shared/api/mentor-choice.ts';
import { toInstant } from '../../time/instant.ts';
import { hasRole } from '../accounts/actor.ts';
import type { Actor } from '../accounts/actor.ts';
import { lockUser } from '../accounts/people.service.ts';
import { findApplication, setApplicationStatus } from '../applications/applications.service.ts';
import { syncParticipantRoles } from '../applications/participant-roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { countActiveMatches, insertMatch } from '../matches/matches.service.ts';
import { announcementTo, programWords } from '../matching-runs/match-mails.ts';
import { deliverRecorded, recordMail } from '../notifications/mail.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { candidateInputsFor } from '../rematch/match-change.ts';
import { findCandidates } from '../rematch/rematch-candidates.rules.ts';
import { requestClosedMail } from './mentor-request-mails.ts';
import { closedRequestMessage, effectiveStatus, REQUESTABLE_STATUSES } from './mentor-request.rules.ts';
import { requestViews } from './mentor-request-views.ts';
import { closeMentorRequest, findMentorRequest, listPendingRequests } from './mentor-requests.store.ts';
import { GoneError } from '../../errors.ts';
import { refreshSuggestionsSoon } from './suggestions.service.ts';

/**
 * The mentor (or staff, stepping in) accepts: the request becomes a match, in one transaction,
 * exactly as an approved match is made — the same row and history, goal-sheet deadline, role
 * sync and announcement e-mails. Both people are locked first (in id order), so two acceptances
 * racing for a mentor's last place queue, and the second finds it taken: exactly one wins.
 * The mentee's other requests close; if the mentor is now full, so do the requests still waiting
 * on them, and those mentees hear it at once.
 */
export async function acceptMentorRequest(
  deps: Deps,
  actor: Actor,
  id: number,
  note: string,
): Promise<{ request: MentorRequest; matchId: number }> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const at = toInstant(now);
  const words = { programName: settings.programName, origin: appOrigin(deps.config), timeZone: settings.timeZone };
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const first = await findMentorRequest(trx, id);
    if (!first || !(first.mentorUserId === actor.userId || hasRole(actor, 'staff'))) throw new NotFoundError('request');
    for (const userId of [first.menteeUserId, first.mentorUserId].sort((a, b) => a - b)) await lockUser(trx, userId);
    // Read again under the locks: what the checks below see is what this transaction writes over.
    const r = await findMentorRequest(trx, id);
    if (!r) throw new NotFoundError('request');
    const status = effectiveStatus(r, now);
    if (status === 'expired') throw new GoneError('REQUEST_EXPIRED', closedRequestMessage('expired'));
    if (status !== 'pending') throw new ConflictError('REQUEST_CLOSED', closedRequestMessage(status));
    const period = await findPeriod(trx, r.periodId);
    if (!period || period.matchingMode !== 'participant_choice' || !REQUESTABLE_STATUSES.includes(period.status)) {
      throw new ConflictError(
        'NOT_CHOOSING',
        'Requests in this period can no longer be accepted: the program office now makes its matches.',
      );
    }
    const [mentee, mentor] = [await findApplication(trx, r.menteeApplicationId), await findApplication(trx, r.mentorApplicationId)];
    if (!mentee || !mentor || mentee.status !== 'accepted') {
      throw new ConflictError(
        'REQUEST_CLOSED',
        'The mentee’s application has changed since they asked, so this request can no longer be accepted.',
      );
    }
    const loads = await countActiveMatches(trx, [mentee.userId, mentor.userId]);
    if ((loads.get(mentee.userId)?.mentee ?? 0) > 0) {
      throw new ConflictError('ALREADY_MATCHED', `${mentee.applicantName} has found a mentor in the meantime.`);
    }
    if ((loads.get(mentor.userId)?.mentor ?? 0) >= mentor.answers.capacity) {
      throw new ConflictError('MENTOR_FULL', `${mentor.applicantName} has no places left: every place is taken.`);
    }
    // The program's rules may have changed since the request (a pair ruled out, a new required criterion).
    const pair = findCandidates(await candidateInputsFor(trx, mentee, now, [mentor])).candidates[0];
    if (!pair)
      throw new ConflictError(
        'NOT_A_CANDIDATE',
        `The program’s rules no longer allow ${mentee.applicantName} and ${mentor.applicantName} as a pair.`,
      );

    const matchId = await insertMatch(trx, {
      periodId: period.id,
      mentorUserId: mentor.userId,
      menteeUserId: mentee.userId,
      mentorApplicationId: mentor.id,
      menteeApplicationId: mentee.id,
      matchingRunId: null,
      score: pair.score,
      explanation: pair.explanation,
      at,
      madeBy: actor.userId,
    });
    if (!(await closeMentorRequest(trx, r.id, { status: 'accepted', note: note || null, by: actor.userId, matchId, at, inTimeAt: at }))) {
      throw new ConflictError('REQUEST_CLOSED', 'Someone answered this request just now. Reload to see what happened.');
    }
    for (const a of [mentee, mentor]) {
      if (a.status === 'matched') continue;
      if (!(await setApplicationStatus(trx, a.id, a.status, 'matched', a.decisionReason, at))) {
        throw new ConflictError('REQUEST_CLOSED', `${a.applicantName}’s application changed just now. Reload and try again.`);
      }
    }
    await syncParticipantRoles(trx, [mentee.userId, mentor.userId]);

    const outboxIds: number[] = [];
    const matchWords = programWords(settings, period.name, words.origin);
    for (const [self, other] of [
      [mentee, mentor],
      [mentor, mentee],
    ] as const) {
      outboxIds.push(await recordMail(trx, now, announcementTo(matchWords, self, other, now)));
    }
    // The mentee has a mentor: their other requests are done.
    for (const other of await listPendingRequests(trx, { menteeUserId: mentee.userId }, at)) {
      await closeMentorRequest(trx, other.id, { status: 'cancelled', note: null, by: null, at });
    }
    // The mentor's last place is gone: the mentees still waiting on them hear it now, not at expiry.
    let closedForFull = 0;
    if ((loads.get(mentor.userId)?.mentor ?? 0) + 1 >= mentor.answers.capacity) {
      for (const other of await listPendingRequests(trx, { mentorUserId: mentor.userId }, at)) {
        if (!(await closeMentorRequest(trx, other.id, { status: 'cancelled', note: null, by: null, at }))) continue;
        closedForFull++;
        const waiting = await findApplication(trx, other.menteeApplicationId);
        if (!waiting) continue;
        const mail = requestClosedMail({
          ...words,
          to: { address: waiting.applicantEmail, name: waiting.applicantName },
          mentorName: mentor.applicantName,
          why: 'mentor-full',
          note: '',
        });
        outboxIds.push(await recordMail(trx, now, mail));
      }
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'mentor_request.accepted',
      entityType: 'mentor_request',
      entityId: r.id,
      details: { matchId, periodId: period.id, steppedIn: actor.userId !== mentor.userId, closedForFull },
      at,
    });
    const [view] = await requestViews(
      trx,
      [{ ...r, status: 'accepted', answerNote: note || null, answeredAt: at, answeredBy: actor.userId, matchId }],
      actor.userId === r.mentorUserId ? 'mentor' : 'staff',
      now,
    );
    return { view: view as MentorRequest, matchId, outboxIds, periodId: period.id };
  });
  await deliverRecorded(deps, outcome.outboxIds);
  refreshSuggestionsSoon(deps, outcome.periodId);
  return { request: outcome.view, matchId: outcome.matchId };
}
