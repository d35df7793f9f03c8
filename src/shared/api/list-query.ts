import { z } from 'zod';

/**
 * What the long lists (people, outbox, audit log) share: a search text, a page size and an opaque
 * "after" cursor for keyset paging. A cursor is the sort key of the last row shown, so the next
 * page starts right after it however many rows were added or removed meanwhile: no gaps, no
 * duplicates, and no OFFSET that gets slower the further one reads.
 */

/** A cursor's content: the last row's sort value and its id (the tie-breaker). */
export type CursorKey = readonly [string, number];

const toBase64Url = (text: string) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(text)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

function fromBase64Url(value: string): string {
  const bytes = Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodeCursor(key: CursorKey): string {
  return toBase64Url(JSON.stringify(key));
}

/** The key inside a cursor, or undefined for anything this API did not hand out. */
export function decodeCursor(cursor: string): CursorKey | undefined {
  try {
    const value: unknown = JSON.parse(fromBase64Url(cursor));
    if (!Array.isArray(value) || value.length !== 2) return undefined;
    const [sortValue, id] = value as unknown[];
    if (typeof sortValue !== 'string' || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) return undefined;
    return [sortValue, id];
  } catch {
    return undefined;
  }
}

/** `after`: the cursor from the previous page's `nextCursor`; a made-up one is a 400. */
export const cursorSchema = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z0-9_-]+$/, 'This is not a cursor from a previous page.')
  .transform((value, ctx) => {
    const key = decodeCursor(value);
    if (key === undefined) {
      ctx.addIssue({ code: 'custom', message: 'This is not a cursor from a previous page.' });
      return z.NEVER;
    }
    return key;
  });

/** A yes/no filter in a query string: `true` or `false`, nothing else. */
export const queryFlagSchema = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A search text: trimmed; empty means no search. */
export const searchTextSchema = z.string().trim().max(200);

export const LIST_PAGE_SIZE = 50;
export const pageSizeSchema = z.coerce.number().int().min(1).max(500).default(LIST_PAGE_SIZE);

/** Every long list answers with its page, the cursor of the next one (null at the end) and how many match. */
export const listPageFields = {
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
};
