import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { assertRowId } from '../../db/row-id.ts';
import { ConflictError, NotFoundError, PermissionError } from '../../errors.ts';
import type {
  CandidateList,
  MatchChangeResult,
  MatchHistory,
  MatchRematchState,
  MyRematchOverview,
  MyRematchRequest,
  RematchCandidates,
  RematchQueue,
  RematchQueueItem,
} from '../../shared/api/rematch.ts';
import type { EndMatchBody, NextStep, RequestRematchBody, ResolveRematchBody } from '../../shared/api/rematch.ts';
import { endMatchBodySchema, requestRematchBodySchema, resolveRematchBodySchema } from '../../shared/api/rematch.ts';
import type { MatchSide } from '../../shared/match-management.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { findApplication, listApplicationsOfUser, nextPeriodAfter } from '../applications/applications.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findMatchRecord, findMatchRecords, listMatchEvents, listMatchIdsOfPeople, recordMatchEvent } from '../matches/matches.service.ts';
import { historyLine } from './match-history-words.ts';
import type { MatchRecord } from '../matches/matches.service.ts';
import { deliverRecorded, recordMail } from '../notifications/mail.service.ts';
import { listPeriods } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { candidatesFor, endAndMove, rematchWords } from './match-change.ts';
import type { ChangeContext } from './match-change.ts';
import { keptMail, requestReceivedMail } from './rematch-mails.ts';
import { listPairFacts, namesOf } from './rematch-queue.store.ts';
import {
  closeRematchRequest,
  findRematchRequest,
  insertRematchRequest,
  listRequestsBy,
  listRequestsInStatus,
  listRequestsOfMatches,
} from './rematch-requests.store.ts';
import type { RematchRequestRecord } from './rematch-requests.store.ts';
import { rematchWindow, windowClosedMessage } from './rematch-window.rules.ts';

const isStaff = (actor: Actor): boolean => hasRole(actor, 'staff');
const isReader = (actor: Actor): boolean => isStaff(actor) || hasRole(actor, 'committee');

/** Staff act on the queue; the committee too when the settings say so. Everyone else reads (the route lets in only staff and committee). */
function assertMayAct(actor: Actor, settings: ProgramSettings): void {
  if (isStaff(actor) || (hasRole(actor, 'committee') && settings.committeeHandlesRematch)) return;
  throw new PermissionError('FORBIDDEN', 'Only the program office acts on re-match requests; the committee can read the queue.');
}

/** The side the actor is on in this match, or null when it is not theirs. */
function sideOf(match: MatchRecord, userId: number): MatchSide | null {
  if (match.mentee.userId === userId) return 'mentee';
  if (match.mentor.userId === userId) return 'mentor';
  return null;
}

const myView = (r: RematchRequestRecord): MyRematchRequest => ({
  id: r.id,
  matchId: r.matchId,
  status: r.status,
  side: r.side,
  reason: r.reason,
  wishes: r.wishes,
  createdAt: r.createdAt,
  resolvedAt: r.resolvedAt,
  // Only a kept match carries a note meant for the requester.
  resolutionNote: r.status === 'kept' ? r.resolutionNote : null,
});

/** A match of the caller's (or 404: someone else's match does not exist for them). */
async function ownMatch(deps: Pick<Deps, 'db'>, actor: Actor, matchId: number): Promise<{ match: MatchRecord; side: MatchSide }> {
  assertRowId(matchId, 'match');
  const match = await findMatchRecord(deps.db, matchId);
  const side = match && sideOf(match, actor.userId);
  if (!match || !side) throw new NotFoundError('match');
  return { match, side };
}

/** The guarantee on one of the caller's matches: may they ask, until when, and their own request. */
export async function getMatchRematchState(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, matchId: number): Promise<MatchRematchState> {
  const { match } = await ownMatch(deps, actor, matchId);
  const settings = await getSettings(deps);
  const window = rematchWindow(match.matchedAt, settings, deps.clock.now());
  const mine = (await listRequestsOfMatches(deps.db, [match.id])).filter((r) => r.requestedBy === actor.userId);
  const latest = mine.at(-1) ?? null;
  const open = window.open && match.status === 'active';
  return {
    matchId: match.id,
    matchStatus: match.status,
    closesOn: window.closesOn,
    open,
    contact: settings.goalSheetContact,
    closedMessage: open ? null : windowClosedMessage(window.closesOn, settings.goalSheetContact),
    myRequest: latest && myView(latest),
  };
}

