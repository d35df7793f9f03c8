import type { Executor } from '../../db/executor.ts';

/** A remembered change (decision 0022). */
export interface KeptRequest {
  requestHash: string;
  status: 'pending' | 'done';
  createdAt: string;
  response: { status: number; type: string | null; body: string } | null;
}

/**
 * Claims (person, key) for a request about to run: true when this call made the claim, false when
 * the key was already there (then `findKept` says what it holds). First deletes every claim older
 * than `expiredBefore`, so a key is kept for a day and no longer.
 */
export async function claimKey(
  db: Executor,
  claim: { userId: number; key: string; requestHash: string; at: string },
  expiredBefore: string,
): Promise<boolean> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', expiredBefore).execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ user_id: claim.userId, key: claim.key, request_hash: claim.requestHash, status: 'pending', created_at: claim.at })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findKept(db: Executor, userId: number, key: string): Promise<KeptRequest | undefined> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'status', 'created_at', 'response_status', 'response_type', 'response_body'])
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    requestHash: row.request_hash,
    status: row.status === 'done' ? 'done' : 'pending',
    createdAt: row.created_at,
    response:
      row.response_status === null || row.response_body === null
        ? null
        : { status: row.response_status, type: row.response_type, body: row.response_body },
  };
}

/** Marks a claimed request answered, keeping its answer when it can be replayed (null: it cannot). */
export async function keepResponse(
  db: Executor,
  userId: number,
  key: string,
  response: { status: number; type: string | null; body: string } | null,
): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({
      status: 'done',
      response_status: response?.status ?? null,
      response_type: response?.type ?? null,
      response_body: response?.body ?? null,
    })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}

/** Gives a claim up: the request did not change anything (a 5xx rolled back) or its answer cannot be kept. */
export async function releaseKey(db: Executor, userId: number, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).where('status', '=', 'pending').execute();
}
