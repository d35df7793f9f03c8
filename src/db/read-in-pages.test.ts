import { describe, expect, it } from 'vitest';
import { readInPages } from './read-in-pages.ts';

describe('reading a long list a page at a time', () => {
  it('reads every key once, in order, a page at a time, letting other work run between pages', async () => {
    const keys = Array.from({ length: 2_501 }, (_, i) => i * 3);
    const pages: number[][] = [];
    // Other work waiting for a turn of the event loop, again and again.
    let ticks = 0;
    let running = true;
    const other = (): void => {
      ticks += 1;
      if (running) setImmediate(other);
    };
    setImmediate(other);
    const seenBetween: number[] = [];
    const rows = await readInPages(
      keys,
      async (page) => {
        pages.push(page);
        seenBetween.push(ticks);
        return page.map((k) => `row ${k}`);
      },
      1_000,
    );
    running = false;
    expect(pages.map((p) => p.length)).toEqual([1_000, 1_000, 501]);
    expect(rows).toEqual(keys.map((k) => `row ${k}`));
    // The other work ran between the pages: the event loop was let go each time.
    expect(seenBetween[1]).toBeGreaterThan(seenBetween[0] ?? 0);
    expect(seenBetween[2]).toBeGreaterThan(seenBetween[1] ?? 0);
  });

  it('reads nothing for no keys, and keeps what a page leaves out left out', async () => {
    expect(await readInPages([], () => Promise.reject(new Error('never asked')))).toEqual([]);
    expect(await readInPages([1, 2, 3], async (page) => page.filter((k) => k !== 2), 2)).toEqual([1, 3]);
  });
});