/**
 * A participant asks for a new partner, inside the guarantee window judged at this instant in the
 * program's time zone. One open request per person per match (the database keeps that even when
 * two arrive together). The partner is not told; the requester gets a receipt.
 */
export async function requestRematch(deps: Deps, actor: Actor, matchId: number, body: RequestRematchBody): Promise<MyRematchRequest> {
  const input = requestRematchBodySchema.parse(body);
  const { match, side } = await ownMatch(deps, actor, matchId);
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  if (match.status !== 'active') throw new ConflictError('MATCH_NOT_ACTIVE', 'This match has ended, so there is no partner to replace.');
  const window = rematchWindow(match.matchedAt, settings, now);
  if (!window.open) throw new ConflictError('REMATCH_WINDOW_CLOSED', windowClosedMessage(window.closesOn, settings.goalSheetContact));
  const at = toInstant(now);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const already = (await listRequestsOfMatches(trx, [match.id])).some((r) => r.requestedBy === actor.userId && r.status === 'open');
    if (already) throw alreadyAsked();
    let request: RematchRequestRecord;
    try {
      request = await insertRematchRequest(trx, {
        matchId: match.id,
        requestedBy: actor.userId,
        side,
        reason: input.reason,
        wishes: input.wishes,
        at,
      });
    } catch (error) {
      // Two requests at the same moment: the unique index lets one in.
      if (isUniqueViolation(error)) throw alreadyAsked();
      throw error;
    }
    await recordMatchEvent(trx, {
      matchId: match.id,
      kind: 'rematch_requested',
      actorId: actor.userId,
      details: { requestId: request.id, side },
      at,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'rematch_request.created',
      entityType: 'rematch_request',
      entityId: request.id,
      at,
    });
    const self = match[side];
    const outboxId = await recordMail(
      trx,
      now,
      requestReceivedMail({
        ...rematchWords(deps, settings),
        to: { address: self.email, name: self.name },
        partnerRole: side === 'mentee' ? 'mentor' : 'mentee',
      }),
    );
    return { request, outboxId };
  });
  await deliverRecorded(deps, [outcome.outboxId]);
  return myView(outcome.request);
}

const alreadyAsked = () =>
  new ConflictError(
    'REMATCH_ALREADY_REQUESTED',
    'You have already asked for a new partner on this match; the program office will be in touch.',
  );

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (typeof e.message === 'string' && e.message.includes('UNIQUE constraint failed'))
  );
}

/** The requester changes their mind, until staff act. */
export async function withdrawRematchRequest(deps: Deps, actor: Actor, requestId: number): Promise<MyRematchRequest> {
  assertRowId(requestId, 're-match request');
  const at = toInstant(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const request = await findRematchRequest(trx, requestId);
    if (!request || request.requestedBy !== actor.userId) throw new NotFoundError('re-match request');
    if (!(await closeRematchRequest(trx, request.id, 'withdrawn', actor.userId, null, at))) {
      throw new ConflictError('REQUEST_NOT_OPEN', 'This request is no longer open: the program office has already acted on it.');
    }
    await recordMatchEvent(trx, { matchId: request.matchId, kind: 'rematch_withdrawn', actorId: actor.userId, details: { requestId }, at });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'rematch_request.withdrawn',
      entityType: 'rematch_request',
      entityId: requestId,
      at,
    });
    return myView({ ...request, status: 'withdrawn', resolvedAt: at, resolvedBy: actor.userId });
  });
}

