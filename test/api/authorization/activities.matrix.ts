import { insertContact } from '../../../src/features/activities/contacts.store.ts';
import { createTestMatch } from '../../setup/match-fixtures.ts';
import type { TestContext } from '../../setup/test-app.ts';
import { callerMatch, MATCH_PARTIES_OR_STAFF, matchTargets, ownOrOther, SEED_PERIOD_ID, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';
import type { Caller, Cell, Expectation, Fixture } from './matrix-kit.ts';

/**
 * Writing a match's log: only its mentor and mentee. Anyone else gets 404 for a match that is
 * not theirs, except staff, who can see every log and are told they may not write it (403).
 */
const PARTIES_WRITE: Record<Caller, Expectation> = {
  ...ownOrOther('ok', 404),
  anonymous: 401,
  staff: 403,
};

/** Deleting a contact: only whoever logged it. Staff can see it, so they hear 403; strangers 404. */
const LOGGER_ONLY: Record<Caller, Expectation> = { ...PARTIES_WRITE };

/** A contact the caller logged in their own match, and one a stranger logged in another match. */
async function contacts(ctx: TestContext, f: Fixture): Promise<{ own: number; other: number }> {
  const at = ctx.deps.clock.now().toISOString();
  const log = (matchId: number, loggedBy: number) =>
    insertContact(ctx.deps.db, { matchId, loggedBy, occurredOn: at.slice(0, 10), channel: 'email', activityId: null, note: '', at });
  const mine = await callerMatch(ctx, f);
  const theirs = await createTestMatch(ctx.deps, { periodId: SEED_PERIOD_ID });
  return { own: await log(mine.id, f.ownId === 0 ? mine.menteeId : f.ownId), other: await log(theirs.id, theirs.menteeId) };
}

/** Routes of the activity catalogue and contact log: who may call them. */
export const activityMatrix: Record<string, Cell> = {
  'GET /api/activities': { url: () => '/api/activities?includeRetired=true', expect: SIGNED_IN },
  'POST /api/activities': {
    url: () => '/api/activities',
    body: (f) => ({ title: `Activity ${f.seq}`, programGoalIds: [1] }),
    expect: STAFF_ONLY,
  },
  'PATCH /api/activities/:id': { url: () => '/api/activities/1', body: () => ({ description: 'Edited.' }), expect: STAFF_ONLY },
  // An incomplete order is refused (422) once past the role check.
  'POST /api/activities/reorder': { url: () => '/api/activities/reorder', body: () => ({ ids: [1] }), expect: STAFF_ONLY },
  'GET /api/matches/:id/contacts': { url: () => '/api/matches/:id/contacts', targets: matchTargets, expect: MATCH_PARTIES_OR_STAFF },
  'POST /api/matches/:id/contacts': {
    url: () => '/api/matches/:id/contacts',
    targets: matchTargets,
    body: () => ({ channel: 'email' }),
    expect: PARTIES_WRITE,
  },
  'DELETE /api/contacts/:id': { url: () => '/api/contacts/:id', targets: contacts, expect: LOGGER_ONLY },
};
