import type { Executor } from '../../db/executor.ts';

export interface PasswordResetRecord {
  id: number;
  userId: number;
  expiresAt: string;
  usedAt: string | null;
}

export async function insertPasswordReset(
  db: Executor,
  r: { tokenHash: string; userId: number; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({ token_hash: r.tokenHash, user_id: r.userId, created_at: r.createdAt, expires_at: r.expiresAt })
    .execute();
}

export async function findPasswordReset(db: Executor, tokenHash: string): Promise<PasswordResetRecord | undefined> {
  const row = await db
    .selectFrom('password_resets')
    .select(['id', 'user_id', 'expires_at', 'used_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at };
}

/** Uses every open link of the user at once: after one reset, older links stop working too. */
export async function markResetsUsed(db: Executor, userId: number, at: string): Promise<number> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
