import type { Kysely } from 'kysely';

/*
 * The staff's suggested interests and areas of expertise (issue #19): a JSON array of strings on the
 * one settings row, like the eligibility questions beside it. Null until staff save a list; read as [].
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('program_settings').addColumn('interest_vocabulary', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('program_settings').dropColumn('interest_vocabulary').execute();
}
