import type { Executor } from '../../db/executor.ts';

export interface ProgramGoalRecord {
  id: number;
  position: number;
  title: string;
  description: string;
  retired: boolean;
}

export async function listGoals(db: Executor): Promise<ProgramGoalRecord[]> {
  const rows = await db
    .selectFrom('program_goals')
    .select(['id', 'position', 'title', 'description', 'retired_at'])
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    position: r.position,
    title: r.title,
    description: r.description,
    retired: r.retired_at !== null,
  }));
}

export async function insertGoal(db: Executor, g: { title: string; description: string; position: number; at: string }): Promise<number> {
  const row = await db
    .insertInto('program_goals')
    .values({ title: g.title, description: g.description, position: g.position, created_at: g.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateGoal(
  db: Executor,
  id: number,
  patch: { title?: string | undefined; description?: string | undefined; retiredAt?: string | null | undefined },
): Promise<boolean> {
  const result = await db
    .updateTable('program_goals')
    .set({
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.retiredAt !== undefined && { retired_at: patch.retiredAt }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setGoalPosition(db: Executor, id: number, position: number): Promise<void> {
  await db.updateTable('program_goals').set({ position }).where('id', '=', id).execute();
}