/** Home: the caller's own requests, and where a "reapply next period" outcome leaves them. */
export async function getMyRematchOverview(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<MyRematchOverview> {
  const requests = await listRequestsBy(deps.db, [actor.userId]);
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const mine = await findMatchRecords(deps.db, await listMatchIdsOfPeople(deps.db, [actor.userId]));
  const asked = new Set(requests.filter((r) => r.status === 'open').map((r) => r.matchId));
  const openWindows = mine.flatMap((m) => {
    const side = sideOf(m, actor.userId);
    const window = rematchWindow(m.matchedAt, settings, now);
    if (m.status !== 'active' || !side || !window.open || window.closesOn === null || asked.has(m.id)) return [];
    const partnerRole: MatchSide = side === 'mentee' ? 'mentor' : 'mentee';
    return [{ matchId: m.id, partnerName: m[partnerRole].name, partnerRole, closesOn: window.closesOn }];
  });
  const applications = await listApplicationsOfUser(deps.db, actor.userId);
  // The latest application staff placed in the next pool (carry-forward as accepted).
  const placed = applications.filter((a) => a.carryForward && a.carryForwardAs === 'accepted').sort((a, b) => b.id - a.id)[0];
  if (!placed) return { requests: requests.map(myView).reverse(), openWindows, reapply: null };
  const periods = await listPeriods(deps.db);
  const source = periods.find((p) => p.id === placed.periodId);
  const next = source ? nextPeriodAfter(periods, source) : null;
  // In the pool: the copy, or an application of their own they already had there in that role.
  const copy =
    applications.find((a) => a.carriedFromId === placed.id) ??
    (next
      ? applications.find((a) => a.periodId === next.id && a.role === placed.role && a.status !== 'withdrawn' && a.status !== 'declined')
      : undefined);
  const copyPeriod = copy ? periods.find((p) => p.id === copy.periodId) : undefined;
  const shown = copyPeriod ?? next;
  return {
    requests: requests.map(myView).reverse(),
    openWindows,
    reapply: {
      nextPeriod: shown
        ? {
            id: shown.id,
            name: shown.name,
            status: shown.status,
            applicationsOpenOn: shown.applicationsOpenOn,
            matchesAnnouncedOn: shown.matchesAnnouncedOn,
          }
        : null,
      inPool: copy !== undefined,
    },
  };
}

/** The staff queue: oldest first, with the reason, the wishes and both people's history. */
export async function listRematchQueue(deps: Pick<Deps, 'db'>, actor: Actor, status: 'open' | 'all'): Promise<RematchQueue> {
  if (!isReader(actor)) throw new PermissionError('FORBIDDEN', 'Only the program office and the committee see re-match requests.');
  const settings = await getSettings(deps);
  const requests = await listRequestsInStatus(
    deps.db,
    status === 'open' ? ['open'] : ['open', 'withdrawn', 'rematched', 'reapply', 'kept', 'closed'],
  );
  const matches = new Map((await findMatchRecords(deps.db, [...new Set(requests.map((r) => r.matchId))])).map((m) => [m.id, m]));
  const people = [...new Set([...matches.values()].flatMap((m) => [m.mentor.userId, m.mentee.userId]))];
  const theirMatches = await listMatchIdsOfPeople(deps.db, people);
  const everyRequest = await listRequestsOfMatches(deps.db, theirMatches);
  const facts = await listPairFacts(deps.db, [...matches.keys()]);
  const names = await namesOf(deps.db, [
    ...everyRequest.map((r) => r.requestedBy),
    ...requests.flatMap((r) => (r.resolvedBy === null ? [] : [r.resolvedBy])),
  ]);
  const otherMatches = new Map((await findMatchRecords(deps.db, [...new Set(everyRequest.map((r) => r.matchId))])).map((m) => [m.id, m]));
  const items: RematchQueueItem[] = requests.flatMap((r) => {
    const m = matches.get(r.matchId);
    if (!m) return [];
    const requester = m[r.side];
    const partner = m[r.side === 'mentee' ? 'mentor' : 'mentee'];
    const pair = new Set([m.mentor.userId, m.mentee.userId]);
    const earlier = everyRequest.filter((e) => {
      if (e.id === r.id || e.createdAt > r.createdAt) return false;
      const em = otherMatches.get(e.matchId);
      return em !== undefined && (pair.has(em.mentor.userId) || pair.has(em.mentee.userId));
    });
    const f = facts.get(m.id);
    return [
      {
        id: r.id,
        status: r.status,
        createdAt: r.createdAt,
        side: r.side,
        reason: r.reason,
        wishes: r.wishes,
        requester: { userId: requester.userId, name: requester.name, email: requester.email },
        partner: { userId: partner.userId, name: partner.name, email: partner.email },
        match: {
          id: m.id,
          status: m.status,
          periodId: m.periodId,
          periodName: m.periodName,
          matchedAt: m.matchedAt,
          windowClosesOn: rematchWindow(m.matchedAt, settings, new Date(r.createdAt)).closesOn,
        },
        history: {
          contactsLogged: f?.contactsLogged ?? 0,
          lastContactOn: f?.lastContactOn ?? null,
          goalSheetStatus: f?.goalSheetStatus ?? 'none',
          earlierRequests: earlier.map((e) => ({
            id: e.id,
            matchId: e.matchId,
            requesterName: names.get(e.requestedBy) ?? 'Someone',
            status: e.status,
            createdAt: e.createdAt,
          })),
        },
        resolutionNote: r.resolutionNote,
        resolvedAt: r.resolvedAt,
        resolvedBy: r.resolvedBy === null ? null : (names.get(r.resolvedBy) ?? null),
      },
    ];
  });
  return { requests: items, canAct: isStaff(actor) || (hasRole(actor, 'committee') && settings.committeeHandlesRematch) };
}

async function openRequest(deps: Pick<Deps, 'db'>, requestId: number): Promise<{ request: RematchRequestRecord; match: MatchRecord }> {
  assertRowId(requestId, 're-match request');
  const request = await findRematchRequest(deps.db, requestId);
  const match = request && (await findMatchRecord(deps.db, request.matchId));
  if (!request || !match) throw new NotFoundError('re-match request');
  return { request, match };
}

/** The engine's offers for both people of a request's match: the requester and the partner left behind. */
export async function getRematchCandidates(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, requestId: number): Promise<RematchCandidates> {
  if (!isReader(actor)) throw new PermissionError('FORBIDDEN', 'Only the program office and the committee see re-match requests.');
  const { request, match } = await openRequest(deps, requestId);
  const partnerSide: MatchSide = request.side === 'mentee' ? 'mentor' : 'mentee';
  return {
    requester: await candidateList(deps, match, request.side),
    partner: await candidateList(deps, match, partnerSide),
  };
}

/** The engine's best offers staff see for each person. */
const CANDIDATES_SHOWN = 10;

/** Candidates for one side of a match, as they would be if the match ended now. */
export async function candidateList(deps: Pick<Deps, 'db' | 'clock'>, match: MatchRecord, side: MatchSide): Promise<CandidateList> {
  const person = match[side];
  const application = await findApplication(deps.db, person.applicationId);
  if (!application) throw new NotFoundError('application');
  const search = await candidatesFor(deps.db, application, deps.clock.now(), CANDIDATES_SHOWN);
  return {
    person: { userId: person.userId, name: person.name, email: person.email, side, applicationId: application.id },
    candidates: search.candidates.map((c) => ({
      applicationId: c.application.id,
      userId: c.application.userId,
      name: c.application.applicantName,
      score: Math.round(c.score * 10) / 10,
      explanation: c.explanation,
      reasons: c.reasons.map((r) => ({ criterion: r.criterion, polarity: r.polarity, text: r.text })),
      placesLeft: c.placesLeft,
    })),
    notOffered: search.notOffered,
  };
}

async function changeContext<T>(deps: Deps, actor: Actor, work: (ctx: ChangeContext) => Promise<T>): Promise<T> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const outboxIds: number[] = [];
  const result = await deps.db.transaction().execute((trx) => work({ deps, trx, actor, now, at: toInstant(now), settings, outboxIds }));
  await deliverRecorded(deps, outboxIds);
  return result;
}

