import fs from 'node:fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import pino from 'pino';
import { ConfigError, loadConfig, loadDemoConfig } from '../config.ts';
import { DomainError } from '../errors.ts';
import { issuePasswordLink } from '../features/accounts/auth.service.ts';
import { createStaffAccount } from '../features/accounts/setup.service.ts';
import { seedDemo } from '../features/demo/demo-seed.ts';
import { createJobRunner } from '../background-jobs.ts';
import { createMailer } from '../features/notifications/mailer.ts';
import { logSerializers, redactPaths } from '../http/log-redaction.ts';
import { emailSchema, personNameSchema } from '../shared/api/common.ts';
import { DAY_MS, systemClock } from '../time/clock.ts';
import { startServer } from '../http/server.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createDb } from '../db/create-db.ts';
import { registerMatchCommand } from './match-command.ts';
import { withDeps } from './with-deps.ts';

const parseWith =
  <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }) =>
  (value: string): T => {
    const r = schema.safeParse(value);
    if (!r.success) throw new InvalidArgumentError(r.error.issues.map((i) => i.message).join(' '));
    return r.data;
  };

export function buildCli(): Command {
  const program = new Command('tandem').description('Tandem: run a mentoring program end to end.').showHelpAfterError().exitOverride();

  program
    .command('serve')
    .description('Start the web app (migrates the database first). PORT, TANDEM_DATA_DIR and DATABASE_URL configure it.')
    .action(async () => {
      await startServer(loadConfig());
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date and exit.')
    .action(async () => {
      const config = loadConfig();
      const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
      try {
        const applied = await migrateToLatest(handle.db);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
      } finally {
        await handle.destroy();
      }
    });

  program
    .command('create-staff')
    .description('Create a staff account and print a one-time link to choose its password (for servers reached over SSH).')
    .requiredOption('--email <email>', 'their e-mail address', parseWith(emailSchema))
    .requiredOption('--name <name>', 'their name', parseWith(personNameSchema))
    .action(async (opts: { email: string; name: string }) => {
      await withDeps(loadConfig(), async (deps) => {
        const userId = await createStaffAccount(deps, opts);
        const { link, expiresAt } = await issuePasswordLink(deps, userId, DAY_MS);
        console.log(`Staff account created for ${opts.email}.`);
        console.log(`Open this link to choose a password (works once, until ${expiresAt}):`);
        console.log(link);
      });
    });

  program
    .command('demo')
    .description('Start the web app with a freshly made demo program (its own database under the data directory).')
    .option('--no-serve', 'only create the demo database')
    .action(async (opts: { serve: boolean }) => {
      // The demo never touches real data, and every run starts over.
      const config = loadDemoConfig();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
      let sign: { staffEmail: string; password: string } | undefined;
      if (opts.serve) {
        await startServer(config, {
          beforeListen: async (deps) => {
            sign = await seedDemo(deps);
          },
        });
      } else {
        sign = await withDeps(config, seedDemo);
      }
      if (sign) {
        console.log('Demo program ready. Sign in as program staff with');
        console.log(`  email: ${sign.staffEmail} password: ${sign.password}`);
        console.log(
          'Other demo people (same password): committee@, taskforce@, mentor@, mentee@ and chooser@demo.tandem.test (a mentee choosing her mentor)',
        );
      }
    });

  program
    .command('jobs')
    .description(
      'Run a background worker (reminders) without the web server, until stopped (Ctrl+C). For PostgreSQL, where any number may run; with SQLite, `serve` runs the worker itself.',
    )
    .action(async () => {
      const config = loadConfig();
      const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
      const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
      try {
        await migrateToLatest(handle.db);
        const log = pino({ level: config.logLevel, redact: redactPaths, serializers: logSerializers });
        const runner = createJobRunner({ db: handle.db, dialect: handle.dialect, config, clock: systemClock, mailer, log });
        // The runner's timer does not hold the process open (it must not in the web server); this does.
        const keepAlive = setInterval(() => undefined, 2 ** 30);
        runner.start();
        console.log(
          `Tandem job worker ${runner.workerId} is running; it looks for due work every ${config.jobPollMs / 1000} s. Press Ctrl+C to stop.`,
        );
        await new Promise<void>((resolve) => {
          for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve());
        });
        clearInterval(keepAlive);
        await runner.stop();
        console.log('Tandem job worker stopped.');
      } finally {
        mailer.close();
        await handle.destroy();
      }
    });

  registerMatchCommand(program);
  return program;
}

/** Known failures print one clear line and exit non-zero; anything else prints its stack. */
export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof ConfigError || err instanceof DomainError) {
      console.error(`tandem: ${err.message}`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

const invokedDirectly = process.argv[1] && /(main\.ts|tandem(\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) await runCli(process.argv);
