import type { TestContext } from '../../setup/test-app.ts';
import { ROLES } from '../../../src/shared/roles.ts';
import type { Role } from '../../../src/shared/roles.ts';
import { createTestMatch } from '../../setup/match-fixtures.ts';
import type { TestMatch } from '../../setup/match-fixtures.ts';

/**
 * The vocabulary of the authorization matrix, shared by the per-feature tables in this folder.
 * A feature adds its routes in `<feature>.matrix.ts` and authorization-matrix.test.ts spreads
 * them into the one MATRIX.
 *
 * Callers: anonymous, each role, and `applicant`, someone signed in with no role and a submitted
 * mentor application, which is all applying gives (the mentor or mentee role comes with
 * acceptance or a match; decision 0009).
 */
export type Caller = 'anonymous' | 'applicant' | Role;
const SIGNED_IN_CALLERS: Exclude<Caller, 'anonymous'>[] = ['applicant', ...ROLES];
export const CALLERS: Caller[] = ['anonymous', ...SIGNED_IN_CALLERS];

/** `ok` = the caller got through the access check (any 2xx, or a domain answer like 409/410/422). */
export type Outcome = 'ok' | 401 | 403 | 404;
export type Expectation = Outcome | { own: Outcome; other: Outcome };

export interface Fixture {
  ownId: number;
  otherId: number;
  otherEmail: string;
  seq: number;
  caller: Caller;
}
export interface Cell {
  url: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  /** For routes whose :id is not a person: makes the caller's own record and someone else's. */
  targets?: (ctx: TestContext, f: Fixture) => Promise<{ own: number; other: number }>;
  expect: Record<Caller, Expectation>;
}

/** Every signed-in caller: `own` for a record of their own, `other` for someone else's. */
export const ownOrOther = (own: Outcome, other: Outcome): Record<Exclude<Caller, 'anonymous'>, Expectation> =>
  Object.fromEntries(SIGNED_IN_CALLERS.map((c) => [c, { own, other }])) as Record<Exclude<Caller, 'anonymous'>, Expectation>;
export const everyone = (o: Outcome): Record<Caller, Expectation> =>
  Object.fromEntries(CALLERS.map((c) => [c, o])) as Record<Caller, Expectation>;
export const PUBLIC = everyone('ok');
export const SIGNED_IN: Record<Caller, Expectation> = { ...everyone('ok'), anonymous: 401 };
export const STAFF_ONLY: Record<Caller, Expectation> = { ...everyone(403), anonymous: 401, staff: 'ok' };
export const SELF_OR_STAFF: Record<Caller, Expectation> = {
  ...ownOrOther('ok', 404),
  anonymous: 401,
  staff: 'ok',
};

/** The two people of a match, and staff; everyone else gets 404 for a match that is not theirs. */
export const MATCH_PARTIES_OR_STAFF: Record<Caller, Expectation> = {
  ...ownOrOther('ok', 404),
  anonymous: 401,
  staff: 'ok',
};

/** The seed period every matrix run has (created in the matrix's beforeAll). */
export const SEED_PERIOD_ID = 1;

/**
 * A match in the seed period that the caller is in (as mentee, or as mentor when the caller's role
 * is mentor). For an anonymous caller it is a match of strangers.
 */
export function callerMatch(ctx: TestContext, f: Fixture): Promise<TestMatch> {
  const caller = f.ownId === 0 ? {} : f.caller === 'mentor' ? { mentorId: f.ownId } : { menteeId: f.ownId };
  return createTestMatch(ctx.deps, { periodId: SEED_PERIOD_ID, ...caller });
}

/** The caller's own match (see callerMatch) and a match between two other people. */
export async function matchTargets(ctx: TestContext, f: Fixture): Promise<{ own: number; other: number }> {
  const own = await callerMatch(ctx, f);
  const other = await createTestMatch(ctx.deps, { periodId: SEED_PERIOD_ID });
  return { own: own.id, other: other.id };
}
