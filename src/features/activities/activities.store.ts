import type { Executor } from '../../db/executor.ts';

export interface ActivityRecord {
  id: number;
  position: number;
  title: string;
  description: string;
  programGoalIds: number[];
  retired: boolean;
}

function parseIds(text: string): number[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is number => Number.isInteger(v)) : [];
  } catch {
    return [];
  }
}

function toRecord(r: {
  id: number;
  position: number;
  title: string;
  description: string;
  program_goal_ids: string;
  retired_at: string | null;
}): ActivityRecord {
  return {
    id: r.id,
    position: r.position,
    title: r.title,
    description: r.description,
    programGoalIds: parseIds(r.program_goal_ids),
    retired: r.retired_at !== null,
  };
}

const COLUMNS = ['id', 'position', 'title', 'description', 'program_goal_ids', 'retired_at'] as const;

/** The catalogue in its order; retired activities only when asked for. */
export async function listActivities(db: Executor, opts: { includeRetired: boolean }): Promise<ActivityRecord[]> {
  let query = db.selectFrom('activities').select(COLUMNS).orderBy('position').orderBy('id');
  if (!opts.includeRetired) query = query.where('retired_at', 'is', null);
  return (await query.execute()).map(toRecord);
}

export async function findActivity(db: Executor, id: number): Promise<ActivityRecord | undefined> {
  const row = await db.selectFrom('activities').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function countActivities(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertActivity(
  db: Executor,
  a: { title: string; description: string; programGoalIds: number[]; position: number; at: string },
): Promise<number> {
  const row = await db
    .insertInto('activities')
    .values({
      position: a.position,
      title: a.title,
      description: a.description,
      program_goal_ids: JSON.stringify(a.programGoalIds),
      retired_at: null,
      created_at: a.at,
      updated_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateActivity(
  db: Executor,
  id: number,
  patch: {
    title?: string | undefined;
    description?: string | undefined;
    programGoalIds?: number[] | undefined;
    retiredAt?: string | null | undefined;
  },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('activities')
    .set({
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.programGoalIds !== undefined && { program_goal_ids: JSON.stringify(patch.programGoalIds) }),
      ...(patch.retiredAt !== undefined && { retired_at: patch.retiredAt }),
      updated_at: at,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setActivityPosition(db: Executor, id: number, position: number): Promise<void> {
  await db.updateTable('activities').set({ position }).where('id', '=', id).execute();
}
