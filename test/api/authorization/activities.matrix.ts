import { insertContact } from '../../../src/features/activities/contacts.store.ts';
import { insertApplication } from '../../../src/features/applications/applications.store.ts';
import { insertMatch } from '../../../src/features/matches/matches.store.ts';
import { ROLES } from '../../../src/shared/roles.ts';
import type { Role } from '../../../src/shared/roles.ts';
import { createPerson } from '../../setup/test-app.ts';
import type { TestContext } from '../../setup/test-app.ts';
import { answersFor } from '../matching-fixtures.ts';
import { MATCH_PARTIES_OR_STAFF, SEED_PERIOD_ID, SIGNED_IN, STAFF_ONLY } from './matrix-kit.ts';
import type { Caller, Cell, Expectation, Fixture } from './matrix-kit.ts';

/**
 * Writing a match's log: only its mentor and mentee. Anyone else gets 404 for a match that is
 * not theirs, except staff, who can see every log and are told they may not write it (403).
 */
const PARTIES_WRITE: Record<Caller, Expectation> = {
  ...(Object.fromEntries(ROLES.map((r) => [r, { own: 'ok', other: 404 }])) as Record<Role, Expectation>),
  anonymous: 401,
  staff: 403,
};

/** Deleting a contact: only whoever logged it. Staff can see it, so they hear 403; strangers 404. */
const LOGGER_ONLY: Record<Caller, Expectation> = { ...PARTIES_WRITE };

/**
 * An active match in the seed period, with the caller in it when given (as mentor if that is
 * their role, else as mentee). Made here rather than with createTestMatch (test/setup), whose
 * answers the application schema currently refuses (it still sends `country`).
 */
async function makeMatch(ctx: TestContext, caller?: { id: number; asMentor: boolean }): Promise<{ id: number; menteeId: number }> {
  const at = ctx.deps.clock.now().toISOString();
  const mentorId = caller?.asMentor ? caller.id : (await createPerson(ctx.deps, ['mentor'])).id;
  const menteeId = caller && !caller.asMentor ? caller.id : (await createPerson(ctx.deps, ['mentee'])).id;
  const apply = (userId: number, role: 'mentor' | 'mentee') =>
    insertApplication(ctx.deps.db, { periodId: SEED_PERIOD_ID, userId, role, status: 'accepted', answers: answersFor(role, 0), at });
  const id = await insertMatch(ctx.deps.db, {
    periodId: SEED_PERIOD_ID,
    mentorUserId: mentorId,
    menteeUserId: menteeId,
    mentorApplicationId: await apply(mentorId, 'mentor'),
    menteeApplicationId: await apply(menteeId, 'mentee'),
    matchingRunId: null,
    score: 0.8,
    explanation: 'both in public libraries',
    at,
  });
  return { id, menteeId };
}

const callerIn = (f: Fixture) => (f.ownId === 0 ? undefined : { id: f.ownId, asMentor: f.caller === 'mentor' });

/** The caller's own match and a match of two strangers (matrix-kit's matchTargets, made as above). */
async function matches(ctx: TestContext, f: Fixture): Promise<{ own: number; other: number }> {
  return { own: (await makeMatch(ctx, callerIn(f))).id, other: (await makeMatch(ctx)).id };
}

/** A contact the caller logged in their own match, and one a stranger logged in another match. */
async function contacts(ctx: TestContext, f: Fixture): Promise<{ own: number; other: number }> {
  const at = ctx.deps.clock.now().toISOString();
  const log = (matchId: number, loggedBy: number) =>
    insertContact(ctx.deps.db, { matchId, loggedBy, occurredOn: at.slice(0, 10), channel: 'email', activityId: null, note: '', at });
  const mine = await makeMatch(ctx, callerIn(f));
  const theirs = await makeMatch(ctx);
  return { own: await log(mine.id, f.ownId === 0 ? mine.menteeId : f.ownId), other: await log(theirs.id, theirs.menteeId) };
}

/** Routes of the activity catalogue and contact log: who may call them. */
export const activityMatrix: Record<string, Cell> = {
  'GET /api/activities': { url: () => '/api/activities?includeRetired=true', expect: SIGNED_IN },
  'POST /api/activities': { url: () => '/api/activities', body: (f) => ({ title: `Activity ${f.seq}`, programGoalIds: [1] }), expect: STAFF_ONLY },
  'PATCH /api/activities/:id': { url: () => '/api/activities/1', body: () => ({ description: 'Edited.' }), expect: STAFF_ONLY },
  // An incomplete order is refused (422) once past the role check.
  'POST /api/activities/reorder': { url: () => '/api/activities/reorder', body: () => ({ ids: [1] }), expect: STAFF_ONLY },
  'GET /api/matches/:id/contacts': { url: () => '/api/matches/:id/contacts', targets: matches, expect: MATCH_PARTIES_OR_STAFF },
  'POST /api/matches/:id/contacts': { url: () => '/api/matches/:id/contacts', targets: matches, body: () => ({ channel: 'email' }), expect: PARTIES_WRITE },
  'DELETE /api/contacts/:id': { url: () => '/api/contacts/:id', targets: contacts, expect: LOGGER_ONLY },
};
