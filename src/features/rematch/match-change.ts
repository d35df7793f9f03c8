import { appOrigin } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { ConflictError } from '../../errors.ts';
import type { MatchChangeResult, NextStep } from '../../shared/api/rematch.ts';
import type { MatchSide } from '../../shared/match-management.ts';
import type { Actor } from '../accounts/actor.ts';
import { lockUser } from '../accounts/people.service.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import {
  carryApplicationForward,
  findApplication,
  listApplicationsForPeriod,
  setApplicationStatus,
} from '../applications/applications.service.ts';
import { syncParticipantRoles } from '../applications/participant-roles.ts';
import { recordAudit } from '../audit/audit.service.ts';
import {
  countActiveMatches,
  countActiveMatchesOfApplication,
  endMatchRow,
  insertMatch,
  listPartnersOf,
  recordMatchEvent,
} from '../matches/matches.service.ts';
import type { MatchPerson, MatchRecord } from '../matches/matches.service.ts';
import { announcementTo, programWords } from '../matching-runs/match-mails.ts';
import { periodMatchingInputs } from '../matching-runs/period-matching-inputs.ts';
import { recordMail } from '../notifications/mail.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { findCandidates, findCandidatesInSteps } from './rematch-candidates.rules.ts';
import { inTurns } from '../../workers/in-turns.ts';
import type { CandidateInput, CandidateSearch } from './rematch-candidates.rules.ts';
import { closeRematchRequest, listRequestsOfMatches } from './rematch-requests.store.ts';
import { endedMail, reapplyMail, rematchIntro } from './rematch-mails.ts';
import type { RematchWords } from './rematch-mails.ts';

/** Everything one use case that changes matches shares: one transaction, one clock reading, the mail it records. */
export interface ChangeContext {
  deps: Deps;
  trx: Executor;
  actor: Actor;
  now: Date;
  at: string;
  settings: ProgramSettings;
  /** Outbox ids to deliver after the commit. */
  outboxIds: number[];
}

export const rematchWords = (deps: Deps, settings: ProgramSettings): RematchWords => ({
  programName: settings.programName,
  link: appOrigin(deps.config),
  contact: settings.goalSheetContact,
});

/**
 * Who could be this person's new partner in the match's period, as things stand in the
 * transaction: the pool, everyone's active matches, everyone they were ever matched with, the
 * committee's pair rules and the period's weights and minimum score. The best `limit` only, when
 * given (what a page shows).
 */
export async function candidatesFor(db: Executor, person: ApplicationRecord, now: Date, limit?: number): Promise<CandidateSearch> {
  const inputs = await candidateInputsFor(db, person, now);
  return inTurns(findCandidatesInSteps(inputs, limit === undefined ? {} : { limit }, CANDIDATES_PER_TURN));
}

/**
 * Candidates looked at and ranked between two turns of the event loop: preparing and scoring one
 * takes some 10–15 µs, so 2,000 hold the server's thread a few tens of milliseconds, where a
 * period's 30,000 mentees in one go held it 0.1–0.2 s for each of a pair's two lists.
 */
const CANDIDATES_PER_TURN = 2_000;

const to = (p: { name: string; email: string }) => ({ address: p.email, name: p.name });
const partnerRoleOf = (side: MatchSide): MatchSide => (side === 'mentee' ? 'mentor' : 'mentee');

/** Why someone cannot be offered, as a sentence for the 409. */
async function refusal(ctx: ChangeContext, person: ApplicationRecord, partnerApplicationId: number): Promise<ConflictError> {
  const partner = await findApplication(ctx.trx, partnerApplicationId);
  if (!partner || partner.periodId !== person.periodId || partner.role === person.role) {
    return new ConflictError(
      'NOT_A_CANDIDATE',
      `Application ${partnerApplicationId} is not a ${partnerRoleOf(person.role)} in this period's pool, so ${person.applicantName} cannot be matched with it.`,
    );
  }
  const alone = findCandidates(await candidateInputsFor(ctx.trx, person, ctx.now, [partner]));
  const why = alone.notOffered[0]?.replace(/^1 /, '') ?? 'not eligible';
  return new ConflictError('NOT_A_CANDIDATE', `${partner.applicantName} cannot be offered to ${person.applicantName}: ${why}.`);
}

/**
 * What the candidate rule needs for `person`: the other side of the match's period (or only
 * `among`, to judge one pair: a pair's score and verdict do not depend on who else is in the
 * pool), those people's active matches, everyone `person` was ever matched with, and the
 * period's pair rules, weights and minimum score.
 */
