import type { Kysely } from 'kysely';

/*
 * A person's own applications (their home page, their data, their roles after a decision) were
 * found by reading every application of every period: the only index holding user_id starts with
 * the period (the one-per-role constraint). At 100,000 people that was 0.16 s of the event loop on
 * each participant's home page (bench/stalls; test/api/query-plans.test.ts now covers the route).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('applications_user_idx').on('applications').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_user_idx').execute();
}
