import { appOrigin } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, GoneError, NotFoundError } from '../../errors.ts';
import type { CheckInAnswerResult, CheckInSent, CheckInView } from '../../shared/api/check-ins.ts';
import type { CheckInAnswer } from '../../shared/match-management.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { hashToken, newToken } from '../accounts/tokens.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { recordMatchEvent } from '../matches/matches.service.ts';
import { deliverRecorded, recordMail } from '../notifications/mail.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { checkInMail } from './check-in-mails.ts';
import { checkInExpiry, checkInStatus, maySendAgain } from './check-in.rules.ts';
import {
  findCheckInByTokenHash,
  findCheckInMatch,
  insertCheckIn,
  lastCheckInSentAt,
  markTalkAnswersHandled,
  recordCheckInAnswer,
} from './check-ins.store.ts';

/** The same answer for a token that never existed and one that is malformed: nothing to learn. */
const UNKNOWN_LINK = () => new NotFoundError('check-in link');

/**
 * Staff check in with a pair: each of the two (whose account is not disabled) gets an e-mail with
 * their own link, made of a fresh random token of which only the hash is stored. One transaction:
 * the tokens, the history entry, the audit entry and the e-mails; delivered after commit.
 */
export async function sendCheckIn(deps: Deps, actor: Actor, matchId: number, note: string): Promise<CheckInSent> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const at = toInstant(now);
  const expiresAt = checkInExpiry(now);
  const origin = appOrigin(deps.config);
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const match = await findCheckInMatch(trx, matchId);
    if (!match) throw new NotFoundError('match');
    if (match.status !== 'active') throw new ConflictError('MATCH_NOT_ACTIVE', 'Only an active match can be sent a check-in.');
    if (!maySendAgain(await lastCheckInSentAt(trx, matchId), now)) {
      throw new ConflictError('CHECK_IN_RECENT', 'This pair was sent a check-in less than a day ago. Give them time to answer.');
    }
    const people = [
      { self: match.mentee, partner: { name: match.mentor.name, role: 'mentor' as const } },
      { self: match.mentor, partner: { name: match.mentee.name, role: 'mentee' as const } },
    ].filter((p) => !p.self.disabled);
    if (people.length === 0) throw new ConflictError('NO_ONE_TO_ASK', 'Both accounts of this match are disabled.');
    const outboxIds: number[] = [];
    for (const { self, partner } of people) {
      const token = newToken();
      await insertCheckIn(trx, {
        matchId,
        userId: self.userId,
        tokenHash: hashToken(token),
        sentBy: actor.userId,
        sentAt: at,
        expiresAt: toInstant(expiresAt),
      });
      outboxIds.push(
        await recordMail(
          trx,
          now,
          checkInMail({
            programName: settings.programName,
            timeZone: settings.timeZone,
            to: { address: self.email, name: self.name },
            partner,
            note,
            link: `${origin}/check-in/${token}`,
            expiresAt,
          }),
        ),
      );
    }
    const recipients = people.map((p) => p.self.userId);
    await recordMatchEvent(trx, {
      matchId,
      kind: 'check_in_sent',
      actorId: actor.userId,
      details: { recipients, withNote: note !== '' },
      at,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'match.check_in_sent',
      entityType: 'match',
      entityId: matchId,
      details: { recipients },
      at,
    });
    return { outboxIds, sentTo: recipients.length };
  });
  await deliverRecorded(deps, outcome.outboxIds);
  return { matchId, sentTo: outcome.sentTo, sentAt: at, expiresAt: toInstant(expiresAt) };
}

/** What the answer page shows: whether the link can still be answered. Changes nothing. */
export async function viewCheckIn(deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<CheckInView> {
  const checkIn = await findCheckInByTokenHash(deps.db, hashToken(token));
  if (!checkIn) throw UNKNOWN_LINK();
  const settings = await getSettings(deps);
  return {
    programName: settings.programName,
    status: checkInStatus(checkIn, deps.clock.now()),
    answer: checkIn.answer,
    expiresAt: checkIn.expiresAt,
  };
}

/**
 * Records a person's answer, once: answering again keeps the first answer (and says so). An
 * expired link that was never answered is refused. "I'd like to talk" raises a flag staff see
 * in program health until they mark it handled.
 */
export async function answerCheckIn(deps: Pick<Deps, 'db' | 'clock'>, token: string, answer: CheckInAnswer): Promise<CheckInAnswerResult> {
  const now = deps.clock.now();
  const at = toInstant(now);
  return deps.db.transaction().execute(async (trx) => {
    const checkIn = await findCheckInByTokenHash(trx, hashToken(token));
    if (!checkIn) throw UNKNOWN_LINK();
    const status = checkInStatus(checkIn, now);
    if (status === 'answered' && checkIn.answer !== null) return { answer: checkIn.answer, alreadyAnswered: true };
    if (status === 'expired') {
      throw new GoneError('CHECK_IN_EXPIRED', 'This check-in link has expired. If you would like to talk, write to the program office.');
    }
    if (!(await recordCheckInAnswer(trx, checkIn.id, answer, at))) {
      // Another answer got in first (a double click): that one stands.
      const first = await findCheckInByTokenHash(trx, hashToken(token));
      if (first?.answer) return { answer: first.answer, alreadyAnswered: true };
      throw UNKNOWN_LINK();
    }
    await recordMatchEvent(trx, {
      matchId: checkIn.matchId,
      kind: 'check_in_answered',
      actorId: checkIn.userId,
      details: { answer, userId: checkIn.userId },
      at,
    });
    return { answer, alreadyAnswered: false };
  });
}

/** Staff have followed up on the pair's "I'd like to talk": the flag comes down. Safe to repeat. */
export async function markCheckInTalkHandled(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  matchId: number,
): Promise<{ matchId: number; handled: number }> {
  const at = toInstant(deps.clock.now());
  return deps.db.transaction().execute(async (trx) => {
    const match = await findCheckInMatch(trx, matchId);
    if (!match) throw new NotFoundError('match');
    const handled = await markTalkAnswersHandled(trx, matchId, actor.userId, at);
    if (handled > 0) {
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'match.check_in_talk_handled',
        entityType: 'match',
        entityId: matchId,
        details: { handled },
        at,
      });
    }
    return { matchId, handled };
  });
}
