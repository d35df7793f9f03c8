import { setImmediate as nextTurn } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Dialect } from '../../db/create-db.ts';
import type { Database } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { columnKind } from './backup.rules.ts';
import type { TableShape } from './backup.rules.ts';

/** A table as backups see it: its shape, the columns that order its rows, its identity columns. */
export interface TableSpec extends TableShape {
  /** The primary key (or every column, for a table without one): rows are read in this order. */
  orderBy: string[];
  /** PostgreSQL identity columns, whose counters a restore moves past the restored ids. */
  identity: string[];
  /** Tables this one refers to (foreign keys), for the order tables are written and restored in. */
  refersTo: string[];
}

/** Tables a backup leaves out: the migrator's own bookkeeping (the schema version stands for it). */
const BOOKKEEPING = /^kysely_migration/;

// The tables are whatever the migrations made, so they are named at run time, not typed.
type LooseDb = Kysely<Record<string, Record<string, unknown>>>;
const loose = (db: Executor) => db as unknown as LooseDb;

/** Every table of the database with its columns, keys and references, in a safe order to insert them in. */
export async function readCatalog(db: Executor, dialect: Dialect): Promise<TableSpec[]> {
  const specs = dialect === 'sqlite' ? await sqliteCatalog(db) : await postgresCatalog(db);
  return insertOrder(specs);
}

async function sqliteCatalog(db: Executor): Promise<TableSpec[]> {
  const tables = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite%'`.execute(db);
  const specs: TableSpec[] = [];
  for (const { name } of tables.rows) {
    if (BOOKKEEPING.test(name)) continue;
    const cols = await sql<{ name: string; type: string; pk: number }>`select name, type, pk from pragma_table_info(${name})`.execute(db);
    const refs = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db);
    const pk = cols.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    specs.push(
      spec(
        name,
        cols.rows.map((c) => ({ name: c.name, type: c.type })),
        pk.map((c) => c.name),
        [],
        refs.rows.map((r) => r.table),
      ),
    );
  }
  return specs;
}

