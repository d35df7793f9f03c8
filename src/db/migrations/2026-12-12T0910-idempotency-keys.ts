import type { Kysely } from 'kysely';
import { idColumn } from './portable.ts';

/*
 * Idempotent writes (issue #15 item 6, decision 0022): a signed-in change sent with an
 * `Idempotency-Key` header is remembered for a day under (person, key) with a hash of what was
 * asked and, once answered, the answer; the same request again gets the same answer without
 * running twice. Deleted with the person, and a day after it was made.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('id', 'integer', idColumn(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key', 'varchar(100)', (c) => c.notNull())
    /** SHA-256 of the method, the route as matched, its parameters and its body. */
    .addColumn('request_hash', 'varchar(64)', (c) => c.notNull())
    /** 'pending' while the first request runs; 'done' once its answer is kept. */
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('response_type', 'varchar(100)')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('idempotency_keys_user_key_unique', ['user_id', 'key'])
    .execute();
  await db.schema.createIndex('idempotency_keys_created_idx').on('idempotency_keys').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
}
