import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { UpdateSettings } from '../../shared/api/settings.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { auditedChange } from '../audit/audit.service.ts';
import { DEFAULT_ELIGIBILITY_QUESTIONS, DEFAULT_PROGRAM_GOALS, DEFAULT_SETTINGS } from './default-settings.ts';
import { insertGoal, listGoals, setGoalPosition, updateGoal } from './goals.store.ts';
import type { ProgramGoalRecord } from './goals.store.ts';
import { findSettings, insertSettings, saveSettings } from './settings.store.ts';
import type { ProgramSettings } from './settings.store.ts';
import { settingsProblems } from './settings.rules.ts';
import { nextPosition, reorderList, retiredAtFor } from './curated-lists.ts';
import type { OrderedList } from './curated-lists.ts';

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
        interestVocabulary: [],
        goalSheetContact: null,
        trainingContact: null,
        letterSigner: null,
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

export function updateSettings(deps: Deps, actor: Actor, patch: UpdateSettings): Promise<ProgramSettings> {
  return auditedChange(deps, actor, async (trx, at, audit) => {
    const current = await findSettings(trx);
    if (!current) throw new ConflictError('NOT_SET_UP', 'Tandem has not been set up yet.');
    const next = { ...current, ...patch };
    const problems = settingsProblems(next);
    if (problems.length > 0) {
      throw new RuleViolationError('INVALID_SETTINGS', problems.map((p) => p.message).join(' '), problems);
    }
    await saveSettings(trx, next, at);
    await audit({ action: 'settings.updated', entityType: 'settings', entityId: null, details: { fields: Object.keys(patch) } });
    return { ...next, updatedAt: at };
  });
}

export function listProgramGoals(deps: Pick<Deps, 'db'>): Promise<ProgramGoalRecord[]> {
  return listGoals(deps.db);
}

export function addProgramGoal(deps: Deps, actor: Actor, input: { title: string; description: string }): Promise<ProgramGoalRecord[]> {
  return auditedChange(deps, actor, async (trx, at, audit) => {
    const id = await insertGoal(trx, { ...input, position: nextPosition(await listGoals(trx)), at });
    await audit({ action: 'goal.added', entityType: 'program_goal', entityId: id, details: { title: input.title } });
    return listGoals(trx);
  });
}

/**
 * Goals are retired, never deleted: applications, goal sheets and reports keep pointing at them.
 */
export function changeProgramGoal(
  deps: Deps,
  actor: Actor,
  id: number,
  patch: { title?: string | undefined; description?: string | undefined; retired?: boolean | undefined },
): Promise<ProgramGoalRecord[]> {
  return auditedChange(deps, actor, async (trx, at, audit) => {
    const found = await updateGoal(trx, id, {
      title: patch.title,
      description: patch.description,
      retiredAt: retiredAtFor(patch.retired, at),
    });
    if (!found) throw new NotFoundError('program goal');
    await audit({ action: 'goal.changed', entityType: 'program_goal', entityId: id, details: patch });
    return listGoals(trx);
  });
}

const GOALS: OrderedList<ProgramGoalRecord> = {
  list: listGoals,
  setPosition: setGoalPosition,
  incomplete: { code: 'GOAL_ORDER_INCOMPLETE', message: 'List every program goal exactly once in the new order.' },
  audit: { action: 'goals.reordered', entityType: 'program_goal' },
};

export function reorderProgramGoals(deps: Deps, actor: Actor, ids: number[]): Promise<ProgramGoalRecord[]> {
  return reorderList(deps, actor, GOALS, ids);
}

// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export { findSettings } from './settings.store.ts';
export type { Contact, LetterSigner, ProgramSettings } from './settings.store.ts';
export { listGoals } from './goals.store.ts';
export type { ProgramGoalRecord } from './goals.store.ts';
