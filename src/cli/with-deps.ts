import pino from 'pino';
import type { Config } from '../config.ts';
import { createDb } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Deps } from '../deps.ts';
import { createMailer } from '../features/notifications/mailer.ts';
import { systemClock } from '../time/clock.ts';

/** Runs a one-off command against a migrated database, and always closes it. */
export async function withDeps<T>(config: Config, work: (deps: Deps) => Promise<T>): Promise<T> {
  const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  try {
    await migrateToLatest(handle.db);
    const log = pino({ level: config.logLevel === 'info' ? 'warn' : config.logLevel });
    return await work({ db: handle.db, dialect: handle.dialect, config, clock: systemClock, mailer, log });
  } finally {
    mailer.close();
    await handle.destroy();
  }
}
