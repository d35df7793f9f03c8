import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Runs work written as a generator, which `yield`s wherever it may pause, on the server's own
 * thread with a turn of the event loop at each pause: other requests are answered between the
 * slices instead of waiting for the whole. The work itself stays pure and synchronous (the engine
 * and the rules do no I/O); only its pace is the caller's.
 */
export async function inTurns<T>(steps: Generator<void, T, void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}