export async function candidateInputsFor(
  db: Executor,
  person: ApplicationRecord,
  now: Date,
  among?: readonly ApplicationRecord[],
): Promise<CandidateInput> {
  const inputs = await periodMatchingInputs(db, person.periodId);
  const periodApplications = among ?? (await listApplicationsForPeriod(db, person.periodId, { role: partnerRoleOf(person.role) }));
  return {
    person,
    periodApplications,
    activeLoads: await countActiveMatches(db, [...new Set(periodApplications.map((a) => a.userId))]),
    previousPartnerUserIds: new Set(await listPartnersOf(db, person.userId)),
    pairRules: inputs.pairRules,
    weights: inputs.weights,
    minScore: inputs.minScore,
    referenceDate: now.getTime(),
    goalNames: inputs.goalNames,
  };
}

/** An application's status after its match ended: unmatched unless it still holds another active match. */
async function releaseApplication(ctx: ChangeContext, application: ApplicationRecord): Promise<void> {
  if (application.status !== 'matched' && application.status !== 'accepted') return;
  if ((await countActiveMatchesOfApplication(ctx.trx, application.id)) > 0) return;
  await setApplicationStatus(ctx.trx, application.id, application.status, 'unmatched', application.decisionReason, ctx.at);
}

/**
 * Ends an active match and takes each of its two people to their next step — a new partner
 * through the engine, the next period's pool, or nothing more — inside the caller's transaction.
 * Other open requests on the match are closed; both people hear what happens to them (never the
 * other's reason); the match's history, the audit log and everyone's roles follow.
 */
export async function endAndMove(
  ctx: ChangeContext,
  match: MatchRecord,
  endReason: string,
  steps: Record<MatchSide, NextStep>,
  cause: { requestId: number | null; first: MatchSide },
): Promise<MatchChangeResult> {
  const { trx, actor, at } = ctx;
  // Everyone whose match count may change is locked first, in id order: two staff moving people
  // onto the same mentor at once queue here, and the second counts the first's new match.
  const partnerApps = await Promise.all(
    (['mentor', 'mentee'] as const).map(async (side) => {
      const step = steps[side];
      return step.kind === 'rematch' ? findApplication(trx, step.partnerApplicationId) : undefined;
    }),
  );
  const lockIds = [match.mentor.userId, match.mentee.userId, ...partnerApps.flatMap((a) => (a ? [a.userId] : []))];
  for (const id of [...new Set(lockIds)].sort((a, b) => a - b)) await lockUser(trx, id);

  if (!(await endMatchRow(trx, match.id, actor.userId, endReason, at))) {
    throw new ConflictError('MATCH_NOT_ACTIVE', 'This match has already ended. Reload to see what happened.');
  }
  for (const r of await listRequestsOfMatches(trx, [match.id])) {
    if (r.status === 'open' && r.id !== cause.requestId) await closeRematchRequest(trx, r.id, 'closed', actor.userId, null, at);
  }
  await recordMatchEvent(trx, {
    matchId: match.id,
    kind: 'ended',
    actorId: actor.userId,
    details: { reason: endReason, ...(cause.requestId !== null && { requestId: cause.requestId }) },
    at,
  });

  const words = rematchWords(ctx.deps, ctx.settings);
  const result: MatchChangeResult = { endedMatchId: match.id, newMatchIds: [], reapplied: [] };
  const touched = new Set<number>([match.mentor.userId, match.mentee.userId]);
  const order: MatchSide[] = cause.first === 'mentee' ? ['mentee', 'mentor'] : ['mentor', 'mentee'];
  for (const side of order) {
    const self: MatchPerson = match[side];
    const other: MatchPerson = match[partnerRoleOf(side)];
    const application = await findApplication(trx, self.applicationId);
    if (!application) throw new ConflictError('MATCH_NOT_ACTIVE', 'An application of this match is gone. Reload and try again.');
    const step = steps[side];
    if (step.kind === 'rematch') {
      const newMatchId = await rematchPerson(ctx, match, application, step.partnerApplicationId, other.name);
      result.newMatchIds.push(newMatchId);
      const partner = await findApplication(trx, step.partnerApplicationId);
      if (partner) touched.add(partner.userId);
    } else if (step.kind === 'reapply') {
      await releaseApplication(ctx, application);
      const carried = await carryApplicationForward(trx, ctx.now, application.id, 'accepted', actor.userId);
      await recordMatchEvent(trx, {
        matchId: match.id,
        kind: 'reapply',
        actorId: actor.userId,
        details: {
          userId: self.userId,
          name: self.name,
          periodId: carried.nextPeriod?.id ?? null,
          periodName: carried.nextPeriod?.name ?? null,
        },
        at,
      });
      result.reapplied.push(self.userId);
      ctx.outboxIds.push(
        await recordMail(
          trx,
          ctx.now,
          reapplyMail({
            ...words,
            to: to(self),
            partnerName: other.name,
            next: carried.nextPeriod && {
              name: carried.nextPeriod.name,
              applicationsOpenOn: carried.nextPeriod.applicationsOpenOn,
              matchesAnnouncedOn: carried.nextPeriod.matchesAnnouncedOn,
              inPool: carried.copiedApplicationId !== null,
            },
          }),
        ),
      );
    } else {
      await releaseApplication(ctx, application);
      const still = (await countActiveMatches(trx, [self.userId])).get(self.userId);
      ctx.outboxIds.push(
        await recordMail(
          trx,
          ctx.now,
          endedMail({ ...words, to: to(self), partnerName: other.name, stillMentoring: side === 'mentor' && (still?.mentor ?? 0) > 0 }),
        ),
      );
    }
  }
  await syncParticipantRoles(trx, touched);
  await recordAudit(trx, {
    actorId: actor.userId,
    action: cause.requestId !== null ? 'rematch_request.resolved' : 'match.ended',
    entityType: 'match',
    entityId: match.id,
    details: { requestId: cause.requestId, mentor: steps.mentor, mentee: steps.mentee, ...result },
    at,
  });
  return result;
}

