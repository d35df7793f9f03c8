import { appOrigin } from '../../config.ts';
import { isUniqueViolation } from '../../db/constraint-errors.ts';
import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, GoneError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { MentorRequest, MyMentorRequests, PeriodMentorRequests } from '../../shared/api/mentor-choice.ts';
import { MENTOR_REQUEST_STATUSES } from '../../shared/matching-modes.ts';
import type { MentorRequestStatus } from '../../shared/matching-modes.ts';
import { toInstant } from '../../time/instant.ts';
import { hasRole } from '../accounts/actor.ts';
import type { Actor } from '../accounts/actor.ts';
import { lockUser } from '../accounts/people.service.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { listApplicationsForPeriod, listApplicationsOfUser } from '../applications/applications.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { countActiveMatches } from '../matches/matches.service.ts';
import { deliverRecorded, recordMail } from '../notifications/mail.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import type { PeriodRecord } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { candidateInputsFor } from '../rematch/match-change.ts';
import { findCandidates } from '../rematch/rematch-candidates.rules.ts';
import { mentorRequestedMail, requestClosedMail, requestDeclinedMail, requestExpiredMail } from './mentor-request-mails.ts';
import type { RequestWords } from './mentor-request-mails.ts';
import { closedRequestMessage, effectiveStatus, REQUESTABLE_STATUSES, requestExpiresAt } from './mentor-request.rules.ts';
import { requestViews } from './mentor-request-views.ts';
import {
  closeMentorRequest,
  findMentorRequest,
  insertMentorRequest,
  listOverdueRequests,
  listPendingRequests,
  listRequestsOf,
  listRequestsOfPeriod,
} from './mentor-requests.store.ts';
import type { MentorRequestRecord } from './mentor-requests.store.ts';

export const requestWords = (deps: Pick<Deps, 'config'>, settings: ProgramSettings): RequestWords => ({
  programName: settings.programName,
  origin: appOrigin(deps.config),
  timeZone: settings.timeZone,
});

/** The mentee application through which this person chooses a mentor now, with its period. */
export async function choosingApplication(
  db: Executor,
  userId: number,
  modes: readonly PeriodRecord['matchingMode'][],
  statuses: readonly PeriodRecord['status'][] = REQUESTABLE_STATUSES,
): Promise<{ application: ApplicationRecord; period: PeriodRecord } | null> {
  for (const application of await listApplicationsOfUser(db, userId)) {
    if (application.role !== 'mentee' || application.status !== 'accepted') continue;
    const period = await findPeriod(db, application.periodId);
    if (period && modes.includes(period.matchingMode) && statuses.includes(period.status)) return { application, period };
  }
  return null;
}

const NOT_CHOOSING = () =>
  new ConflictError(
    'NOT_CHOOSING',
    'You can ask a mentor once your mentee application is accepted in a period where mentees choose their mentor.',
  );
const NOT_A_CANDIDATE = (why: string) =>
  new RuleViolationError('NOT_A_CANDIDATE', `You cannot ask this mentor: ${why}.`, [
    { path: 'mentorId', message: 'Choose one of your suggested mentors.' },
  ]);

/**
 * Whether this mentor can be this mentee's, by the same rules as a re-match (rematch-candidates):
 * a mentor with no place left is a 409 (it may change), any other reason a 422 with why.
 */
async function assertCandidate(
  db: Executor,
  mentee: ApplicationRecord,
  mentor: ApplicationRecord,
  now: Date,
): Promise<{ score: number; explanation: string }> {
  const inputs = await candidateInputsFor(db, mentee, now, [mentor]);
  const search = findCandidates(inputs);
  const found = search.candidates.find((c) => c.application.id === mentor.id);
  if (found) return { score: found.score, explanation: found.explanation };
  const load = inputs.activeLoads.get(mentor.userId) ?? { mentor: 0, mentee: 0 };
  if (load.mentor >= mentor.answers.capacity) {
    throw new ConflictError('MENTOR_FULL', `${mentor.applicantName} has no places left. Choose another of your suggested mentors.`);
  }
  throw NOT_A_CANDIDATE((search.notOffered[0] ?? 'not eligible').replace(/^1 /, ''));
}

