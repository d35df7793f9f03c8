import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  // Scheduled backups (decision 0015): one row, id 1; no row means "off".
  await db.schema
    .createTable('backup_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    /** 'off' | 'daily' */
    .addColumn('frequency', 'varchar(10)', (c) => c.notNull())
    /** How many scheduled backups to keep; older ones are deleted. */
    .addColumn('keep', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('backup_settings').execute();
}