/** A new match for `person` with the chosen candidate, who must be one the engine would offer now. */
async function rematchPerson(
  ctx: ChangeContext,
  oldMatch: MatchRecord,
  person: ApplicationRecord,
  partnerApplicationId: number,
  previousPartnerName: string,
): Promise<number> {
  const { trx, at, now } = ctx;
  // Judged as a pair: the rule offers the chosen partner now exactly when it would among the whole pool.
  const partnerApplication = await findApplication(trx, partnerApplicationId);
  const search =
    partnerApplication?.periodId === person.periodId
      ? findCandidates(await candidateInputsFor(trx, person, now, [partnerApplication]))
      : null;
  const chosen = search?.candidates.find((c) => c.application.id === partnerApplicationId);
  if (!chosen) throw await refusal(ctx, person, partnerApplicationId);
  const partner = chosen.application;
  const [mentor, mentee] = person.role === 'mentor' ? [person, partner] : [partner, person];
  const matchId = await insertMatch(trx, {
    periodId: person.periodId,
    mentorUserId: mentor.userId,
    menteeUserId: mentee.userId,
    mentorApplicationId: mentor.id,
    menteeApplicationId: mentee.id,
    matchingRunId: null,
    score: chosen.score,
    explanation: chosen.explanation,
    at,
    madeBy: ctx.actor.userId,
    liaisonUserId: oldMatch.liaisonUserId,
    fromMatchId: oldMatch.id,
  });
  if (partner.status === 'accepted' || partner.status === 'unmatched') {
    if (!(await setApplicationStatus(trx, partner.id, partner.status, 'matched', partner.decisionReason, at))) {
      throw new ConflictError('STALE_APPLICATION', `${partner.applicantName}'s application changed just now. Reload and try again.`);
    }
  }
  // The rule again, after the write: one active match per mentee, a mentor within capacity.
  const loads = await countActiveMatches(trx, [mentor.userId, mentee.userId]);
  if ((loads.get(mentee.userId)?.mentee ?? 0) > 1 || (loads.get(mentor.userId)?.mentor ?? 0) > mentor.answers.capacity) {
    throw new ConflictError(
      'DOUBLE_BOOKING',
      `${partner.applicantName} has no place left any more. Reload the candidates and choose again.`,
    );
  }
  await recordMatchEvent(trx, {
    matchId: oldMatch.id,
    kind: 'rematched',
    actorId: ctx.actor.userId,
    details: { userId: person.userId, name: person.applicantName, newMatchId: matchId, newPartnerName: partner.applicantName },
    at,
  });

  const period = await findPeriod(trx, person.periodId);
  const words = programWords(ctx.settings, period?.name ?? person.periodName, appOrigin(ctx.deps.config));
  for (const [self, other] of [
    [person, partner],
    [partner, person],
  ] as const) {
    const draft = announcementTo(words, self, other, now);
    const text =
      self === person ? draft.text.replace(/^(Hello [^\n]*\n\n)/, `$1${rematchIntro(previousPartnerName, other.role)}\n\n`) : draft.text;
    ctx.outboxIds.push(await recordMail(trx, now, { ...draft, kind: self === person ? 'rematch-new-partner' : draft.kind, text }));
  }
  return matchId;
}
