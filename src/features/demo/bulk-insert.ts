import { sql } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { Database } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';

/**
 * Many rows at once, for the scale seed: multi-row INSERTs inside the caller's transaction, each
 * statement kept under the bound-parameter limit of both databases (SQLite 32,766, PostgreSQL
 * 65,535), and the tables whose ids the seed chose itself moved on afterwards.
 */

/** Parameters per statement: under SQLite's limit with room to spare. */
const PARAMS_PER_STATEMENT = 30_000;

type Table = keyof Database;
export type Row<T extends Table> = Insertable<Database[T]>;

export async function insertMany<T extends Table>(
  db: Executor,
  table: T,
  rows: readonly Row<T>[],
  onRows: (count: number) => void = () => undefined,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const perStatement = Math.max(1, Math.floor(PARAMS_PER_STATEMENT / Object.keys(first).length));
  // Kysely's types cannot follow a table name given as a type parameter into values(): the rows are
  // typed by the caller (Row<T>), so this one cast is safe.
  const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement) as unknown as Record<string, unknown>[];
    await loose.insertInto(table).values(chunk).execute();
    onRows(chunk.length);
  }
}

/** The next free id of a table (the seed writes its own ids, so it can refer to rows before they exist). */
export async function nextId(
  db: Executor,
  table: 'users' | 'applications' | 'matches' | 'goal_sheets' | 'events' | 'surveys',
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.max<number | null>('id').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** PostgreSQL's identity counters do not follow ids written by hand: move them past the largest. */
export async function moveIdCounters(db: Executor, dialect: Dialect, tables: readonly Table[]): Promise<void> {
  if (dialect !== 'postgres') return; // SQLite's AUTOINCREMENT follows explicit ids by itself.
  for (const table of tables) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'),
      coalesce((select max(id) from ${sql.table(table)}), 1),
      (select max(id) is not null from ${sql.table(table)}))`.execute(db);
  }
}
