import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.ts';

/**
 * Every row of every table, as one comparable value: take one before an attack and one after,
 * and they must be equal. Rows are sorted by their text, so the order a database returns them
 * in does not matter.
 */
export async function snapshotDatabase(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
  const snapshot: Record<string, string[]> = {};
  for (const name of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db);
    snapshot[name] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return snapshot;
}
