import type { Executor } from '../../db/executor.ts';
import { readInPages } from '../../db/read-in-pages.ts';
import { writeInChunks } from '../../db/write-in-chunks.ts';

/** One match of a mentor in a period, with what a letter needs to know about the mentor. */
export interface MentorMatchRow {
  periodId: number;
  mentorUserId: number;
  mentorName: string;
  mentorEmail: string;
  mentorDisabled: boolean;
  menteeUserId: number;
  matchedAt: string;
  endedAt: string | null;
}

function baseQuery(db: Executor) {
  return db
    .selectFrom('matches as m')
    .innerJoin('users as u', 'u.id', 'm.mentor_user_id')
    .select(['m.period_id', 'm.mentor_user_id', 'u.name', 'u.email', 'u.disabled_at', 'm.mentee_user_id', 'm.matched_at', 'm.ended_at']);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toRow = (r: Row): MentorMatchRow => ({
  periodId: r.period_id,
  mentorUserId: r.mentor_user_id,
  mentorName: r.name,
  mentorEmail: r.email,
  mentorDisabled: r.disabled_at !== null,
  menteeUserId: r.mentee_user_id,
  matchedAt: r.matched_at,
  endedAt: r.ended_at,
});

/** Every match of a period, by mentor name then match time: the order first, then a page of rows at a time (read-in-pages.ts). */
export async function listPeriodMentorMatches(db: Executor, periodId: number): Promise<MentorMatchRow[]> {
  const keys = await db
    .selectFrom('matches as m')
    .innerJoin('users as u', 'u.id', 'm.mentor_user_id')
    .select('m.id')
    .where('m.period_id', '=', periodId)
    .orderBy('u.name')
    .orderBy('m.mentor_user_id')
    .orderBy('m.matched_at')
    .orderBy('m.id')
    .execute();
  const order = keys.map((k) => k.id);
  return readInPages(order, async (page) => {
    const rows = new Map((await baseQuery(db).select('m.id').where('m.id', 'in', page).execute()).map((r) => [r.id, r]));
    return page.flatMap((id) => {
      const r = rows.get(id);
      return r ? [toRow(r)] : [];
    });
  });
}

/** One mentor's matches in one period (any period when `periodId` is null). */
export async function listMentorMatches(db: Executor, mentorUserId: number, periodId: number | null): Promise<MentorMatchRow[]> {
  let q = baseQuery(db).where('m.mentor_user_id', '=', mentorUserId);
  if (periodId !== null) q = q.where('m.period_id', '=', periodId);
  const rows = await q.orderBy('m.period_id').orderBy('m.matched_at').execute();
  return rows.map(toRow);
}

/** When each mentor of the period was sent their letter, by user id. */
export async function listMailings(db: Executor, periodId: number): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('recognition_letter_mailings')
    .select(['user_id', 'mailed_at'])
    .where('period_id', '=', periodId)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.mailed_at]));
}

/**
 * Claims the one mailing of each of these mentors' letters for a period: those claimed now, to be
 * mailed. Safe under concurrency: the primary key (period_id, user_id) lets only one of two racing
 * sends insert a mentor's row; the other inserts nothing for them and records no second e-mail.
 */
export async function claimMailings(db: Executor, periodId: number, userIds: readonly number[], at: string): Promise<Set<number>> {
  const claimed = await writeInChunks(userIds, 500, (chunk) =>
    db
      .insertInto('recognition_letter_mailings')
      .values(chunk.map((userId) => ({ period_id: periodId, user_id: userId, mailed_at: at })))
      .onConflict((oc) => oc.columns(['period_id', 'user_id']).doNothing())
      .returning('user_id')
      .execute(),
  );
  return new Set(claimed.map((r) => r.user_id));
}
