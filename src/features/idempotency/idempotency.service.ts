import { createHash } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { ConflictError, RuleViolationError } from '../../errors.ts';
import { claimKey, findKept, keepResponse, releaseKey } from './idempotency.store.ts';
import { answerRetry, KEEP_KEY_MS } from './idempotency.rules.ts';

export { IDEMPOTENCY_KEY } from './idempotency.rules.ts';

export interface IdempotentRequest {
  userId: number;
  key: string;
  method: string;
  route: string;
  params: unknown;
  query: unknown;
  body: unknown;
}

/**
 * The same request: the method, the route as matched (not the raw path), its parameters, its query
 * and its body. A body sent as bytes (a CSV file) is hashed as it is: as JSON, a Buffer becomes an
 * array of numbers, a second for 17 MB.
 */
export function requestFingerprint(request: { method: string; route: string; params: unknown; query: unknown; body: unknown }): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([request.method, request.route, request.params ?? null, request.query ?? null]), 'utf8');
  if (Buffer.isBuffer(request.body)) hash.update('\0bytes\0').update(request.body);
  else hash.update(JSON.stringify(request.body ?? null), 'utf8');
  return hash.digest('hex');
}

export type Begun = { kind: 'run' } | { kind: 'replay'; status: number; type: string | null; body: string };

/**
 * Before a change runs: claims its key, or answers a retry. The same request again gets the
 * kept answer; the same key with a different request is refused (422), and one whose first try
 * has not answered yet (still running, or cut off by a crash before its answer was kept) gets 409:
 * nothing runs twice.
 */
export async function beginIdempotent(deps: Pick<Deps, 'db' | 'clock'>, r: IdempotentRequest): Promise<Begun> {
  const requestHash = requestFingerprint(r);
  const now = deps.clock.now();
  const claim = () =>
    claimKey(
      deps.db,
      { userId: r.userId, key: r.key, requestHash, at: now.toISOString() },
      new Date(now.getTime() - KEEP_KEY_MS).toISOString(),
    );
  if (await claim()) return { kind: 'run' };
  const kept = await findKept(deps.db, r.userId, r.key);
  // Given up between the two reads (a first try that failed): this one may claim it.
  if (!kept && (await claim())) return { kind: 'run' };
  if (!kept) throw inUse();
  const answer = answerRetry(kept, requestHash);
  if (answer.kind === 'replay') return answer;
  if (answer.kind === 'different-request') {
    throw new RuleViolationError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
  }
  throw inUse();
}

const inUse = () =>
  new ConflictError(
    'IDEMPOTENCY_KEY_IN_USE',
    'The first try of this change has not answered yet. Reload to see whether it was saved before trying again.',
  );

/**
 * After a change answered: `release` gives the key up (a 5xx rolled the change back, so a retry
 * may run); otherwise the key is marked answered, with the answer kept for retries when it can be
 * replayed (null: a streamed answer or one that starts a session; a retry then gets 409).
 */
export async function finishIdempotent(
  deps: Pick<Deps, 'db'>,
  userId: number,
  key: string,
  outcome: 'release' | { status: number; type: string | null; body: string } | null,
): Promise<void> {
  if (outcome === 'release') await releaseKey(deps.db, userId, key);
  else await keepResponse(deps.db, userId, key, outcome);
}
