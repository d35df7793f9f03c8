import type { Selectable } from 'kysely';
import type { MentorRequestsTable } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { MENTOR_REQUEST_STATUSES } from '../../shared/matching-modes.ts';
import type { MentorRequestStatus } from '../../shared/matching-modes.ts';

export interface MentorRequestRecord {
  id: number;
  periodId: number;
  periodName: string;
  menteeUserId: number;
  menteeName: string;
  mentorUserId: number;
  mentorName: string;
  menteeApplicationId: number;
  mentorApplicationId: number;
  note: string;
  status: MentorRequestStatus;
  answerNote: string | null;
  answeredBy: number | null;
  answeredAt: string | null;
  expiresAt: string;
  matchId: number | null;
  createdAt: string;
}

type Row = Selectable<MentorRequestsTable> & { period_name: string; mentee_name: string; mentor_name: string };

const toRecord = (r: Row): MentorRequestRecord => ({
  id: r.id,
  periodId: r.period_id,
  periodName: r.period_name,
  menteeUserId: r.mentee_user_id,
  menteeName: r.mentee_name,
  mentorUserId: r.mentor_user_id,
  mentorName: r.mentor_name,
  menteeApplicationId: r.mentee_application_id,
  mentorApplicationId: r.mentor_application_id,
  note: r.note,
  status: storedValue('mentor_requests', 'status', MENTOR_REQUEST_STATUSES, r.status),
  answerNote: r.answer_note,
  answeredBy: r.answered_by,
  answeredAt: r.answered_at,
  expiresAt: r.expires_at,
  matchId: r.match_id,
  createdAt: r.created_at,
});

function selectRequests(db: Executor) {
  return db
    .selectFrom('mentor_requests as r')
    .innerJoin('periods as p', 'p.id', 'r.period_id')
    .innerJoin('users as me', 'me.id', 'r.mentee_user_id')
    .innerJoin('users as mo', 'mo.id', 'r.mentor_user_id')
    .selectAll('r')
    .select(['p.name as period_name', 'me.name as mentee_name', 'mo.name as mentor_name']);
}

export async function findMentorRequest(db: Executor, id: number): Promise<MentorRequestRecord | undefined> {
  const row = await selectRequests(db).where('r.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

/** A mentee's requests (newest first), or a mentor's (pending first, then newest). */
export async function listRequestsOf(db: Executor, side: 'mentee' | 'mentor', userId: number): Promise<MentorRequestRecord[]> {
  const column = side === 'mentee' ? 'r.mentee_user_id' : 'r.mentor_user_id';
  const rows = await selectRequests(db).where(column, '=', userId).orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').execute();
  return rows.map(toRecord);
}

export async function listRequestsOfPeriod(db: Executor, periodId: number): Promise<MentorRequestRecord[]> {
  const rows = await selectRequests(db)
    .where('r.period_id', '=', periodId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map(toRecord);
}

/** Requests still waiting for an answer at `at` (one that ran out of time counts as expired, job or not). */
export async function listPendingRequests(
  db: Executor,
  filter: { menteeUserId?: number; mentorUserId?: number },
  at: string,
): Promise<MentorRequestRecord[]> {
  let q = selectRequests(db).where('r.status', '=', 'pending').where('r.expires_at', '>', at);
  if (filter.menteeUserId !== undefined) q = q.where('r.mentee_user_id', '=', filter.menteeUserId);
  if (filter.mentorUserId !== undefined) q = q.where('r.mentor_user_id', '=', filter.mentorUserId);
  return (await q.orderBy('r.id').execute()).map(toRecord);
}

export async function insertMentorRequest(
  db: Executor,
  r: {
    periodId: number;
    menteeUserId: number;
    mentorUserId: number;
    menteeApplicationId: number;
    mentorApplicationId: number;
    note: string;
    expiresAt: string;
    at: string;
  },
): Promise<number> {
  const row = await db
    .insertInto('mentor_requests')
    .values({
      period_id: r.periodId,
      mentee_user_id: r.menteeUserId,
      mentor_user_id: r.mentorUserId,
      mentee_application_id: r.menteeApplicationId,
      mentor_application_id: r.mentorApplicationId,
      note: r.note,
      status: 'pending',
      answer_note: null,
      answered_by: null,
      answered_at: null,
      expires_at: r.expiresAt,
      match_id: null,
      created_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Closes a request only if it is still pending (and, for an answer, still in time): of two people
 * answering at once, or an answer racing the expiry job, exactly one changes it.
 */
export async function closeMentorRequest(
  db: Executor,
  id: number,
  change: {
    status: Exclude<MentorRequestStatus, 'pending'>;
    note: string | null;
    by: number | null;
    matchId?: number;
    at: string;
    inTimeAt?: string;
  },
): Promise<boolean> {
  let q = db
    .updateTable('mentor_requests')
    .set({
      status: change.status,
      answer_note: change.note,
      answered_by: change.by,
      answered_at: change.at,
      match_id: change.matchId ?? null,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending');
  if (change.inTimeAt !== undefined) q = q.where('expires_at', '>', change.inTimeAt);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Pending requests whose time ran out by `at` (all, or one mentee's), oldest first, at most `limit`. */
export async function listOverdueRequests(db: Executor, at: string, limit: number, menteeUserId?: number): Promise<MentorRequestRecord[]> {
  let q = selectRequests(db).where('r.status', '=', 'pending').where('r.expires_at', '<=', at);
  if (menteeUserId !== undefined) q = q.where('r.mentee_user_id', '=', menteeUserId);
  const rows = await q.orderBy('r.expires_at').orderBy('r.id').limit(limit).execute();
  return rows.map(toRecord);
}
