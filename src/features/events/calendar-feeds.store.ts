import type { Executor } from '../../db/executor.ts';

/** A person's calendar feed: the hash of its secret address (a new address replaces the old). */

export async function replaceFeed(db: Executor, userId: number, tokenHash: string, at: string): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
  await db.insertInto('calendar_feeds').values({ user_id: userId, token_hash: tokenHash, created_at: at }).execute();
}

export async function deleteFeed(db: Executor, userId: number): Promise<void> {
  await db.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
}

export async function findFeedOf(db: Executor, userId: number): Promise<{ createdAt: string } | undefined> {
  const r = await db.selectFrom('calendar_feeds').select('created_at').where('user_id', '=', userId).executeTakeFirst();
  return r ? { createdAt: r.created_at } : undefined;
}

export async function findFeedUser(db: Executor, tokenHash: string): Promise<number | undefined> {
  const r = await db.selectFrom('calendar_feeds').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return r?.user_id;
}

export async function touchFeed(db: Executor, userId: number, at: string): Promise<void> {
  await db.updateTable('calendar_feeds').set({ last_used_at: at }).where('user_id', '=', userId).execute();
}
