import { describe, expect, it } from 'vitest';
import { decodeCursor } from '../shared/api/list-query.ts';
import { pageByKeys, pageOf } from './keyset-page.ts';

const cursorOf = (last: { id: number; name: string }) => [last.name, last.id] as const;
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `P${i + 1}` }));

describe('keyset pages', () => {
  it('cuts the page and gives a cursor after its last row only when a row beyond says more follow', () => {
    const more = pageOf(people(3), 2, cursorOf);
    expect(more.page.map((p) => p.id)).toEqual([1, 2]);
    expect(more.nextCursor && decodeCursor(more.nextCursor)).toEqual(['P2', 2]);
    expect(pageOf(people(2), 2, cursorOf)).toEqual({ page: people(2), nextCursor: null });
    expect(pageOf([], 2, cursorOf)).toEqual({ page: [], nextCursor: null });
  });

  it('reads the rows of the page’s keys only, puts them in the keys’ order, and leaves out a row gone meanwhile', async () => {
    const asked: number[][] = [];
    const keys = [
      { id: 9, name: 'a' },
      { id: 4, name: 'b' },
      { id: 7, name: 'c' },
      { id: 1, name: 'd' },
    ];
    const { rows, nextCursor } = await pageByKeys(
      keys,
      3,
      cursorOf,
      (ids) => {
        asked.push(ids);
        // In another order, and 4 deleted since the keys were read.
        return Promise.resolve(
          ids
            .filter((id) => id !== 4)
            .sort((x, y) => x - y)
            .map((id) => ({ rowId: id })),
        );
      },
      (row) => row.rowId,
    );
    expect(asked).toEqual([[9, 4, 7]]);
    expect(rows).toEqual([{ rowId: 9 }, { rowId: 7 }]);
    expect(nextCursor && decodeCursor(nextCursor)).toEqual(['c', 7]);
  });

  it('reads nothing for an empty page', async () => {
    const read = () => Promise.reject(new Error('nothing to read'));
    expect(await pageByKeys([], 50, cursorOf, read, (r: { id: number }) => r.id)).toEqual({ rows: [], nextCursor: null });
  });
});
