import type { Executor } from '../../db/executor.ts';

/** Hybrid mode: a mentee's wished mentors (application ids), first choice first. */
export async function listWishes(
  db: Executor,
  menteeApplicationIds: readonly number[],
): Promise<{ menteeApplicationId: number; mentorApplicationId: number; rank: number }[]> {
  if (menteeApplicationIds.length === 0) return [];
  const rows = await db
    .selectFrom('mentee_wishes')
    .select(['mentee_application_id', 'mentor_application_id', 'rank'])
    .where('mentee_application_id', 'in', [...menteeApplicationIds])
    .orderBy('mentee_application_id')
    .orderBy('rank')
    .execute();
  return rows.map((r) => ({ menteeApplicationId: r.mentee_application_id, mentorApplicationId: r.mentor_application_id, rank: r.rank }));
}

/** Every wish of a period's mentees. */
export async function listWishesOfPeriod(db: Executor, periodId: number) {
  const rows = await db
    .selectFrom('mentee_wishes as w')
    .innerJoin('applications as a', 'a.id', 'w.mentee_application_id')
    .select(['w.mentee_application_id', 'w.mentor_application_id', 'w.rank'])
    .where('a.period_id', '=', periodId)
    .orderBy('w.mentee_application_id')
    .orderBy('w.rank')
    .execute();
  return rows.map((r) => ({ menteeApplicationId: r.mentee_application_id, mentorApplicationId: r.mentor_application_id, rank: r.rank }));
}

export async function replaceWishes(
  db: Executor,
  menteeApplicationId: number,
  mentorApplicationIds: readonly number[],
  at: string,
): Promise<void> {
  await db.deleteFrom('mentee_wishes').where('mentee_application_id', '=', menteeApplicationId).execute();
  if (mentorApplicationIds.length === 0) return;
  await db
    .insertInto('mentee_wishes')
    .values(
      mentorApplicationIds.map((id, k) => ({
        mentee_application_id: menteeApplicationId,
        mentor_application_id: id,
        rank: k + 1,
        created_at: at,
      })),
    )
    .execute();
}

export interface SuggestionSetRecord {
  periodId: number;
  fingerprint: string;
  result: string;
  computedAt: string;
}

export async function findSuggestionSet(db: Executor, periodId: number): Promise<SuggestionSetRecord | undefined> {
  const row = await db.selectFrom('suggestion_sets').selectAll().where('period_id', '=', periodId).executeTakeFirst();
  return row && { periodId: row.period_id, fingerprint: row.fingerprint, result: row.result, computedAt: row.computed_at };
}

/** Keeps the newest computation; two instances computing the same pool at once write the same thing. */
export async function saveSuggestionSet(db: Executor, s: SuggestionSetRecord): Promise<void> {
  const values = { fingerprint: s.fingerprint, result: s.result, computed_at: s.computedAt };
  await db
    .insertInto('suggestion_sets')
    .values({ period_id: s.periodId, ...values })
    .onConflict((oc) => oc.column('period_id').doUpdateSet(values))
    .execute();
}
