import { encodeCursor } from '../shared/api/list-query.ts';
import type { CursorKey } from '../shared/api/list-query.ts';

/**
 * The long lists page by keyset (list-query.ts): each reads one row more than the page, and a row
 * beyond the page says another follows. These cut the page and make the next page's cursor from
 * its last row, the same way for every list.
 */

/** Rows read with `limit + 1`: the page, and the cursor after its last row (null when none follows). */
export function pageOf<R>(rows: readonly R[], limit: number, cursorOf: (last: R) => CursorKey): { page: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}

/**
 * Keys read with `limit + 1` (ids in the list's order, with what the cursor needs), then the page's
 * rows read by id and put back in that order: the sort never waits on the wide joins, which run for
 * one page only. A row gone between the two reads is left out.
 */
export async function pageByKeys<K extends { id: number }, T>(
  keys: readonly K[],
  limit: number,
  cursorOf: (last: K) => CursorKey,
  read: (ids: number[]) => Promise<readonly T[]>,
  idOf: (row: T) => number,
): Promise<{ rows: T[]; nextCursor: string | null }> {
  const { page, nextCursor } = pageOf(keys, limit, cursorOf);
  if (page.length === 0) return { rows: [], nextCursor };
  const byId = new Map((await read(page.map((k) => k.id))).map((r) => [idOf(r), r]));
  return { rows: page.flatMap((k) => byId.get(k.id) ?? []), nextCursor };
}
