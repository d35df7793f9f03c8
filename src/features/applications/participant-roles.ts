import type { Executor } from '../../db/executor.ts';
import type { ApplicationRole, ApplicationStatus } from '../../shared/application-vocabulary.ts';
import { changeRolesOfMany, listRolesOf, lockUser, lockUsers } from '../accounts/people.service.ts';
import { listActiveMatchSidesOf } from '../matches/matches.service.ts';
import { participantRoleChanges } from './participant-roles.rules.ts';
import { listApplicationStatusesOf } from './applications.store.ts';

/**
 * Up to this many people are locked one statement each, in exact ascending order. More (a bulk
 * decision's thousands) go a chunk per statement: still chunk by chunk in ascending order, but
 * within a chunk PostgreSQL locks in its plan's order, so two bulk decisions over the same people
 * at once could deadlock, and PostgreSQL would then abort one of them.
 */
const LOCK_ONE_BY_ONE = 50;

/**
 * Re-derives the mentor and mentee roles of these people from their applications and active
 * matches (the rule is participant-roles.rules.ts), inside the caller's transaction and after
 * its writes. Every use case that changes an application's status, adds an application, or makes
 * or ends a match calls this for the people concerned, so the roles never drift from the rule.
 * Staff, committee and task-force roles are left alone.
 *
 * Each person's row is locked first, in ascending id order (no deadlock between two callers
 * with overlapping people): a second transaction deciding on another application of the same
 * person waits, then reads what the first committed, so the last one to finish derives from
 * everything.
 */
export async function syncParticipantRoles(db: Executor, userIds: Iterable<number>): Promise<void> {
  const ids = [...new Set(userIds)].sort((a, b) => a - b);
  if (ids.length === 0) return;
  // One statement per person keeps the order exact; a bulk decision's thousands go by chunks.
  if (ids.length <= LOCK_ONE_BY_ONE) for (const id of ids) await lockUser(db, id);
  else await lockUsers(db, ids);
  const [roles, applications, matchSides] = [
    await listRolesOf(db, ids),
    await listApplicationStatusesOf(db, ids),
    await listActiveMatchSidesOf(db, ids),
  ];
  const facts = new Map<
    number,
    { applications: { role: ApplicationRole; status: ApplicationStatus }[]; activeMatchSides: ApplicationRole[] }
  >(ids.map((id) => [id, { applications: [], activeMatchSides: [] }]));
  for (const a of applications) facts.get(a.userId)?.applications.push({ role: a.role, status: a.status });
  for (const m of matchSides) facts.get(m.userId)?.activeMatchSides.push(m.side);
  await changeRolesOfMany(
    db,
    ids.map((id) => ({
      userId: id,
      ...participantRoleChanges(roles.get(id) ?? [], facts.get(id) ?? { applications: [], activeMatchSides: [] }),
    })),
  );
}
