import type { Kysely } from 'kysely';

/*
 * Indexes for the staff's applications list (issue #19), which holds 10,000 applications and more:
 * - newest first (the default order) walks (period_id, created_at, id) backwards and stops after a
 *   page, instead of sorting the whole period on every request; the id is the cursor's tie-breaker;
 * - the counts by role and status read (period_id, role, status) alone, without the table's rows.
 * The existing (period_id, status) index serves the status filter and the bulk decision's selection.
 */
const INDEXES: { name: string; table: string; columns: string[] }[] = [
  { name: 'applications_period_created_idx', table: 'applications', columns: ['period_id', 'created_at', 'id'] },
  { name: 'applications_period_role_status_idx', table: 'applications', columns: ['period_id', 'role', 'status'] },
];

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES) await db.schema.dropIndex(index.name).execute();
}
