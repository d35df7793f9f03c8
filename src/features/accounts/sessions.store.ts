import { compiledOnce } from '../../db/compiled-once.ts';
import type { Executor } from '../../db/executor.ts';
import { sortedRoles, toUserRecord } from './users.store.ts';
import type { UserRecord } from './users.store.ts';

export interface SessionRow {
  tokenHash: string;
  userId: number;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export async function insertSession(db: Executor, s: SessionRow): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      created_at: s.createdAt,
      last_seen_at: s.lastSeenAt,
      expires_at: s.expiresAt,
    })
    .execute();
}

/**
 * The session and its person with their roles, in one query (every signed-in request asks):
 * one row per role, or one row with a null role for a person who has none.
 */
const sessionWithUser = compiledOnce((db, tokenHash: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('user_roles as r', 'r.user_id', 'u.id')
    .select([
      's.token_hash',
      's.user_id',
      's.created_at as session_created_at',
      's.last_seen_at',
      's.expires_at',
      'u.id',
      'u.email',
      'u.name',
      'u.disabled_at',
      'u.erased_at',
      'u.created_at',
      'r.role',
    ])
    .where('s.token_hash', '=', tokenHash),
);

export async function findSessionWithUser(db: Executor, tokenHash: string): Promise<{ session: SessionRow; user: UserRecord } | undefined> {
  const { rows } = await db.executeQuery(sessionWithUser(db, tokenHash));
  const first = rows[0];
  if (!first) return undefined;
  const roles = rows.flatMap((r) => (r.role === null ? [] : [r.role]));
  return {
    session: {
      tokenHash: first.token_hash,
      userId: first.user_id,
      createdAt: first.session_created_at,
      lastSeenAt: first.last_seen_at,
      expiresAt: first.expires_at,
    },
    user: toUserRecord(first, sortedRoles(roles)),
  };
}

export async function touchSession(db: Executor, tokenHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: number, exceptTokenHash?: string): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptTokenHash) q = q.where('token_hash', '!=', exceptTokenHash);
  await q.execute();
}

/** Housekeeping: sessions past their absolute expiry, or idle since before `idleBefore`. */
export async function deleteDeadSessions(db: Executor, now: string, idleBefore: string): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
