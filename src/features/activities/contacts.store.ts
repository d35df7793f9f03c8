import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import type { Channel } from '../../shared/channels.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';

/** What the contact log needs to know about a match: who is in it, since when, and whether it goes on. */
export interface MatchForLog {
  id: number;
  mentorUserId: number;
  menteeUserId: number;
  status: MatchStatus;
  matchedAt: string;
}

export async function findMatchForLog(db: Executor, id: number): Promise<MatchForLog | undefined> {
  const row = await db
    .selectFrom('matches')
    .select(['id', 'mentor_user_id', 'mentee_user_id', 'status', 'matched_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      mentorUserId: row.mentor_user_id,
      menteeUserId: row.mentee_user_id,
      status: storedValue('matches', 'status', MATCH_STATUSES, row.status),
      matchedAt: row.matched_at,
    }
  );
}

export interface ContactRecord {
  id: number;
  matchId: number;
  occurredOn: string;
  /** As logged: a channel the program has since stopped using still shows. */
  channel: string;
  activityId: number | null;
  activityTitle: string | null;
  note: string;
  loggedBy: { id: number; name: string } | null;
  createdAt: string;
}

export async function insertContact(
  db: Executor,
  c: { matchId: number; loggedBy: number; occurredOn: string; channel: Channel; activityId: number | null; note: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('contacts')
    .values({
      match_id: c.matchId,
      logged_by: c.loggedBy,
      occurred_on: c.occurredOn,
      channel: c.channel,
      activity_id: c.activityId,
      note: c.note,
      created_at: c.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A match's contacts, newest first, with the activity's title and the name of who logged each. */
export async function listContactsOfMatch(db: Executor, matchId: number): Promise<ContactRecord[]> {
  const rows = await db
    .selectFrom('contacts as c')
    .leftJoin('activities as a', 'a.id', 'c.activity_id')
    .leftJoin('users as u', 'u.id', 'c.logged_by')
    .select([
      'c.id',
      'c.match_id',
      'c.occurred_on',
      'c.channel',
      'c.activity_id',
      'a.title as activity_title',
      'c.note',
      'c.logged_by',
      'u.name as logged_by_name',
      'c.created_at',
    ])
    .where('c.match_id', '=', matchId)
    .orderBy('c.occurred_on', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    matchId: r.match_id,
    occurredOn: r.occurred_on,
    channel: r.channel,
    activityId: r.activity_id,
    activityTitle: r.activity_title,
    note: r.note,
    loggedBy: r.logged_by === null ? null : { id: r.logged_by, name: r.logged_by_name ?? '' },
    createdAt: r.created_at,
  }));
}

export async function findContactOwner(
  db: Executor,
  id: number,
): Promise<{ id: number; matchId: number; loggedBy: number | null } | undefined> {
  const row = await db.selectFrom('contacts').select(['id', 'match_id', 'logged_by']).where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, matchId: row.match_id, loggedBy: row.logged_by };
}

export async function deleteContact(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('contacts').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
