import type { Executor } from '../../db/executor.ts';

/**
 * The failed-sign-in counters every instance shares (decision 0021). Keys are opaque hashes made
 * by the service; this store only counts, records and forgets them.
 */

/**
 * The time of the `nth` most recent failure of `key` after `since`, or undefined when there are
 * fewer than `nth`: one read off the (key, failed_at) index however many failures there were.
 */
export async function nthRecentFailure(db: Executor, key: string, since: string, nth: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select('failed_at')
    .where('key', '=', key)
    .where('failed_at', '>', since)
    .orderBy('failed_at', 'desc')
    .limit(1)
    .offset(nth - 1)
    .executeTakeFirst();
  return row?.failed_at;
}

/** Records one failure under each key, and deletes every failure that left the window. */
export async function recordFailures(db: Executor, keys: readonly string[], at: string, windowStart: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('failed_at', '<=', windowStart).execute();
  await db
    .insertInto('sign_in_failures')
    .values(keys.map((key) => ({ key, failed_at: at })))
    .execute();
}

/** How many failures `key` has after `since`. */
export async function countFailures(db: Executor, key: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('key', '=', key)
    .where('failed_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Forgets a key's failures: an account's after it signs in. */
export async function forgetFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}
