import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { NotFoundError, RuleViolationError } from '../../errors.ts';
import type { CreateActivity, UpdateActivity } from '../../shared/api/activities.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { auditedChange } from '../audit/audit.service.ts';
import { nextPosition, reorderList, retiredAtFor } from '../programs/curated-lists.ts';
import type { OrderedList } from '../programs/curated-lists.ts';
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

const ALL = { includeRetired: true };
const listAll = (db: Executor) => listActivities(db, ALL);

export function addActivity(deps: Deps, actor: Actor, input: CreateActivity): Promise<ActivityRecord[]> {
  return auditedChange(deps, actor, async (trx, at, audit) => {
    const programGoalIds = await checkedGoalIds(trx, input.programGoalIds);
    const position = nextPosition(await listAll(trx));
    const id = await insertActivity(trx, { title: input.title, description: input.description, programGoalIds, position, at });
    await audit({ action: 'activity.added', entityType: 'activity', entityId: id, details: { title: input.title } });
    return listAll(trx);
  });
}

/**
 * Edits an activity's wording or goals, or retires / restores it. There is no delete: contacts
 * point at activities, and a retired one simply stops being offered.
 */
export function changeActivity(deps: Deps, actor: Actor, id: number, patch: UpdateActivity): Promise<ActivityRecord[]> {
  return auditedChange(deps, actor, async (trx, at, audit) => {
    const current = await findActivity(trx, id);
    if (!current) throw new NotFoundError('activity');
    const programGoalIds =
      patch.programGoalIds === undefined ? undefined : await checkedGoalIds(trx, patch.programGoalIds, current.programGoalIds);
    const retiredAt = retiredAtFor(patch.retired, at);
    await updateActivity(trx, id, { title: patch.title, description: patch.description, programGoalIds, retiredAt }, at);
    await audit({ action: 'activity.changed', entityType: 'activity', entityId: id, details: { ...patch } });
    return listAll(trx);
  });
}

const ACTIVITIES: OrderedList<ActivityRecord> = {
  list: listAll,
  setPosition: setActivityPosition,
  incomplete: { code: 'ACTIVITY_ORDER_INCOMPLETE', message: 'List every activity, retired ones too, exactly once in the new order.' },
  audit: { action: 'activities.reordered', entityType: 'activity' },
};

export function reorderActivities(deps: Deps, actor: Actor, ids: number[]): Promise<ActivityRecord[]> {
  return reorderList(deps, actor, ACTIVITIES, ids);
}

/** The default catalogue, added once at setup (src/features/accounts/setup.service.ts). */
export { seedDefaultActivities } from './default-activities.ts';
