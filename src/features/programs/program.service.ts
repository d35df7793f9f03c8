import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { UpdateSettings } from '../../shared/api/settings.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { DEFAULT_ELIGIBILITY_QUESTIONS, DEFAULT_PROGRAM_GOALS, DEFAULT_SETTINGS } from './default-settings.ts';
import { insertGoal, listGoals, setGoalPosition, updateGoal } from './goals.store.ts';
import type { ProgramGoalRecord } from './goals.store.ts';
import { findSettings, insertSettings, saveSettings } from './settings.store.ts';
import type { ProgramSettings } from './settings.store.ts';
import { settingsProblems } from './settings.rules.ts';

/** Creates the program's settings and default goals if they are not there yet (first run, CLI; see setUpProgramData). */
export async function ensureProgram(db: Executor, now: Date, basics: { programName: string; timeZone: string }): Promise<void> {
  const at = toInstant(now);
  if (!(await findSettings(db))) {
    await insertSettings(
      db,
      {
        ...basics,
        ...DEFAULT_SETTINGS,
        eligibilityQuestions: DEFAULT_ELIGIBILITY_QUESTIONS,
        goalSheetContact: null,
        trainingContact: null,
      },
      at,
    );
  }
  if ((await listGoals(db)).length === 0) {
    for (const [i, g] of DEFAULT_PROGRAM_GOALS.entries()) await insertGoal(db, { ...g, position: i + 1, at });
  }
}

export async function getSettings(deps: Pick<Deps, 'db'>): Promise<ProgramSettings> {
  const settings = await findSettings(deps.db);
  if (!settings) throw new ConflictError('NOT_SET_UP', 'Tandem has not been set up yet.');
  return settings;
}

export async function updateSettings(deps: Deps, actor: Actor, patch: UpdateSettings): Promise<ProgramSettings> {
  return deps.db.transaction().execute(async (trx) => {
    const current = await findSettings(trx);
    if (!current) throw new ConflictError('NOT_SET_UP', 'Tandem has not been set up yet.');
    const next = { ...current, ...patch };
    const problems = settingsProblems(next);
    if (problems.length > 0) {
      throw new RuleViolationError('INVALID_SETTINGS', problems.map((p) => p.message).join(' '), problems);
    }
    const at = toInstant(deps.clock.now());
    await saveSettings(trx, next, at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'settings.updated',
      entityType: 'settings',
      entityId: null,
      details: { fields: Object.keys(patch) },
      at,
    });
    return { ...next, updatedAt: at };
  });
}

export function listProgramGoals(deps: Pick<Deps, 'db'>): Promise<ProgramGoalRecord[]> {
  return listGoals(deps.db);
}

export async function addProgramGoal(
  deps: Deps,
  actor: Actor,
  input: { title: string; description: string },
): Promise<ProgramGoalRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const goals = await listGoals(trx);
    const at = toInstant(deps.clock.now());
    const position = Math.max(0, ...goals.map((g) => g.position)) + 1;
    const id = await insertGoal(trx, { ...input, position, at });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'goal.added',
      entityType: 'program_goal',
      entityId: id,
      details: { title: input.title },
      at,
    });
    return listGoals(trx);
  });
}

/**
 * Goals are retired, never deleted: applications, goal sheets and reports keep pointing at them.
 */
export async function changeProgramGoal(
  deps: Deps,
  actor: Actor,
  id: number,
  patch: { title?: string | undefined; description?: string | undefined; retired?: boolean | undefined },
): Promise<ProgramGoalRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const at = toInstant(deps.clock.now());
    const retiredAt = patch.retired === undefined ? undefined : patch.retired ? at : null;
    const found = await updateGoal(trx, id, { title: patch.title, description: patch.description, retiredAt });
    if (!found) throw new NotFoundError('program goal');
    await recordAudit(trx, { actorId: actor.userId, action: 'goal.changed', entityType: 'program_goal', entityId: id, details: patch, at });
    return listGoals(trx);
  });
}

export async function reorderProgramGoals(deps: Deps, actor: Actor, ids: number[]): Promise<ProgramGoalRecord[]> {
  return deps.db.transaction().execute(async (trx) => {
    const goals = await listGoals(trx);
    const known = new Set(goals.map((g) => g.id));
    if (ids.length !== known.size || new Set(ids).size !== ids.length || ids.some((id) => !known.has(id))) {
      throw new RuleViolationError('GOAL_ORDER_INCOMPLETE', 'List every program goal exactly once in the new order.');
    }
    for (const [i, id] of ids.entries()) await setGoalPosition(trx, id, i + 1);
    const at = toInstant(deps.clock.now());
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'goals.reordered',
      entityType: 'program_goal',
      entityId: null,
      details: { ids },
      at,
    });
    return listGoals(trx);
  });
}

// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export { findSettings } from './settings.store.ts';
export type { Contact, ProgramSettings } from './settings.store.ts';
export { listGoals } from './goals.store.ts';
export type { ProgramGoalRecord } from './goals.store.ts';
