import pino from 'pino';
import type { Config } from '../config.ts';
import { createDb } from '../db/create-db.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Deps } from '../deps.ts';
import { startJobWorker } from '../background-jobs.ts';
import { scheduledBackupSettled } from '../features/backup/scheduled-backups.ts';
import { createMailer } from '../features/notifications/mailer.ts';
import { systemClock } from '../time/clock.ts';
import { buildApp } from './app.ts';
import { logSerializers, redactPaths } from './log-redaction.ts';

export interface RunningServer {
  url: string;
  deps: Deps;
  close(): Promise<void>;
}

/** Opens the database, migrates it, listens, and shuts down cleanly on SIGTERM or SIGINT. */
export async function startServer(config: Config, hooks: { beforeListen?: (deps: Deps) => Promise<void> } = {}): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, redact: redactPaths, serializers: logSerializers });
  const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  const applied = await migrateToLatest(handle.db);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
  const draining = { now: false };
  const deps: Deps = { db: handle.db, dialect: handle.dialect, config, clock: systemClock, mailer, log, draining };
  await hooks.beforeListen?.(deps);

  const app = await buildApp(deps, { logger: { level: config.logLevel, redact: redactPaths, serializers: logSerializers } });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  // Reminders and other background jobs; RUN_JOBS=false leaves them to other instances.
  const jobs = startJobWorker(deps);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      // First, so no job is half-way through when the database closes.
      await jobs?.stop();
      // A scheduled backup runs outside the job that started it: let it finish its file.
      await scheduledBackupSettled();
      await app.close();
      mailer.close();
      await handle.destroy();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      log.info({ signal }, 'shutting down');
      // SIGTERM (a service manager, a deployment) drains first: /api/ready turns 503 while every
      // request keeps being answered, so the load balancer moves new ones elsewhere. Ctrl-C does not wait.
      draining.now = true;
      const drainMs = signal === 'SIGTERM' ? config.shutdownDrainMs : 0;
      new Promise((resolve) => setTimeout(resolve, drainMs)).then(close).then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
  console.log(`Tandem is listening on ${url} (database: ${handle.dialect === 'postgres' ? 'PostgreSQL' : config.sqliteFile})`);
  return { url, deps, close };
}