/** A mentee asks a mentor, with a short note. The mentor hears at once; the request lapses if unanswered. */
export async function askMentor(deps: Deps, actor: Actor, body: { mentorId: number; note: string }): Promise<MentorRequest> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const at = toInstant(now);
  const words = requestWords(deps, settings);
  const { id, outboxIds } = await deps.db
    .transaction()
    .execute(async (trx) => {
      const choosing = await choosingApplication(trx, actor.userId, ['participant_choice']);
      if (!choosing) throw NOT_CHOOSING();
      const { application: mentee, period } = choosing;
      // One mentee's requests queue here, so two tabs cannot both take the last of their N.
      await lockUser(trx, actor.userId);
      if (body.mentorId === actor.userId) {
        throw new RuleViolationError('CANNOT_ASK_YOURSELF', 'You cannot be your own mentor: choose someone else.', [
          { path: 'mentorId', message: 'Choose someone else.' },
        ]);
      }
      // Requests of this mentee that lapsed before the job came round are closed now (and the
      // mentee told), so the lapsed one counts neither against the limit nor as asked already.
      const lapsed = await expireOverdueRequests(trx, deps, settings, now, { menteeUserId: actor.userId });
      if (((await countActiveMatches(trx, [actor.userId])).get(actor.userId)?.mentee ?? 0) > 0) {
        throw new ConflictError('ALREADY_MATCHED', 'You already have a mentor. Your match page has the details.');
      }
      const mentor = (await listApplicationsForPeriod(trx, period.id)).find((a) => a.role === 'mentor' && a.userId === body.mentorId);
      if (!mentor) throw NOT_A_CANDIDATE(`they are not a mentor in ${period.name}`);
      const pending = await listPendingRequests(trx, { menteeUserId: actor.userId }, at);
      if (pending.some((p) => p.mentorUserId === body.mentorId)) {
        throw new ConflictError('ALREADY_ASKED', `You have already asked ${mentor.applicantName}; their answer is on its way.`);
      }
      if (pending.length >= settings.requestsAtOnce) {
        throw new ConflictError(
          'TOO_MANY_REQUESTS',
          settings.requestsAtOnce === 1
            ? 'You can ask one mentor at a time. Wait for their answer, or withdraw your request first.'
            : `You can ask ${settings.requestsAtOnce} mentors at a time. Wait for an answer, or withdraw a request first.`,
        );
      }
      const declined = (await listRequestsOf(trx, 'mentee', actor.userId)).some(
        (r) => r.periodId === period.id && r.mentorUserId === mentor.userId && r.status === 'declined',
      );
      if (declined) {
        throw new ConflictError(
          'ALREADY_DECLINED',
          `${mentor.applicantName} has answered that they cannot take you on. Choose another of your suggested mentors.`,
        );
      }
      await assertCandidate(trx, mentee, mentor, now);
      const expiresAt = requestExpiresAt(now, settings.requestExpiryDays, settings.timeZone);
      const id = await insertMentorRequest(trx, {
        periodId: period.id,
        menteeUserId: actor.userId,
        mentorUserId: mentor.userId,
        menteeApplicationId: mentee.id,
        mentorApplicationId: mentor.id,
        note: body.note,
        expiresAt: toInstant(expiresAt),
        at,
      });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'mentor_request.created',
        entityType: 'mentor_request',
        entityId: id,
        details: { periodId: period.id, mentorUserId: mentor.userId },
        at,
      });
      const mail = mentorRequestedMail({
        ...words,
        to: { address: mentor.applicantEmail, name: mentor.applicantName },
        menteeName: mentee.applicantName,
        note: body.note,
        requestId: id,
        expiresAt,
      });
      return { id, outboxIds: [...lapsed, await recordMail(trx, now, mail)] };
    })
    .catch((err: unknown) => {
      if (isUniqueViolation(err))
        throw new ConflictError('ALREADY_ASKED', 'You have already asked this mentor; their answer is on its way.');
      throw err;
    });
  await deliverRecorded(deps, outboxIds);
  return getMentorRequest(deps, actor, id);
}

type Part = 'mentee' | 'mentor' | 'staff';

/** The viewer's part in a request, or a 404 for anyone who has none (as if it did not exist). */
function partIn(actor: Actor, r: MentorRequestRecord | undefined, allowed: readonly Part[]): { r: MentorRequestRecord; part: Part } {
  if (r) {
    if (allowed.includes('mentor') && r.mentorUserId === actor.userId) return { r, part: 'mentor' };
    if (allowed.includes('mentee') && r.menteeUserId === actor.userId) return { r, part: 'mentee' };
    if (allowed.includes('staff') && hasRole(actor, 'staff')) return { r, part: 'staff' };
  }
  throw new NotFoundError('request');
}

export async function getMentorRequest(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: number): Promise<MentorRequest> {
  const { r, part } = partIn(actor, await findMentorRequest(deps.db, id), ['mentor', 'mentee', 'staff']);
  const [view] = await requestViews(deps.db, [r], part, deps.clock.now());
  return view as MentorRequest;
}

