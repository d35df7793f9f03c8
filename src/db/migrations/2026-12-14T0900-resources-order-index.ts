import type { Kysely } from 'kysely';

/*
 * A participant's match page lists the first few resources for their audiences in the program's
 * order. Without an index in that order SQLite read every resource and sorted them in a temporary
 * B-tree on each view (22 µs with none at all); with it, it reads in order and stops at the page.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen in time and use Kysely<any> */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('resources_order_idx').on('resources').columns(['position', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('resources_order_idx').execute();
}
