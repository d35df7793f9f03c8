import type { Database as SQLiteDatabase, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct statements kept ready; the app has a few hundred, lists of ids add more for a while. */
const DEFAULT_SIZE = 1_000;

/**
 * Kysely's SQLite driver prepares every query afresh, and compiling SQL costs more than running
 * most of the app's indexed lookups (a sixth of a participant page's CPU time). This hands
 * Kysely the same better-sqlite3 statement for the same SQL text, least recently used first out.
 * A statement still iterating (a stream not yet finished) is busy: that caller gets a fresh one.
 */
export function cachingStatements(sqlite: SQLiteDatabase, size = DEFAULT_SIZE): SqliteDatabase {
  const cache = new Map<string, Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      const cached = cache.get(sql);
      if (cached && !cached.busy) {
        // Map keeps insertion order: moving it to the end makes the first key the least recent.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > size) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
