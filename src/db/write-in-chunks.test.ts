import { describe, expect, it } from 'vitest';
import { writeInChunks } from './write-in-chunks.ts';

describe('writeInChunks', () => {
  it('writes a chunk at a time, in order, letting others in between chunks', async () => {
    const events: string[] = [];
    const rows = Array.from({ length: 7 }, (_, i) => i);
    const written = writeInChunks(rows, 3, async (chunk) => {
      events.push(`write ${chunk.join(',')}`);
      // Something else waiting for a turn of the event loop gets one before the next chunk.
      setImmediate(() => events.push('other'));
      return chunk.map((n) => n * 10);
    });
    expect(await written).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(events.slice(0, 5)).toEqual(['write 0,1,2', 'other', 'write 3,4,5', 'other', 'write 6']);
  });

  it('writes nothing for no rows', async () => {
    expect(await writeInChunks([], 3, () => Promise.reject(new Error('not called')))).toEqual([]);
  });
});
