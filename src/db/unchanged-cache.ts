import { CompiledQuery, SqliteAdapter } from 'kysely';
import type { Compilable, QueryResult } from 'kysely';

/** What this needs of a Kysely instance or transaction, whatever its tables. */
interface QueryRunner {
  readonly isTransaction: boolean;
  getExecutor(): { readonly adapter: unknown };
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/** Answers kept per database; a list page asks a handful, so this holds many pages' worth. */
const MAX_ENTRIES = 500;

interface Entry {
  version: string;
  rows: unknown[];
}

const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * Runs a read-only query, or answers it from the last time it ran if the database has not
 * changed since: SQLite only, outside transactions. "Not changed" is SQLite's own bookkeeping:
 * total_changes() counts every row this connection has inserted, updated or deleted (a rollback
 * never lowers it), and data_version moves whenever another connection (the CLI, a second
 * process) commits. Any write anywhere therefore makes every kept answer stale, which keeps the
 * cache exact; what it saves is the repeated reading between writes, e.g. the count of a
 * 100,000-row list that each of fifty staff pages asks for again. On PostgreSQL, where other
 * instances write unseen, and inside a transaction, the query simply runs.
 */
export async function unlessChanged<R>(db: QueryRunner, query: Compilable<R>): Promise<R[]> {
  const executor = db.getExecutor();
  if (db.isTransaction || !(executor.adapter instanceof SqliteAdapter)) return (await db.executeQuery(query.compile())).rows;
  const compiled = query.compile();
  const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
  let cache = caches.get(executor);
  if (!cache) {
    cache = new Map();
    caches.set(executor, cache);
  }
  const version = await databaseVersion(db);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.rows as R[];
  }
  const { rows } = await db.executeQuery(compiled);
  // The version is read again: a write between the two reads must not be filed under the older one.
  if ((await databaseVersion(db)) === version) {
    cache.delete(key);
    cache.set(key, { version, rows });
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  }
  return rows;
}

const VERSION: CompiledQuery<{ c: number; v: number }> = CompiledQuery.raw(
  'select total_changes() as c, (select data_version from pragma_data_version()) as v',
);

async function databaseVersion(db: QueryRunner): Promise<string> {
  const row = (await db.executeQuery(VERSION)).rows[0];
  return row ? `${row.v}:${row.c}` : '';
}

const memos = new WeakMap<object, Map<string, Entry>>();

/**
 * `compute`'s answer, kept under `key` while the database has not changed (as unlessChanged
 * decides it): for work built on many reads that every page view repeats, e.g. the reasons a
 * pair was matched. The key must name everything else the answer depends on. Outside SQLite,
 * or inside a transaction, it just computes.
 */
export async function memoUnlessChanged<T>(db: QueryRunner, key: string, compute: () => Promise<T>): Promise<T> {
  const executor = db.getExecutor();
  if (db.isTransaction || !(executor.adapter instanceof SqliteAdapter)) return compute();
  let memo = memos.get(executor);
  if (!memo) {
    memo = new Map();
    memos.set(executor, memo);
  }
  const version = await databaseVersion(db);
  const hit = memo.get(key);
  if (hit && hit.version === version) return hit.rows[0] as T;
  const value = await compute();
  if ((await databaseVersion(db)) === version) {
    memo.delete(key);
    memo.set(key, { version, rows: [value] });
    if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value as string);
  }
  return value;
}
