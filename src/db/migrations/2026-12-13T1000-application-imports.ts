import type { Kysely } from 'kysely';
import { idColumn } from './portable.ts';

/*
 * CSV imports of applications that run in the background (issue #16): one row per file sent, with
 * who sent it, the mode, and once it is over what it found (JSON, rows with errors capped) or why
 * it failed. Progress while it runs is kept by the instance doing it, not written here; a heartbeat
 * tells the other instances it is still alive.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('application_imports')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('period_id', 'integer', (c) => c.notNull().references('periods.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('mode', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error_code', 'varchar(60)')
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .addColumn('heartbeat_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('application_imports_period_idx').on('application_imports').columns(['period_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('application_imports').execute();
}