export async function listMyMentorRequests(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<MyMentorRequests> {
  const now = deps.clock.now();
  const received = await requestViews(deps.db, await listRequestsOf(deps.db, 'mentor', actor.userId), 'mentor', now);
  const order = (s: MentorRequestStatus) => (s === 'pending' ? 0 : 1);
  return {
    sent: await requestViews(deps.db, await listRequestsOf(deps.db, 'mentee', actor.userId), 'mentee', now),
    received: received.sort((a, b) => order(a.status) - order(b.status)),
  };
}

export async function listPeriodMentorRequests(deps: Pick<Deps, 'db' | 'clock'>, periodId: number): Promise<PeriodMentorRequests> {
  const period = await findPeriod(deps.db, periodId);
  if (!period) throw new NotFoundError('period');
  const requests = await requestViews(deps.db, await listRequestsOfPeriod(deps.db, periodId), 'staff', deps.clock.now());
  const counts = Object.fromEntries(
    MENTOR_REQUEST_STATUSES.map((s) => [s, requests.filter((r) => r.status === s).length]),
  ) as PeriodMentorRequests['counts'];
  return { period: { id: period.id, name: period.name, mode: period.matchingMode }, counts, requests };
}

/** Still answerable: pending and in time. Anything else is a clear 409 (or 410 once lapsed). */
function assertOpen(r: MentorRequestRecord, now: Date): void {
  const status = effectiveStatus(r, now);
  if (status === 'pending') return;
  if (status === 'expired') throw new GoneError('REQUEST_EXPIRED', closedRequestMessage('expired'));
  throw new ConflictError('REQUEST_CLOSED', closedRequestMessage(status));
}

/** The mentor (or staff, stepping in) says no, with optional words for the mentee. */
export async function declineMentorRequest(deps: Deps, actor: Actor, id: number, note: string): Promise<MentorRequest> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const at = toInstant(now);
  const outboxIds = await deps.db.transaction().execute(async (trx) => {
    const { r, part } = partIn(actor, await findMentorRequest(trx, id), ['mentor', 'staff']);
    assertOpen(r, now);
    if (!(await closeMentorRequest(trx, r.id, { status: 'declined', note: note || null, by: actor.userId, at, inTimeAt: at }))) {
      throw new ConflictError('REQUEST_CLOSED', 'Someone answered this request just now. Reload to see what happened.');
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'mentor_request.declined',
      entityType: 'mentor_request',
      entityId: r.id,
      details: { by: part },
      at,
    });
    const mentee = (await listApplicationsOfUser(trx, r.menteeUserId)).find((a) => a.id === r.menteeApplicationId);
    if (!mentee) return [];
    const mail = requestDeclinedMail({
      ...requestWords(deps, settings),
      to: { address: mentee.applicantEmail, name: mentee.applicantName },
      mentorName: r.mentorName,
      note,
    });
    return [await recordMail(trx, now, mail)];
  });
  await deliverRecorded(deps, outboxIds);
  return getMentorRequest(deps, actor, id);
}

/** The mentee takes a request back; staff closing one for the program tell the mentee why. */
export async function withdrawMentorRequest(deps: Deps, actor: Actor, id: number, note = ''): Promise<MentorRequest> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const at = toInstant(now);
  const outboxIds = await deps.db.transaction().execute(async (trx) => {
    const { r, part } = partIn(actor, await findMentorRequest(trx, id), ['mentee', 'staff']);
    assertOpen(r, now);
    const status = part === 'mentee' ? 'withdrawn' : 'cancelled';
    if (!(await closeMentorRequest(trx, r.id, { status, note: note || null, by: actor.userId, at }))) {
      throw new ConflictError('REQUEST_CLOSED', 'This request was answered just now. Reload to see what happened.');
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: `mentor_request.${status}`,
      entityType: 'mentor_request',
      entityId: r.id,
      details: {},
      at,
    });
    if (part === 'mentee') return [];
    const mentee = (await listApplicationsOfUser(trx, r.menteeUserId)).find((a) => a.id === r.menteeApplicationId);
    if (!mentee) return [];
    const mail = requestClosedMail({
      ...requestWords(deps, settings),
      to: { address: mentee.applicantEmail, name: mentee.applicantName },
      mentorName: r.mentorName,
      why: 'staff',
      note,
    });
    return [await recordMail(trx, now, mail)];
  });
  await deliverRecorded(deps, outboxIds);
  return getMentorRequest(deps, actor, id);
}

/**
 * Lapses requests nobody answered in time, telling each mentee (for the job queue; inside its
 * transaction). The conditional close means a mentor's answer racing this job wins or loses whole.
 */
export async function expireOverdueRequests(
  trx: Executor,
  deps: Pick<Deps, 'config'>,
  settings: ProgramSettings,
  now: Date,
  only?: { menteeUserId: number },
  limit = 200,
): Promise<number[]> {
  const at = toInstant(now);
  const outboxIds: number[] = [];
  for (const r of await listOverdueRequests(trx, at, limit, only?.menteeUserId)) {
    if (!(await closeMentorRequest(trx, r.id, { status: 'expired', note: null, by: null, at }))) continue;
    await recordAudit(trx, {
      actorId: null,
      action: 'mentor_request.expired',
      entityType: 'mentor_request',
      entityId: r.id,
      details: {},
      at,
    });
    const mentee = (await listApplicationsOfUser(trx, r.menteeUserId)).find((a) => a.id === r.menteeApplicationId);
    if (!mentee) continue;
    const mail = requestExpiredMail({
      ...requestWords(deps, settings),
      to: { address: mentee.applicantEmail, name: mentee.applicantName },
      mentorName: r.mentorName,
      days: settings.requestExpiryDays,
    });
    outboxIds.push(await recordMail(trx, now, mail));
  }
  return outboxIds;
}

export { acceptMentorRequest } from './accept-request.ts';
