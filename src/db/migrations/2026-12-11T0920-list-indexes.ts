import type { Kysely } from 'kysely';

/*
 * Indexes for the staff lists of a period's matches, goal sheets and reminders (issue #19).
 * Without the first, a period's matches were found by reading every match and sorted in a
 * temporary tree; with it, the list walks one period's matches in the order of when they were
 * made (newest or oldest first) and stops after a page. The goal-sheet list starts from the same
 * rows. The second lets the reminders list find one match's jobs and a kind's jobs by status.
 * The id at the end of each is the tie-breaker the keyset cursor uses.
 */
const INDEXES: { name: string; table: string; columns: string[] }[] = [
  { name: 'matches_period_matched_idx', table: 'matches', columns: ['period_id', 'matched_at', 'id'] },
  { name: 'jobs_kind_status_idx', table: 'jobs', columns: ['kind', 'status', 'run_at', 'id'] },
];

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) await db.schema.dropIndex(index.name).execute();
}
