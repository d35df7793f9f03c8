import { createHash } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { TooManyAttemptsError } from '../../errors.ts';
import { toInstant } from '../../time/instant.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { countFailures, forgetFailures, nthRecentFailure, recordFailures } from './sign-in-failures.store.ts';
import { laterPause, pausedUntil, retryAfterSeconds, SIGN_IN_WINDOW_MS, windowStart } from './sign-in-limits.rules.ts';
import type { SignInLimitPolicy } from './sign-in-limits.rules.ts';

/**
 * The sign-in budget every instance shares (issue #15, decision 0021): failures are rows in the
 * database under two hashed keys, the account typed and the caller's address, so three instances
 * behind a load balancer give an attacker one budget, not three.
 */

export interface SignInAttempt {
  /** As typed (the schema has already trimmed and lower-cased it). */
  email: string;
  /** The caller's address as the server sees it (behind a proxy, with TRUST_PROXY set). */
  address: string;
}

const policyOf = (deps: Pick<Deps, 'config'>): SignInLimitPolicy => ({
  perAccount: deps.config.signInFailuresPerAccount,
  perAddress: deps.config.signInFailuresPerAddress,
  windowMs: SIGN_IN_WINDOW_MS,
});

const keyOf = (kind: 'account' | 'address', value: string) => `${kind}:${createHash('sha256').update(value, 'utf8').digest('hex')}`;

/**
 * Refuses the attempt, before any password is checked, when the account or the address has used
 * its budget: a 429 with the seconds until the oldest counted failure leaves the window. The same
 * answer whether the account exists or not.
 */
export async function checkSignInAllowed(deps: Pick<Deps, 'db' | 'clock' | 'config'>, attempt: SignInAttempt): Promise<void> {
  const policy = policyOf(deps);
  const now = deps.clock.now();
  const since = windowStart(now, policy);
  const [account, address] = await Promise.all([
    nthRecentFailure(deps.db, keyOf('account', attempt.email), since, policy.perAccount),
    nthRecentFailure(deps.db, keyOf('address', attempt.address), since, policy.perAddress),
  ]);
  const until = laterPause(pausedUntil(account, policy), pausedUntil(address, policy));
  if (until === null || until.getTime() <= now.getTime()) return;
  const seconds = retryAfterSeconds(until, now);
  const minutes = Math.ceil(seconds / 60);
  throw new TooManyAttemptsError(
    `Too many failed sign-ins for this account or from this network. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or reset your password.`,
    seconds,
  );
}

/**
 * Counts a failed attempt under both keys. When it is the one that pauses an existing account,
 * the audit log says so (once per pause), for staff to see who is being tried.
 */
export async function recordSignInFailure(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  attempt: SignInAttempt,
  accountId: number | null,
): Promise<void> {
  const policy = policyOf(deps);
  const now = deps.clock.now();
  const since = windowStart(now, policy);
  const accountKey = keyOf('account', attempt.email);
  await deps.db.transaction().execute(async (trx: Executor) => {
    await recordFailures(trx, [accountKey, keyOf('address', attempt.address)], toInstant(now), since);
    if (accountId === null) return;
    if ((await countFailures(trx, accountKey, since)) === policy.perAccount) {
      await recordAudit(trx, {
        actorId: null,
        action: 'sign-in.paused',
        entityType: 'user',
        entityId: accountId,
        details: { failures: policy.perAccount, minutes: policy.windowMs / 60_000 },
        at: toInstant(now),
      });
    }
  });
}

/** A successful sign-in clears the account's failures (not the address's: one good password does not vouch for the rest). */
export async function forgetSignInFailures(deps: Pick<Deps, 'db'>, attempt: SignInAttempt): Promise<void> {
  await forgetFailures(deps.db, keyOf('account', attempt.email));
}
