import type { Executor } from '../../db/executor.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue } from '../../db/stored-value.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';
import { countActiveMatchesOf } from './matches.store.ts';
import { writeInChunks } from '../../db/write-in-chunks.ts';

export interface MatchPerson {
  userId: number;
  applicationId: number;
  name: string;
  email: string;
}

/** A match as the re-match and end-of-match use cases need it: both people and their applications. */
export interface MatchRecord {
  id: number;
  periodId: number;
  periodName: string;
  status: MatchStatus;
  matchedAt: string;
  endedAt: string | null;
  endReason: string | null;
  liaisonUserId: number | null;
  mentor: MatchPerson;
  mentee: MatchPerson;
}

export async function findMatchRecords(db: Executor, ids: readonly number[]): Promise<MatchRecord[]> {
  if (ids.length === 0) return [];
  const rows = await selectMatchWithPeople(db)
    .select([
      'm.id',
      'm.period_id',
      'p.name as period_name',
      'm.status',
      'm.matched_at',
      'm.ended_at',
      'm.end_reason',
      'm.liaison_user_id',
      'm.mentor_application_id',
      'm.mentee_application_id',
      'mu.id as mentor_id',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'eu.id as mentee_id',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
    ])
    .where('m.id', 'in', [...ids])
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    periodId: r.period_id,
    periodName: r.period_name,
    status: storedValue('matches', 'status', MATCH_STATUSES, r.status),
    matchedAt: r.matched_at,
    endedAt: r.ended_at,
    endReason: r.end_reason,
    liaisonUserId: r.liaison_user_id,
    mentor: { userId: r.mentor_id, applicationId: r.mentor_application_id, name: r.mentor_name, email: r.mentor_email },
    mentee: { userId: r.mentee_id, applicationId: r.mentee_application_id, name: r.mentee_name, email: r.mentee_email },
  }));
}

export async function findMatchRecord(db: Executor, id: number): Promise<MatchRecord | undefined> {
  return (await findMatchRecords(db, [id]))[0];
}

/**
 * Ends an active match. Conditional on it being active, so of two staff ending (or re-matching)
 * the same match at once only one changes it; the other gets false and rolls back.
 */
export async function endMatchRow(db: Executor, id: number, by: number | null, reason: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('matches')
    .set({ status: 'ended', ended_at: at, ended_by: by, end_reason: reason })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * How many active matches each person is in, as mentor and as mentee, across every period: a
 * mentee has one at a time, and a mentor's capacity counts them all. The totals of
 * `countActiveMatchesOf`, so both answers come from one query.
 */
export async function countActiveMatches(
  db: Executor,
  userIds: readonly number[],
): Promise<Map<number, { mentor: number; mentee: number }>> {
  const out = new Map<number, { mentor: number; mentee: number }>();
  for (const id of userIds) out.set(id, { mentor: 0, mentee: 0 });
  for (const c of await countActiveMatchesOf(db, userIds)) {
    const counts = out.get(c.userId);
    if (counts) counts[c.side] += c.matches;
  }
  return out;
}

/** Active matches made through an application (a mentor's application can hold several). */
export async function countActiveMatchesOfApplication(db: Executor, applicationId: number): Promise<number> {
  const row = await db
    .selectFrom('matches')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('mentor_application_id', '=', applicationId), eb('mentee_application_id', '=', applicationId)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every match this person has been in, either side, any status: ids only. */
export async function listMatchIdsOfPeople(db: Executor, userIds: readonly number[]): Promise<number[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('matches')
    .select('id')
    .where((eb) => eb.or([eb('mentor_user_id', 'in', [...userIds]), eb('mentee_user_id', 'in', [...userIds])]))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Ends every active match of a period at once, with one reason, and appends an 'ended' entry to
 * each match's history: the close of a program year. Set-based, so a period of thousands of pairs
 * ends in a few statements; inside the caller's transaction, after it has moved the period's
 * status (which serialises two staff closing the same period). Returns the ids it ended.
 */
export async function endActiveMatchesOfPeriod(
  db: Executor,
  end: { periodId: number; by: number | null; reason: string; at: string },
): Promise<number[]> {
  const rows = await db
    .selectFrom('matches')
    .select('id')
    .where('period_id', '=', end.periodId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const details = JSON.stringify({ reason: end.reason });
  const ids = rows.map((r) => r.id);
  // A chunk at a time, letting others in between (26,000 pairs at 100,000 people): 500 rows × 5
  // values stays far under SQLite's and PostgreSQL's bound-parameter limits.
  await writeInChunks(ids, 500, async (chunk) => {
    await db
      .updateTable('matches')
      .set({ status: 'ended', ended_at: end.at, ended_by: end.by, end_reason: end.reason })
      .where('id', 'in', chunk)
      .where('status', '=', 'active')
      .execute();
    await db
      .insertInto('match_events')
      .values(chunk.map((id) => ({ match_id: id, kind: 'ended', actor_id: end.by, details, created_at: end.at })))
      .execute();
    return [];
  });
  return ids;
}