/**
 * Staff act on a request: keep the match (with a note to the requester), or end it and give each
 * person their next step. One transaction; of two staff acting at once, one wins and the other
 * gets 409 REQUEST_NOT_OPEN with nothing changed.
 */
export async function resolveRematchRequest(
  deps: Deps,
  actor: Actor,
  requestId: number,
  body: ResolveRematchBody,
): Promise<MatchChangeResult> {
  const input = resolveRematchBodySchema.parse(body);
  assertRowId(requestId, 're-match request');
  return changeContext(deps, actor, async (ctx) => {
    assertMayAct(actor, ctx.settings);
    const request = await findRematchRequest(ctx.trx, requestId);
    const match = request && (await findMatchRecord(ctx.trx, request.matchId));
    if (!request || !match) throw new NotFoundError('re-match request');
    const to =
      input.action === 'keep'
        ? 'kept'
        : input.requester.kind === 'rematch'
          ? 'rematched'
          : input.requester.kind === 'reapply'
            ? 'reapply'
            : 'closed';
    const note = input.note.trim() === '' ? null : input.note.trim();
    // First write, conditional on the request being open: the race between two staff ends here.
    if (!(await closeRematchRequest(ctx.trx, request.id, to, actor.userId, note, ctx.at))) {
      throw new ConflictError('REQUEST_NOT_OPEN', 'This request is no longer open: someone has already acted on it, or it was withdrawn.');
    }
    if (input.action === 'keep') {
      await recordMatchEvent(ctx.trx, {
        matchId: match.id,
        kind: 'rematch_kept',
        actorId: actor.userId,
        details: { requestId },
        at: ctx.at,
      });
      await recordAudit(ctx.trx, {
        actorId: actor.userId,
        action: 'rematch_request.resolved',
        entityType: 'match',
        entityId: match.id,
        details: { requestId, action: 'keep' },
        at: ctx.at,
      });
      const requester = match[request.side];
      const partner = match[request.side === 'mentee' ? 'mentor' : 'mentee'];
      ctx.outboxIds.push(
        await recordMail(
          ctx.trx,
          ctx.now,
          keptMail({
            ...rematchWords(deps, ctx.settings),
            to: { address: requester.email, name: requester.name },
            partnerName: partner.name,
            note: note ?? '',
          }),
        ),
      );
      return { endedMatchId: null, newMatchIds: [], reapplied: [] };
    }
    const partnerSide: MatchSide = request.side === 'mentee' ? 'mentor' : 'mentee';
    const steps = { [request.side]: input.requester, [partnerSide]: input.partner } as Record<MatchSide, NextStep>;
    return endAndMove(ctx, match, note ?? `Re-match requested by the ${request.side}`, steps, {
      requestId: request.id,
      first: request.side,
    });
  });
}

