import type { Executor } from '../../db/executor.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue } from '../../db/stored-value.ts';
import { CHECK_IN_ANSWERS } from '../../shared/match-management.ts';
import type { CheckInAnswer } from '../../shared/match-management.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';

export interface CheckInPerson {
  userId: number;
  name: string;
  email: string;
  disabled: boolean;
}

export interface CheckInMatch {
  matchId: number;
  status: MatchStatus;
  mentee: CheckInPerson;
  mentor: CheckInPerson;
}

export async function findCheckInMatch(db: Executor, matchId: number): Promise<CheckInMatch | undefined> {
  const r = await selectMatchWithPeople(db)
    .select([
      'm.id',
      'm.status',
      'eu.id as mentee_id',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
      'eu.disabled_at as mentee_disabled_at',
      'mu.id as mentor_id',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'mu.disabled_at as mentor_disabled_at',
    ])
    .where('m.id', '=', matchId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    matchId: r.id,
    status: storedValue('matches', 'status', MATCH_STATUSES, r.status),
    mentee: { userId: r.mentee_id, name: r.mentee_name, email: r.mentee_email, disabled: r.mentee_disabled_at !== null },
    mentor: { userId: r.mentor_id, name: r.mentor_name, email: r.mentor_email, disabled: r.mentor_disabled_at !== null },
  };
}

export interface NewCheckIn {
  matchId: number;
  userId: number;
  tokenHash: string;
  sentBy: number;
  sentAt: string;
  expiresAt: string;
}

export async function insertCheckIn(db: Executor, c: NewCheckIn): Promise<void> {
  await db
    .insertInto('check_ins')
    .values({
      match_id: c.matchId,
      user_id: c.userId,
      token_hash: c.tokenHash,
      sent_by: c.sentBy,
      sent_at: c.sentAt,
      expires_at: c.expiresAt,
      answer: null,
      answered_at: null,
      handled_by: null,
      handled_at: null,
    })
    .execute();
}

/** When the pair was last sent a check-in, or null. */
export async function lastCheckInSentAt(db: Executor, matchId: number): Promise<string | null> {
  const row = await db
    .selectFrom('check_ins')
    .select((eb) => eb.fn.max('sent_at').as('last'))
    .where('match_id', '=', matchId)
    .executeTakeFirst();
  return row?.last ?? null;
}

export interface CheckInRecord {
  id: number;
  matchId: number;
  userId: number;
  expiresAt: string;
  answer: CheckInAnswer | null;
  answeredAt: string | null;
}

export async function findCheckInByTokenHash(db: Executor, tokenHash: string): Promise<CheckInRecord | undefined> {
  const r = await db
    .selectFrom('check_ins')
    .select(['id', 'match_id', 'user_id', 'expires_at', 'answer', 'answered_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    matchId: r.match_id,
    userId: r.user_id,
    expiresAt: r.expires_at,
    answer: r.answer === null ? null : storedValue('check_ins', 'answer', CHECK_IN_ANSWERS, r.answer),
    answeredAt: r.answered_at,
  };
}

/**
 * Records the answer only if there is none yet: of two answers racing (two clicks, two tabs),
 * the first one stands and the second changes nothing (false).
 */
export async function recordCheckInAnswer(db: Executor, id: number, answer: CheckInAnswer, at: string): Promise<boolean> {
  const result = await db
    .updateTable('check_ins')
    .set({ answer, answered_at: at })
    .where('id', '=', id)
    .where('answer', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks every "I'd like to talk" answer of the match that is not handled yet as handled; how many. */
export async function markTalkAnswersHandled(db: Executor, matchId: number, by: number, at: string): Promise<number> {
  const result = await db
    .updateTable('check_ins')
    .set({ handled_by: by, handled_at: at })
    .where('match_id', '=', matchId)
    .where('answer', '=', 'talk')
    .where('handled_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
