import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { cachingStatements } from './statement-cache.ts';
import { registerTableWrites, TableWrites, trackingWrites } from './table-writes.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  destroy(): Promise<void>;
}

// COUNT(*) and BIGSERIAL come back from pg as strings; every id and count here fits in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));

/** Kysely over PostgreSQL when a URL is given, else over an embedded SQLite file. */
export function createDb(opts: { databaseUrl?: string | undefined; sqliteFile: string }): DbHandle {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server ends (a restart, a failover, an administrator's terminate)
    // is an 'error' on the pool; unheard, it would crash the process. The pool has already
    // dropped that connection and the next query opens a fresh one, so there is nothing to do
    // but say so.
    let closing = false;
    pool.on('error', (err) => {
      if (!closing) console.error(`tandem: a PostgreSQL connection was closed by the server (${err.message}); a new one will be opened.`);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      destroy: () => {
        closing = true;
        return db.destroy();
      },
    };
  }
  if (opts.sqliteFile !== ':memory:') fs.mkdirSync(path.dirname(opts.sqliteFile), { recursive: true });
  const sqlite = new SQLite(opts.sqliteFile);
  // WAL lets readers carry on while the single writer commits; a busy timeout instead of
  // SQLITE_BUSY errors when a second process (the CLI) writes at the same time.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = sqliteKysely<Database>(sqlite, cachingStatements(sqlite));
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/**
 * Kysely over a SQLite connection whose statements come from `source` (the statement cache), with
 * its writes counted per table, so that answers kept between requests go stale only with what
 * they read (unchanged-cache.ts keeps answers only for a Kysely made here).
 */
export function sqliteKysely<DB>(sqlite: SQLite.Database, source: SqliteDatabase = sqlite): Kysely<DB> {
  const writes = new TableWrites(sqlite);
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: trackingWrites(source, writes) }) });
  registerTableWrites(db.getExecutor(), writes);
  return db;
}
