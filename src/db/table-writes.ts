import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Which tables the app's SQLite connection has written, counted per table, so that an answer kept
 * by the unchanged-cache goes stale only when a table it read changes (issue #16). Before, any
 * write anywhere made every kept answer stale: a program in use writes several times a second (a
 * session seen once a minute per person, contacts, drafts), and program health, which takes a
 * second to work out at 26,000 matches, was worked out again for nearly every request.
 *
 * Every statement the connection runs passes `prepare` (Kysely prepares each query it runs; the
 * statement cache hands back the same one), and its SQL says what it does:
 * - `insert into t`, `update t`: table t changed;
 * - `delete from t`, and anything else that is not a read (DDL, `with … insert`, what cannot be
 *   told): every table may have changed (a delete cascades along foreign keys);
 * - a read (`select`, `with … select`): the tables after `from` and `join`. A kept answer says
 *   which tables it reads (under tests, what it really reads is followed and checked against that).
 * Writes by another connection (the CLI, an import's worker thread) show in SQLite's data_version,
 * and make everything stale.
 */
export class TableWrites {
  /** Writes of each table since the connection opened. */
  private readonly written = new Map<string, number>();
  /** Writes that may have touched any table. */
  private anywhere = 0;
  /** Every write of any kind: what "nothing at all has changed" is measured by. */
  private total = 0;
  private readonly dataVersion: Statement;

  constructor(sqlite: SQLiteDatabase) {
    this.dataVersion = sqlite.prepare('pragma data_version').pluck();
  }

  /** What each statement seen does, by its SQL: the app runs a few hundred, again and again. */
  private readonly kinds = new Map<string, StatementKind>();

  private kindOf(sql: string): StatementKind {
    let kind = this.kinds.get(sql);
    if (kind === undefined) {
      kind = statementKind(sql);
      // Lists of ids make new texts for a while: past a bound the oldest are worked out again.
      if (this.kinds.size >= 2000) this.kinds.delete(this.kinds.keys().next().value as string);
      this.kinds.set(sql, kind);
    }
    return kind;
  }

  /** Notes a statement about to run. */
  saw(sql: string): void {
    const kind = this.kindOf(sql);
    if (kind.kind === 'read') {
      if (CHECKING_READS) for (const tables of collecting.getStore() ?? []) for (const t of kind.tables) tables.add(t);
      return;
    }
    if (kind.kind === 'other') return;
    this.total += 1;
    if (kind.kind === 'write') this.written.set(kind.table, (this.written.get(kind.table) ?? 0) + 1);
    else this.anywhere += 1;
  }

  /** Where the database stands now: compare two with `unchangedFor`. */
  mark(): WriteMark {
    return { data: Number(this.dataVersion.get()), anywhere: this.anywhere, total: this.total, written: new Map(this.written) };
  }

  /** The tables a read statement reads (none for any other statement). */
  readsOf(sql: string): readonly string[] {
    const kind = this.kindOf(sql);
    return kind.kind === 'read' ? kind.tables : [];
  }

  /** Whether nothing at all has been written since `since`. */
  untouchedSince(since: WriteMark): boolean {
    return since.total === this.total && since.data === Number(this.dataVersion.get());
  }

  /** Whether nothing of `tables` (nor any table, nor another connection) has been written since `since`. */
  unchangedFor(since: WriteMark, tables: Iterable<string>): boolean {
    if (since.anywhere !== this.anywhere || since.data !== Number(this.dataVersion.get())) return false;
    for (const t of tables) if ((since.written.get(t) ?? 0) !== (this.written.get(t) ?? 0)) return false;
    return true;
  }
}

/**
 * Under tests (vitest sets VITEST), the tables each kept answer really reads are followed, to hold
 * it to the tables it says it reads. Not in production: following a context through every await
 * (AsyncLocalStorage, on Node 20 promise hooks) costs a quarter of a small request's time.
 */
const CHECKING_READS = process.env.VITEST !== undefined;

export const checkingReads = () => CHECKING_READS;

/** The tables read so far by each answer being worked out in this async context, innermost last. */
const collecting = new AsyncLocalStorage<Set<string>[]>();

/**
 * Runs `work`, collecting into `tables` every table it reads (and the answers inside it, kept or
 * worked out, read): what the answer it gives depends on.
 */
export function collectingReads<T>(tables: Set<string>, work: () => Promise<T>): Promise<T> {
  return collecting.run([...(collecting.getStore() ?? []), tables], work);
}

/** Adds tables to the answers being worked out here: a kept answer used inside another depends on what it read. */
export function alsoRead(tables: Iterable<string>): void {
  const store = collecting.getStore();
  if (store === undefined) return;
  for (const collected of store) for (const t of tables) collected.add(t);
}

export interface WriteMark {
  data: number;
  anywhere: number;
  total: number;
  written: ReadonlyMap<string, number>;
}

type StatementKind = { kind: 'read'; tables: string[] } | { kind: 'write'; table: string } | { kind: 'anywhere' } | { kind: 'other' };

const IDENTIFIER = String.raw`(?:"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_]*))`;
const INSERT = new RegExp(String.raw`^insert\s+(?:or\s+\w+\s+)?into\s+${IDENTIFIER}`, 'i');
const UPDATE = new RegExp(String.raw`^update\s+(?:or\s+\w+\s+)?${IDENTIFIER}`, 'i');
const READ_FROM = new RegExp(String.raw`\b(?:from|join)\s+${IDENTIFIER}`, 'gi');
const CHANGE_WORD = /\b(insert|update|delete|replace)\b/i;
/** Statements that neither read tables nor change them: transactions, pragmas, plans. */
const OTHER = /^(begin|commit|end|rollback|savepoint|release|pragma|explain|analyze|vacuum)\b/i;

const unquote = (m: RegExpExecArray) => (m[1] !== undefined ? m[1].replaceAll('""', '"') : (m[2] ?? '')).toLowerCase();

/** What a statement does to which tables, from its SQL (exported for its tests). */
export function statementKind(sql: string): StatementKind {
  const text = sql.trimStart();
  if (OTHER.test(text)) return { kind: 'other' };
  const insert = INSERT.exec(text);
  if (insert) return { kind: 'write', table: unquote(insert) };
  const update = UPDATE.exec(text);
  if (update) return { kind: 'write', table: unquote(update) };
  const head = text.slice(0, 6).toLowerCase();
  // A `with` that writes (with … insert/update/delete) may write anything: counted everywhere.
  const reads = head === 'select' || (head.startsWith('with') && !CHANGE_WORD.test(text) && /\bselect\b/i.test(text));
  if (!reads) return { kind: 'anywhere' };
  const tables = new Set<string>();
  for (const m of text.matchAll(READ_FROM)) tables.add(unquote(m));
  return { kind: 'read', tables: [...tables] };
}

/** The statement source Kysely's SQLite driver uses, telling `writes` of each statement it runs. */
export function trackingWrites(database: SqliteDatabase, writes: TableWrites): SqliteDatabase {
  return {
    close: () => database.close(),
    prepare: (sql: string) => {
      writes.saw(sql);
      return database.prepare(sql);
    },
  };
}

// The tracker of each Kysely instance made over SQLite by createDb, by its executor (a transaction
// has an executor of its own, and the unchanged-cache keeps nothing for transactions).
const trackers = new WeakMap<object, TableWrites>();

export function registerTableWrites(executor: object, writes: TableWrites): void {
  trackers.set(executor, writes);
}

export function tableWritesOf(executor: object): TableWrites | undefined {
  return trackers.get(executor);
}