async function postgresCatalog(db: Executor): Promise<TableSpec[]> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  const cols = await sql<{ table_name: string; column_name: string; data_type: string; is_identity: string }>`
    select table_name, column_name, data_type, is_identity from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select tc.table_name, kcu.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema and kcu.table_name = tc.table_name
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema()
    order by tc.table_name, kcu.ordinal_position`.execute(db);
  const refs = await sql<{ table_name: string; referenced: string }>`
    select distinct tc.table_name, ccu.table_name as referenced from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  return tables.rows
    .filter(({ name }) => !BOOKKEEPING.test(name))
    .map(({ name }) => {
      const own = cols.rows.filter((c) => c.table_name === name);
      return spec(
        name,
        own.map((c) => ({ name: c.column_name, type: c.data_type })),
        keys.rows.filter((k) => k.table_name === name).map((k) => k.column_name),
        own.filter((c) => c.is_identity === 'YES').map((c) => c.column_name),
        refs.rows.filter((r) => r.table_name === name).map((r) => r.referenced),
      );
    });
}

function spec(name: string, columns: { name: string; type: string }[], pk: string[], identity: string[], refersTo: string[]): TableSpec {
  const shaped = columns
    .map((c) => ({ name: c.name, kind: columnKind(c.type) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { name, columns: shaped, orderBy: pk.length > 0 ? pk : shaped.map((c) => c.name), identity, refersTo: [...new Set(refersTo)] };
}

/** Referenced tables before the tables that refer to them; otherwise by name, so both dialects agree. */
function insertOrder(specs: TableSpec[]): TableSpec[] {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const done = new Set<string>();
  const ordered: TableSpec[] = [];
  const visit = (s: TableSpec, path: Set<string>) => {
    if (done.has(s.name)) return;
    if (path.has(s.name)) throw new Error(`the tables refer to each other in a circle through ${s.name}; backups cannot order them`);
    path.add(s.name);
    for (const ref of [...s.refersTo].sort()) {
      const target = byName.get(ref);
      if (target && ref !== s.name) visit(target, path);
    }
    path.delete(s.name);
    done.add(s.name);
    ordered.push(s);
  };
  for (const s of [...specs].sort((a, b) => (a.name < b.name ? -1 : 1))) visit(s, new Set());
  return ordered;
}

/** The name of the newest migration applied: the schema version a backup records. */
export async function schemaVersionOf(db: Executor): Promise<string | null> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
    return rows[0]?.name ?? null;
  } catch {
    return null; // never migrated: no bookkeeping table yet
  }
}

export async function countRows(db: Executor, table: string): Promise<number> {
  const row = await loose(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The first table (in `specs`' order) that holds any row, or null when the database is empty. */
export async function firstNonEmptyTable(db: Executor, specs: TableSpec[]): Promise<string | null> {
  for (const s of specs) {
    const row = await loose(db)
      .selectFrom(s.name)
      .select(sql`1`.as('one'))
      .limit(1)
      .executeTakeFirst();
    if (row) return s.name;
  }
  return null;
}

/** Text keys sort by bytes on both dialects (PostgreSQL's default collation would follow the locale). */
function orderExpressions(dialect: Dialect, table: TableSpec) {
  return table.orderBy.map((name) => {
    const kind = table.columns.find((c) => c.name === name)?.kind;
    return dialect === 'postgres' && kind === 'text' ? sql`${sql.ref(name)} collate "C"` : sql`${sql.ref(name)}`;
  });
}

const PAGE_ROWS = 500;
let cursorSeq = 0;

/**
 * Every row of a table in key order, a page at a time, inside the caller's transaction (which
 * fixes the snapshot). PostgreSQL reads through a cursor; SQLite steps one statement, handing the
 * event loop back between pages.
 */
export async function* readTablePages(trx: Executor, dialect: Dialect, table: TableSpec): AsyncGenerator<Record<string, unknown>[]> {
  const order = sql.join(orderExpressions(dialect, table));
  if (dialect === 'postgres') {
    cursorSeq += 1;
    const cursor = sql.raw(`tandem_backup_${cursorSeq}`);
    await sql`declare ${cursor} no scroll cursor for select * from ${sql.table(table.name)} order by ${order}`.execute(trx);
    try {
      for (;;) {
        const { rows } = await sql<Record<string, unknown>>`fetch forward ${sql.raw(String(PAGE_ROWS))} from ${cursor}`.execute(trx);
        if (rows.length === 0) return;
        yield rows;
      }
    } finally {
      await sql`close ${cursor}`.execute(trx);
    }
  }
  const query = loose(trx).selectFrom(table.name).selectAll().orderBy(order);
  let page: Record<string, unknown>[] = [];
  for await (const row of query.stream()) {
    page.push(row);
    if (page.length === PAGE_ROWS) {
      yield page;
      page = [];
      await nextTurn();
    }
  }
  if (page.length > 0) yield page;
}

/** Inserts rows as they came from the archive (ids included). */
export async function insertRows(trx: Executor, table: TableSpec, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  // Well under either dialect's limit on bound parameters per statement.
  const perStatement = Math.max(1, Math.floor(4000 / Math.max(1, table.columns.length)));
  for (let i = 0; i < rows.length; i += perStatement) {
    await loose(trx)
      .insertInto(table.name)
      .values(rows.slice(i, i + perStatement))
      .execute();
  }
}

/** Empties the tables, those referring to others first (restore --force). */
export async function deleteAllRows(trx: Executor, specs: TableSpec[]): Promise<void> {
  for (const s of [...specs].reverse()) await loose(trx).deleteFrom(s.name).execute();
}

/** Moves PostgreSQL identity counters past the restored ids, so the next insert does not collide. */
export async function resetIdentityCounters(trx: Executor, dialect: Dialect, specs: TableSpec[]): Promise<void> {
  if (dialect !== 'postgres') return; // SQLite's AUTOINCREMENT follows explicit ids by itself.
  for (const s of specs) {
    for (const column of s.identity) {
      await sql`
        select setval(pg_get_serial_sequence(${s.name}, ${column}),
          coalesce((select max(${sql.ref(column)}) from ${sql.table(s.name)}), 1),
          (select max(${sql.ref(column)}) is not null from ${sql.table(s.name)}))`.execute(trx);
    }
  }
}

/**
 * Runs `work` inside one read-only snapshot of the whole database. PostgreSQL: a REPEATABLE READ,
 * READ ONLY transaction. SQLite: a read transaction on a connection of its own (WAL lets the app
 * write meanwhile, and the app's own connection stays free); an in-memory database has no file to
 * open a second connection on, so it is read through its own.
 */
export async function withSnapshot<T>(db: Kysely<Database>, dialect: Dialect, work: (trx: Executor) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') {
    return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work);
  }
  const file = await sqliteFileOf(db);
  if (!file) return db.transaction().execute(work);
  const connection = new SQLite(file, { fileMustExist: true });
  connection.pragma('busy_timeout = 5000');
  const own = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  try {
    return await own.transaction().execute(work);
  } finally {
    await own.destroy();
  }
}

async function sqliteFileOf(db: Executor): Promise<string | null> {
  const { rows } = await sql<{ name: string; file: string }>`select name, file from pragma_database_list`.execute(db);
  return rows.find((r) => r.name === 'main')?.file || null;
}

/** The backup schedule; staff who never set one have scheduled backups off. */
export async function findBackupSchedule(db: Executor): Promise<{ frequency: 'off' | 'daily'; keep: number }> {
  const row = await db.selectFrom('backup_settings').select(['frequency', 'keep']).where('id', '=', 1).executeTakeFirst();
  if (!row) return { frequency: 'off', keep: 7 };
  return { frequency: row.frequency === 'daily' ? 'daily' : 'off', keep: row.keep };
}

/** Upsert of the one row: safe when two staff save at once (the later write wins whole). */
export async function saveBackupSchedule(db: Executor, schedule: { frequency: 'off' | 'daily'; keep: number }, at: string): Promise<void> {
  await db
    .insertInto('backup_settings')
    .values({ id: 1, ...schedule, updated_at: at })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...schedule, updated_at: at }))
    .execute();
}
