import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  // When staff erased this person: their details are placeholders from then on, and the account
  // can never be enabled again (a disabled account only can).
  await db.schema.alterTable('users').addColumn('erased_at', 'varchar(30)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('erased_at').execute();
}
