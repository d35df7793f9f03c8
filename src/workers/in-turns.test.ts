import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { inTurns } from './in-turns.ts';

describe('work in turns', () => {
  it('lets other work run at each pause, and gives back what the work returns', async () => {
    const log: string[] = [];
    function* work(): Generator<void, number, void> {
      for (let slice = 1; slice <= 3; slice++) {
        log.push(`slice ${slice}`);
        if (slice < 3) yield;
      }
      return 42;
    }
    // Someone else's work, queued as the server's next requests would be.
    const others = (async () => {
      for (let n = 1; n <= 2; n++) {
        await nextTurn();
        log.push(`other ${n}`);
      }
    })();
    expect(await inTurns(work())).toBe(42);
    await others;
    expect(log).toEqual(['slice 1', 'other 1', 'slice 2', 'other 2', 'slice 3']);
  });

  it('passes on what the work throws', async () => {
    function* work(): Generator<void, never, void> {
      yield;
      throw new Error('the pool is broken');
    }
    await expect(inTurns(work())).rejects.toThrow('the pool is broken');
  });
});
