import type { Executor } from '../../db/executor.ts';

export interface FaqRecord {
  id: number;
  position: number;
  question: string;
  answer: string;
}

export async function listFaq(db: Executor): Promise<FaqRecord[]> {
  return db.selectFrom('faq_entries').select(['id', 'position', 'question', 'answer']).orderBy('position').orderBy('id').execute();
}

export async function countFaq(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('faq_entries')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertFaq(db: Executor, e: { question: string; answer: string; position: number; at: string }): Promise<number> {
  const row = await db
    .insertInto('faq_entries')
    .values({ question: e.question, answer: e.answer, position: e.position, created_at: e.at, updated_at: e.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateFaq(
  db: Executor,
  id: number,
  patch: { question?: string | undefined; answer?: string | undefined },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('faq_entries')
    .set({
      ...(patch.question !== undefined && { question: patch.question }),
      ...(patch.answer !== undefined && { answer: patch.answer }),
      updated_at: at,
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteFaq(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('faq_entries').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function setFaqPosition(db: Executor, id: number, position: number): Promise<void> {
  await db.updateTable('faq_entries').set({ position }).where('id', '=', id).execute();
}
