import { CompiledQuery, SqliteAdapter } from 'kysely';
import type { Compilable, QueryResult } from 'kysely';

/** What this needs of a Kysely instance or transaction, whatever its tables. */
interface QueryRunner {
  readonly isTransaction: boolean;
  getExecutor(): { readonly adapter: unknown };
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/** Answers kept per database at one time; a list page asks a handful, so this holds many pages' worth. */
const MAX_ENTRIES = 500;

interface Entry {
  /** What else the answer was computed for (the minute, the hour): a different stamp replaces it. */
  stamp: string;
  value: unknown;
}

/** The answers kept for one database, all computed while it stood at `version`. */
interface Cache {
  version: string;
  entries: Map<string, Entry>;
  /** Answers being computed: callers asking for the same key and stamp meanwhile wait for that one. */
  pending: Map<string, { stamp: string; value: Promise<unknown> }>;
}

const caches = new WeakMap<object, Cache>();

/** Every answer the cache has kept: each is shared by all who ask, so none is ever changed in place. */
const keptAnswers = new WeakSet<object>();

/** Whether `value` is an answer this cache keeps (and so the same object for everyone until a write). */
export function isKeptAnswer(value: object): boolean {
  return keptAnswers.has(value);
}

/**
 * `compute`'s answer, kept under `key` while the database has not changed: SQLite only, outside
 * transactions. "Not changed" is SQLite's own bookkeeping: total_changes() counts every row this
 * connection has inserted, updated or deleted (a rollback never lowers it), and data_version moves
 * whenever another connection (the CLI, a second process) commits. Any write anywhere therefore
 * makes every kept answer stale (and they are all dropped), which keeps the cache exact; what it
 * saves is the repeated work between writes, e.g. the count of a 100,000-row list that each of
 * fifty staff pages asks for again. `stamp` names what else the answer depends on (a minute, an
 * hour); an answer with another stamp is replaced, so a key holds one answer at a time. On
 * PostgreSQL, where other instances write unseen, and inside a transaction, it just computes.
 */
export async function memoUnlessChanged<T>(db: QueryRunner, key: string, compute: () => Promise<T>, stamp = ''): Promise<T> {
  const executor = db.getExecutor();
  if (db.isTransaction || !(executor.adapter instanceof SqliteAdapter)) return compute();
  const version = await databaseVersion(db);
  let cache = caches.get(executor);
  if (!cache || cache.version !== version) {
    // Versions only move forward: nothing kept under an older one can be asked for again.
    cache = { version, entries: new Map(), pending: new Map() };
    caches.set(executor, cache);
  }
  const hit = cache.entries.get(key);
  if (hit && hit.stamp === stamp) {
    cache.entries.delete(key);
    cache.entries.set(key, hit);
    return hit.value as T;
  }
  // Fifty requests arriving together after a write (or as the minute turns) compute it once.
  const running = cache.pending.get(key);
  if (running && running.stamp === stamp) return running.value as Promise<T>;
  const kept = cache;
  const value = (async () => {
    const computed = await compute();
    // The version is read again: a write between the two reads must not be filed under the older one.
    if ((await databaseVersion(db)) === version && caches.get(executor) === kept) {
      kept.entries.delete(key);
      kept.entries.set(key, { stamp, value: computed });
      if (typeof computed === 'object' && computed !== null) keptAnswers.add(computed);
      if (kept.entries.size > MAX_ENTRIES) kept.entries.delete(kept.entries.keys().next().value as string);
    }
    return computed;
  })();
  kept.pending.set(key, { stamp, value });
  const forget = () => {
    if (kept.pending.get(key)?.value === value) kept.pending.delete(key);
  };
  value.then(forget, forget);
  return value;
}

/** A read-only query's rows, kept as memoUnlessChanged keeps answers (keyed by its SQL and parameters). */
export async function unlessChanged<R>(db: QueryRunner, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
  return memoUnlessChanged(db, key, async () => (await db.executeQuery(compiled)).rows);
}

const VERSION: CompiledQuery<{ c: number; v: number }> = CompiledQuery.raw(
  'select total_changes() as c, (select data_version from pragma_data_version()) as v',
);

async function databaseVersion(db: QueryRunner): Promise<string> {
  const row = (await db.executeQuery(VERSION)).rows[0];
  return row ? `${row.v}:${row.c}` : '';
}
