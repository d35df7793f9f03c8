import { appOrigin } from '../../config.ts';
import type { Deps } from '../../deps.ts';
import { AuthenticationError, GoneError, NotFoundError, RuleViolationError } from '../../errors.ts';
import { addMs, toInstant } from '../../time/instant.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deliverRecorded, recordMail } from '../notifications/mail.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { passwordResetMail } from './account-mails.ts';
import { oneTimeTokenProblem, PASSWORD_RESET_TTL_MS } from './invitation.rules.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { findPasswordReset, insertPasswordReset, markResetsUsed } from './password-resets.store.ts';
import { isSessionAlive, sessionExpiry, shouldTouchSession } from './session.rules.ts';
import type { SessionPolicy } from './session.rules.ts';
import { deleteSession, deleteSessionsOfUser, findSessionWithUser, insertSession, touchSession } from './sessions.store.ts';
import { checkSignInAllowed, forgetSignInFailures, recordSignInFailure } from './sign-in-limits.ts';
import { hashToken, newToken } from './tokens.ts';
import { findCredentials, findPasswordHash, findUserById, updateUser } from './users.store.ts';
import type { UserRecord } from './users.store.ts';

export type { UserRecord };

export interface Authenticated {
  user: UserRecord;
  tokenHash: string;
}

const policyOf = (deps: Pick<Deps, 'config'>): SessionPolicy => ({
  idleMinutes: deps.config.sessionIdleMinutes,
  maxDays: deps.config.sessionMaxDays,
});

/** A fresh random token per sign-in; only its hash is stored. */
/** A person by id, for the answer to a sign-in, a sign-up or an application that signs in. */
export async function findPerson(deps: Pick<Deps, 'db'>, userId: number): Promise<UserRecord> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new NotFoundError('person');
  return user;
}

export async function startSession(deps: Pick<Deps, 'db' | 'clock' | 'config'>, userId: number): Promise<string> {
  const token = newToken();
  const now = deps.clock.now();
  await insertSession(deps.db, {
    tokenHash: hashToken(token),
    userId,
    createdAt: toInstant(now),
    lastSeenAt: toInstant(now),
    expiresAt: toInstant(sessionExpiry(now, policyOf(deps))),
  });
  return token;
}

const INVALID_CREDENTIALS = () =>
  new AuthenticationError('INVALID_CREDENTIALS', 'That e-mail address and password do not match an account.');

/**
 * The same answer, in about the same time, for an unknown e-mail, a wrong password and a disabled
 * account. Each failure counts against the account and the caller's address in the budget every
 * instance shares; past it, the attempt is refused before any password is checked (429).
 */
export async function signIn(deps: Deps, email: string, password: string, address: string): Promise<{ token: string; user: UserRecord }> {
  const attempt = { email, address };
  await checkSignInAllowed(deps, attempt);
  const creds = await findCredentials(deps.db, email);
  const ok = await verifyPassword(creds?.passwordHash, password);
  const user = creds && ok && !creds.disabled ? await findUserById(deps.db, creds.id) : undefined;
  if (!user) {
    await recordSignInFailure(deps, attempt, creds?.id ?? null);
    throw INVALID_CREDENTIALS();
  }
  await forgetSignInFailures(deps, attempt);
  return { token: await startSession(deps, user.id), user };
}

/** Resolves a session cookie to its person; null when the session is unknown, idle, expired or disabled. */
export async function authenticate(deps: Deps, token: string): Promise<Authenticated | null> {
  const tokenHash = hashToken(token);
  const found = await findSessionWithUser(deps.db, tokenHash);
  if (!found) return null;
  const { session, user } = found;
  const now = deps.clock.now();
  if (!isSessionAlive(session, now, policyOf(deps))) {
    await deleteSession(deps.db, tokenHash);
    return null;
  }
  if (user.disabled) return null;
  if (shouldTouchSession(session, now)) await touchSession(deps.db, tokenHash, toInstant(now));
  return { user, tokenHash };
}

export async function signOut(deps: Pick<Deps, 'db'>, tokenHash: string): Promise<void> {
  await deleteSession(deps.db, tokenHash);
}

/** Always answers the same way, so nobody learns which addresses have accounts. */
export async function requestPasswordReset(deps: Deps, email: string): Promise<void> {
  const creds = await findCredentials(deps.db, email);
  if (!creds || creds.disabled) return;
  const user = await findUserById(deps.db, creds.id);
  const settings = await getSettings(deps);
  if (!user) return;
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = toInstant(addMs(now, PASSWORD_RESET_TTL_MS));
  const outboxId = await deps.db.transaction().execute(async (trx) => {
    await insertPasswordReset(trx, { tokenHash: hashToken(token), userId: user.id, createdAt: toInstant(now), expiresAt });
    return recordMail(
      trx,
      now,
      passwordResetMail({
        programName: settings.programName,
        timeZone: settings.timeZone,
        to: { address: user.email, name: user.name },
        link: `${appOrigin(deps.config)}/reset-password/${token}`,
        expiresAt,
      }),
    );
  });
  await deliverRecorded(deps, [outboxId]);
}

export async function completePasswordReset(deps: Deps, token: string, password: string): Promise<void> {
  const reset = await findPasswordReset(deps.db, hashToken(token));
  if (!reset) throw new NotFoundError('reset link');
  const problem = oneTimeTokenProblem(reset, deps.clock.now());
  if (problem === 'used') throw new GoneError('TOKEN_USED', 'This reset link has already been used. Ask for a new one.');
  if (problem === 'expired') throw new GoneError('TOKEN_EXPIRED', 'This reset link has expired. Ask for a new one.');
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const at = toInstant(deps.clock.now());
    // Whoever marks the links used first wins; a second click on the same link finds none.
    if ((await markResetsUsed(trx, reset.userId, at)) === 0) {
      throw new GoneError('TOKEN_USED', 'This reset link has already been used. Ask for a new one.');
    }
    await updateUser(trx, reset.userId, { passwordHash, at });
    // Anyone who knew the old password is signed out everywhere.
    await deleteSessionsOfUser(trx, reset.userId);
    await recordAudit(trx, { actorId: reset.userId, action: 'password.reset', entityType: 'user', entityId: reset.userId, at });
  });
}

export async function changePassword(deps: Deps, auth: Authenticated, currentPassword: string, newPassword: string): Promise<void> {
  const ok = await verifyPassword(await findPasswordHash(deps.db, auth.user.id), currentPassword);
  if (!ok)
    throw new RuleViolationError('WRONG_PASSWORD', 'Your current password is not right.', [
      { path: 'currentPassword', message: 'This is not your current password.' },
    ]);
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction().execute(async (trx) => {
    const at = toInstant(deps.clock.now());
    await updateUser(trx, auth.user.id, { passwordHash, at });
    await deleteSessionsOfUser(trx, auth.user.id, auth.tokenHash);
    await recordAudit(trx, { actorId: auth.user.id, action: 'password.changed', entityType: 'user', entityId: auth.user.id, at });
  });
}

/**
 * A set-password link handed over directly (the CLI prints it) instead of by e-mail; it works
 * like a reset link: once, until it expires.
 */
export async function issuePasswordLink(deps: Deps, userId: number, ttlMs: number): Promise<{ link: string; expiresAt: string }> {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = toInstant(addMs(now, ttlMs));
  await insertPasswordReset(deps.db, { tokenHash: hashToken(token), userId, createdAt: toInstant(now), expiresAt });
  return { link: `${appOrigin(deps.config)}/reset-password/${token}`, expiresAt };
}
