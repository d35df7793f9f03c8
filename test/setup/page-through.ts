import { expect } from 'vitest';

/** A page of a long list as every one answers: its rows under some key, the next cursor and the count. */
export interface ListPage {
  nextCursor: string | null;
  total: number;
}

/**
 * Reads a list a page at a time, following `nextCursor`, and returns the ids in the order seen.
 * Checks on the way that every page has the same total and no more rows than asked for; stops
 * (and so fails the caller's comparison) if the pages go on past the total.
 */
export async function pageThrough<P extends ListPage>(
  fetchPage: (query: string) => Promise<P>,
  query: string,
  limit: number,
  idsOf: (page: P) => number[],
): Promise<number[]> {
  const seen: number[] = [];
  let after: string | null = null;
  let total: number | null = null;
  do {
    const page: P = await fetchPage(`${query}&limit=${limit}${after ? `&after=${after}` : ''}`);
    total ??= page.total;
    expect(page.total, query).toBe(total);
    const ids = idsOf(page);
    expect(ids.length).toBeLessThanOrEqual(limit);
    seen.push(...ids);
    after = page.nextCursor;
  } while (after !== null && seen.length <= (total ?? 0));
  return seen;
}