/** Staff end a match at any time (someone leaves the program), each person taken to their next step. */
export async function endMatch(deps: Deps, actor: Actor, matchId: number, body: EndMatchBody): Promise<MatchChangeResult> {
  const input = endMatchBodySchema.parse(body);
  assertRowId(matchId, 'match');
  return changeContext(deps, actor, async (ctx) => {
    assertMayAct(actor, ctx.settings);
    const match = await findMatchRecord(ctx.trx, matchId);
    if (!match) throw new NotFoundError('match');
    if (match.status !== 'active') throw new ConflictError('MATCH_NOT_ACTIVE', 'This match has already ended.');
    return endAndMove(ctx, match, input.reason, { mentor: input.mentor, mentee: input.mentee }, { requestId: null, first: 'mentee' });
  });
}

/**
 * Ends these active matches inside the caller's transaction, exactly as staff ending each one
 * would, with "nothing more" as both people's next step (e-mails, history, audit, roles). For a
 * use case that must end matches and change more in one transaction (erasing a person); the
 * caller delivers `outboxIds` after its commit.
 */
export async function endMatchesWithin(
  deps: Deps,
  trx: Executor,
  actor: Actor,
  matchIds: readonly number[],
  reason: string,
  outboxIds: number[],
): Promise<MatchChangeResult[]> {
  const settings = await getSettings({ db: trx });
  assertMayAct(actor, settings);
  const now = deps.clock.now();
  const ctx: ChangeContext = { deps, trx, actor, now, at: toInstant(now), settings, outboxIds };
  const results: MatchChangeResult[] = [];
  for (const id of matchIds) {
    const match = await findMatchRecord(trx, id);
    if (!match) throw new NotFoundError('match');
    if (match.status !== 'active') throw new ConflictError('MATCH_NOT_ACTIVE', 'This match has already ended.');
    const none = { kind: 'none' } as const;
    results.push(await endAndMove(ctx, match, reason, { mentor: none, mentee: none }, { requestId: null, first: 'mentee' }));
  }
  return results;
}

/** Candidates for a match that staff are about to end (no request). */
export async function getEndMatchCandidates(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, matchId: number): Promise<RematchCandidates> {
  if (!isReader(actor)) throw new PermissionError('FORBIDDEN', 'Only the program office and the committee see this.');
  assertRowId(matchId, 'match');
  const match = await findMatchRecord(deps.db, matchId);
  if (!match) throw new NotFoundError('match');
  return { requester: await candidateList(deps, match, 'mentee'), partner: await candidateList(deps, match, 'mentor') };
}

/** A match's history for staff and the committee: made, requests, re-matched, ended, oldest first. */
export async function getMatchHistory(deps: Pick<Deps, 'db'>, actor: Actor, matchId: number): Promise<MatchHistory> {
  if (!isReader(actor)) throw new PermissionError('FORBIDDEN', "Only the program office and the committee read a match's history.");
  assertRowId(matchId, 'match');
  const match = await findMatchRecord(deps.db, matchId);
  if (!match) throw new NotFoundError('match');
  const events = await listMatchEvents(deps.db, matchId);
  return {
    matchId: match.id,
    mentorName: match.mentor.name,
    menteeName: match.mentee.name,
    periodName: match.periodName,
    status: match.status,
    endReason: match.endReason,
    events: events.map((e) => ({ id: e.id, kind: e.kind, at: e.at, actorName: e.actorName, ...historyLine(e) })),
  };
}

// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export { listRequestsOfMatches } from './rematch-requests.store.ts';
export type { RematchRequestRecord } from './rematch-requests.store.ts';
