import type { Compilable, CompiledQuery, QueryResult } from 'kysely';
import { alsoRead, checkingReads, collectingReads, tableWritesOf } from './table-writes.ts';
import type { TableWrites, WriteMark } from './table-writes.ts';

/** What this needs of a Kysely instance or transaction, whatever its tables. */
interface QueryRunner {
  readonly isTransaction: boolean;
  getExecutor(): object;
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/** Answers kept per database at one time; a list page asks a handful, so this holds many pages' worth. */
const MAX_ENTRIES = 500;

/** Every answer the cache has kept: each is shared by all who ask, so none is ever changed in place. */
const keptAnswers = new WeakSet<object>();

/** Whether `value` is an answer this cache keeps (and so the same object for everyone until a write). */
export function isKeptAnswer(value: object): boolean {
  return keptAnswers.has(value);
}

/** What else a kept answer depends on. */
export interface KeepOptions {
  /** What else it was worked out for (a minute, an hour): an answer with another stamp is replaced. */
  stamp?: string;
  /**
   * The tables the work reads. Said, the answer is kept until one of them is written; not said,
   * until anything is. Under tests, reading another table is an error.
   */
  reads?: readonly string[];
}

/**
 * `compute`'s answer, kept under `key` while the database has not changed: SQLite only, outside
 * transactions. "Not changed" is counted by the app's connection itself (table-writes.ts): every
 * insert or update of each table, every delete (which may cascade anywhere), and SQLite's
 * data_version, which moves whenever another connection (the CLI, an import's worker) commits.
 * What it saves is the repeated work between writes, e.g. the count of a 100,000-row list that
 * each of fifty staff pages asks for again. A key holds one answer at a time. On PostgreSQL,
 * where other instances write unseen, inside a transaction, and on any SQLite connection not made
 * by sqliteKysely (create-db.ts; a backup's own), it just computes.
 */
export async function memoUnlessChanged<T>(db: QueryRunner, key: string, compute: () => Promise<T>, options: KeepOptions = {}): Promise<T> {
  const stamp = options.stamp ?? '';
  const executor = db.getExecutor();
  const writes = db.isTransaction ? undefined : tableWritesOf(executor);
  return writes ? memoByTables(executor, writes, key, compute, stamp, options.reads ?? null) : compute();
}

interface TableEntry {
  stamp: string;
  value: unknown;
  /** The tables it was worked out from (null: not said, so any write makes it stale). */
  reads: readonly string[] | null;
  /** Where the database stood when the work began. */
  mark: WriteMark;
  /** Under tests, the tables it was seen to read, for an answer that uses it to account for. */
  seen: ReadonlySet<string> | null;
}

interface Pending {
  stamp: string;
  value: Promise<unknown>;
  mark: WriteMark;
  seen: ReadonlySet<string> | null;
}

/** The answers kept for one database whose writes are counted per table (createDb's SQLite). */
interface TableCache {
  entries: Map<string, TableEntry>;
  pending: Map<string, Pending>;
}

const tableCaches = new WeakMap<object, TableCache>();

/**
 * memoUnlessChanged where the connection counts its writes per table (table-writes.ts): an answer
 * whose caller says which tables it reads stays until one of them is written (or any table is
 * deleted from, or another connection commits), so the sessions seen and contacts logged all day
 * leave program health and survey results alone; one that says nothing goes with any write.
 * Under tests, what the work really read is followed through its awaits and must be among what it
 * said (an answer kept earlier and used inside it counts with what it read).
 */
function memoByTables<T>(
  executor: object,
  writes: TableWrites,
  key: string,
  compute: () => Promise<T>,
  stamp: string,
  reads: readonly string[] | null,
): Promise<T> {
  let cache = tableCaches.get(executor);
  if (!cache) {
    cache = { entries: new Map(), pending: new Map() };
    tableCaches.set(executor, cache);
  }
  const kept = cache;
  const current = (mark: WriteMark) => (reads === null ? writes.untouchedSince(mark) : writes.unchangedFor(mark, reads));
  const hit = kept.entries.get(key);
  if (hit && hit.stamp === stamp && current(hit.mark)) {
    kept.entries.delete(key);
    kept.entries.set(key, hit);
    if (hit.seen) alsoRead(hit.seen);
    return Promise.resolve(hit.value as T);
  }
  if (hit) kept.entries.delete(key);
  // Fifty requests arriving together compute it once, unless what it reads changed since it began.
  const running = kept.pending.get(key);
  if (running && running.stamp === stamp && current(running.mark)) {
    return running.value.then((v) => {
      if (running.seen) alsoRead(running.seen);
      return v as T;
    });
  }
  const mark = writes.mark();
  const seen = checkingReads() ? new Set<string>() : null;
  // Under tests the answer is also frozen: it is shared by every request until it goes stale, so a
  // caller that changed it would change it for all of them.
  const work = seen ? collectingReads(seen, compute).then((v) => frozen(checkedReads(key, reads, seen, v))) : compute();
  const value = work.then((computed) => {
    if (current(mark)) {
      kept.entries.delete(key);
      kept.entries.set(key, { stamp, value: computed, reads, mark, seen });
      if (typeof computed === 'object' && computed !== null) keptAnswers.add(computed);
      if (kept.entries.size > MAX_ENTRIES) kept.entries.delete(kept.entries.keys().next().value as string);
    }
    return computed;
  });
  const pending: Pending = { stamp, value, mark, seen };
  kept.pending.set(key, pending);
  const forget = () => {
    if (kept.pending.get(key) === pending) kept.pending.delete(key);
  };
  value.then(forget, forget);
  return value;
}

/** Freezes a kept answer all the way down (under tests), so that changing it throws. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) frozen(inner);
  }
  return value;
}

/** Under tests: an answer that says which tables it reads must not read any other. */
function checkedReads<T>(key: string, reads: readonly string[] | null, seen: ReadonlySet<string>, value: T): T {
  if (reads === null) return value;
  const unsaid = [...seen].filter((t) => !reads.includes(t));
  if (unsaid.length > 0) {
    throw new Error(
      `memoUnlessChanged("${key}") read ${unsaid.join(', ')}, which its reads do not name: add them, or it would be kept when they change.`,
    );
  }
  return value;
}

/** A read-only query's rows, kept as memoUnlessChanged keeps answers (keyed by its SQL and parameters). */
export async function unlessChanged<R>(db: QueryRunner, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  const key = `${compiled.sql}\u0000${JSON.stringify(compiled.parameters)}`;
  // The tables it reads are in its SQL.
  const reads = tableWritesOf(db.getExecutor())?.readsOf(compiled.sql);
  return memoUnlessChanged(db, key, async () => (await db.executeQuery(compiled)).rows, reads ? { reads } : {});
}
