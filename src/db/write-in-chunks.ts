import { readInPages } from './read-in-pages.ts';

/**
 * Writes `rows` a chunk at a time (`size` rows a statement: both databases limit the values bound
 * to one statement), with a turn of the event loop between chunks, and returns what each chunk's
 * `write` returned, in order. better-sqlite3 answers synchronously: a bulk decision's 35,000 rows
 * written back to back held the server for most of a second. Between chunks, requests that need no
 * database (the app's files, /api/health) are answered; inside a transaction, on SQLite, those that
 * do still wait for its commit.
 */
export async function writeInChunks<T, R>(rows: readonly T[], size: number, write: (chunk: T[]) => Promise<readonly R[]>): Promise<R[]> {
  return readInPages(rows, write, size);
}
