import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { NotFoundError, RuleViolationError } from '../../errors.ts';
import type { CreateActivity, UpdateActivity } from '../../shared/api/activities.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listGoals } from '../programs/program.service.ts';
import { findActivity, insertActivity, listActivities, setActivityPosition, updateActivity } from './activities.store.ts';
import type { ActivityRecord } from './activities.store.ts';

/** Everyone signed in reads the catalogue; only staff may ask for the retired activities too. */
export function listCatalogue(deps: Pick<Deps, 'db'>, actor: Actor, includeRetired: boolean): Promise<ActivityRecord[]> {
  return listActivities(deps.db, { includeRetired: includeRetired && hasRole(actor, 'staff') });
}

/**
 * The program goals an activity may serve: ones that exist, and not newly tied to a retired one
 * (a goal retired after it was tied stays, like on goal sheets). Returned in the goals' order.
 */
async function checkedGoalIds(db: Executor, ids: readonly number[], keep: readonly number[] = []): Promise<number[]> {
  const goals = await listGoals(db);
  const wanted = new Set(ids);
  for (const id of wanted) {
    const goal = goals.find((g) => g.id === id);
    if (!goal) {
      throw new RuleViolationError('UNKNOWN_PROGRAM_GOAL', `There is no program goal with id ${id}.`, [
        { path: 'programGoalIds', message: 'Choose from the program goals listed.' },
      ]);
    }
    if (goal.retired && !keep.includes(id)) {
      throw new RuleViolationError('PROGRAM_GOAL_RETIRED', `“${goal.title}” is retired, so new activities can’t serve it.`, [
        { path: 'programGoalIds', message: `“${goal.title}” is retired.` },
      ]);
    }
  }
  return goals.filter((g) => wanted.has(g.id)).map((g) => g.id);
}

export async function addActivity(deps: Deps, actor: Actor, input: CreateActivity): Promise<ActivityRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const programGoalIds = await checkedGoalIds(trx, input.programGoalIds);
    const all = await listActivities(trx, { includeRetired: true });
    const at = toInstant(deps.clock.now());
    const position = Math.max(0, ...all.map((a) => a.position)) + 1;
    const id = await insertActivity(trx, { title: input.title, description: input.description, programGoalIds, position, at });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'activity.added',
      entityType: 'activity',
      entityId: id,
      details: { title: input.title },
      at,
    });
    return listActivities(trx, { includeRetired: true });
  });
}

/**
 * Edits an activity's wording or goals, or retires / restores it. There is no delete: contacts
 * point at activities, and a retired one simply stops being offered.
 */
export async function changeActivity(deps: Deps, actor: Actor, id: number, patch: UpdateActivity): Promise<ActivityRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await findActivity(trx, id);
    if (!current) throw new NotFoundError('activity');
    const programGoalIds =
      patch.programGoalIds === undefined ? undefined : await checkedGoalIds(trx, patch.programGoalIds, current.programGoalIds);
    const at = toInstant(deps.clock.now());
    const retiredAt = patch.retired === undefined ? undefined : patch.retired ? at : null;
    await updateActivity(trx, id, { title: patch.title, description: patch.description, programGoalIds, retiredAt }, at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'activity.changed',
      entityType: 'activity',
      entityId: id,
      details: { ...patch },
      at,
    });
    return listActivities(trx, { includeRetired: true });
  });
}

export async function reorderActivities(deps: Deps, actor: Actor, ids: number[]): Promise<ActivityRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const all = await listActivities(trx, { includeRetired: true });
    const known = new Set(all.map((a) => a.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new RuleViolationError('ACTIVITY_ORDER_INCOMPLETE', 'List every activity, retired ones too, exactly once in the new order.');
    }
    for (const [i, id] of ids.entries()) await setActivityPosition(trx, id, i + 1);
    const at = toInstant(deps.clock.now());
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'activities.reordered',
      entityType: 'activity',
      entityId: null,
      details: { ids },
      at,
    });
    return listActivities(trx, { includeRetired: true });
  });
}

/** The default catalogue, added once at setup (src/features/accounts/setup.service.ts). */
export { seedDefaultActivities } from './default-activities.ts';
