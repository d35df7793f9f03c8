import { setImmediate as nextTurn } from 'node:timers/promises';

/** Keys read at a time: a page of rows is some tens of milliseconds of work on SQLite. */
export const PAGE_KEYS = 1_000;

/**
 * The rows of `keys`, read a page of keys at a time with a turn of the event loop between pages,
 * in the keys' order. better-sqlite3 answers synchronously, so one statement over a whole period
 * (30,000 applications, 27,000 goal sheets) held the server's event loop for a second and every
 * other request waited; a page holds it for a few tens of milliseconds.
 *
 * `read` returns the rows of one page of keys, sorted as the whole list would be: the keys come in
 * that order, so the pages put together are the list. A row deleted between reading the keys and
 * reading its page is left out, as if the list had been read a moment later; within a transaction
 * (where the connection is the caller's) nothing changes between pages.
 */
export async function readInPages<K, T>(
  keys: readonly K[],
  read: (page: K[]) => Promise<readonly T[]>,
  pageKeys = PAGE_KEYS,
): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keys.length; i += pageKeys) {
    if (i > 0) await nextTurn();
    for (const row of await read(keys.slice(i, i + pageKeys))) out.push(row);
  }
  return out;
}
