/**
 * Idempotent writes (issue #15 item 6, decision 0022): what a retried change is answered. The
 * store keeps the claims, the service hashes requests, the HTTP hooks apply the answer.
 */

/** A key is kept this long after its first use. */
export const KEEP_KEY_MS = 24 * 60 * 60_000;

/** What a client may send: a UUID, or any 8–100 letters, digits and `_ . : -`. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

export type RetryAnswer =
  { kind: 'replay'; status: number; type: string | null; body: string } | { kind: 'different-request' } | { kind: 'still-running' };

/** What a request whose key is already claimed gets. */
export function answerRetry(
  kept: { requestHash: string; status: 'pending' | 'done'; response: { status: number; type: string | null; body: string } | null },
  requestHash: string,
): RetryAnswer {
  if (kept.requestHash !== requestHash) return { kind: 'different-request' };
  if (kept.status === 'done' && kept.response) return { kind: 'replay', ...kept.response };
  return { kind: 'still-running' };
}
