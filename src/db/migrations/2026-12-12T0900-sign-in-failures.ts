import type { Kysely } from 'kysely';
import { idColumn } from './portable.ts';

/*
 * Failed sign-ins, counted in the database so that every instance sees the same count (issue #15,
 * decision 0021). A row per failure and per key: one key for the account typed, one for the
 * caller's address, each a SHA-256 hash, so neither a mistyped address (sometimes a password) nor
 * an IP address is kept in the clear. Rows older than the window are deleted as new ones come.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('key', 'varchar(80)', (c) => c.notNull())
    .addColumn('failed_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sign_in_failures_key_idx').on('sign_in_failures').columns(['key', 'failed_at']).execute();
  await db.schema.createIndex('sign_in_failures_at_idx').on('sign_in_failures').column('failed_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
}
