import type { Kysely } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import type { Dialect } from '../../src/db/create-db.ts';
import type { Database } from '../../src/db/database.ts';
import type { Deps } from '../../src/deps.ts';
import { outboxOnlyMailer } from '../../src/features/notifications/mailer.ts';
import { fixedClock } from '../../src/time/clock.ts';

/** A clock tests set and move (fixedClock's type). */
export type TestClock = ReturnType<typeof fixedClock>;

/** Deps for a job runner over a test database: no app, outbox-only mail, silent logs, a clock the test moves. */
export function jobDeps(
  db: Kysely<Database>,
  dialect: Dialect,
  clock: TestClock = fixedClock('2026-11-29T10:00:00.000Z'),
): Deps & { clock: TestClock } {
  const config = loadConfig({ NODE_ENV: 'test', PUBLIC_URL: 'https://tandem.example.org' }, { webDistDir: '/nonexistent' });
  return { db, dialect, config, clock, mailer: outboxOnlyMailer, log: pino({ level: 'silent' }) };
}

/** A promise the test resolves when it chooses. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Polls `check` until it is true or `timeoutMs` passes. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
