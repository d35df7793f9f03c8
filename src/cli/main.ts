import { Command, CommanderError } from 'commander';
import { registerImportCommand } from './import-command.ts';
import { registerMatchCommand } from './match-command.ts';
import { registerExportCommand } from './export-command.ts';
import { registerBackupCommands } from './backup-command.ts';
import { registerSeedCommand } from './seed-command.ts';

// Only commander and the command list load up front, so `tandem --help` (and a typo) answers at
// once: each action imports what it needs when it runs (a dynamic import is its own chunk in the
// compiled build, bin/build-cli.js). A register*Command file imports types and commander only at
// its top, and gets an example line in EXAMPLES below (test/cli/tandem-data-commands.test.ts checks).

/** An option's value checked by a shared schema, refused the way commander refuses bad values. */
async function checkOption<T>(command: Command, flags: string, value: string, schema: () => Promise<SafeParser<T>>): Promise<T> {
  const r = (await schema()).safeParse(value);
  if (r.success) return r.data;
  return command.error(`error: option '${flags}' argument '${value}' is invalid. ${r.error.issues.map((i) => i.message).join(' ')}`);
}

/** One line per command (a test checks that every command has one); `tandem <command> --help` says more. */
const EXAMPLES = `
Examples:
  $ tandem serve                                   # the web app on PORT (3000), data in TANDEM_DATA_DIR (./data)
  $ tandem migrate
  $ tandem create-staff --email ops@example.org --name "Olu Ops"
  $ tandem demo                                    # a demo program to look around in, on 127.0.0.1
  $ tandem jobs                                    # a reminder worker, for PostgreSQL
  $ tandem import applications applications.csv --period "2026 cohort" --as staff@example.org --only-valid
  $ tandem match --period "2026 cohort" --as chair@example.org --approve
  $ tandem match --mentors mentors.csv --mentees mentees.csv --out proposals.csv
  $ tandem export applications --period "2026 cohort" --out applications.csv
  $ tandem backup --out tandem-backup.tar.gz
  $ tandem restore tandem-backup.tar.gz
  $ tandem seed --people 100000 --data-dir /tmp/tandem-100k    # a big program to try things at scale (empty database only)

Run "tandem <command> --help" for a command's options.`;

interface SafeParser<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } };
}

export function buildCli(): Command {
  const program = new Command('tandem')
    .description('Tandem: run a mentoring program end to end.')
    .addHelpText('after', EXAMPLES)
    .exitOverride();

  program
    .command('serve')
    .description('Start the web app (migrates the database first). PORT, TANDEM_DATA_DIR and DATABASE_URL configure it.')
    .action(async () => {
      const [{ loadConfig }, { startServer }] = await Promise.all([import('../config.ts'), import('../http/server.ts')]);
      await startServer(loadConfig());
    });

  program
    .command('migrate')
    .description('Bring the database schema up to date and exit.')
    .action(async () => {
      const [{ loadConfig }, { createDb }, { migrateToLatest }] = await Promise.all([
        import('../config.ts'),
        import('../db/create-db.ts'),
        import('../db/migrate.ts'),
      ]);
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
    .requiredOption('--email <email>', 'their e-mail address')
    .requiredOption('--name <name>', 'their name')
    .addHelpText('after', '\nExample:\n  $ tandem create-staff --email ops@example.org --name "Olu Ops"')
    .action(async (raw: { email: string; name: string }, command: Command) => {
      const common = () => import('../shared/api/common.ts');
      const opts = {
        email: await checkOption(command, '--email <email>', raw.email, async () => (await common()).emailSchema),
        name: await checkOption(command, '--name <name>', raw.name, async () => (await common()).personNameSchema),
      };
      const [{ loadConfig }, { withDeps }, { createStaffAccount }, { issuePasswordLink }, { DAY_MS }] = await Promise.all([
        import('../config.ts'),
        import('./with-deps.ts'),
        import('../features/accounts/setup.service.ts'),
        import('../features/accounts/auth.service.ts'),
        import('../time/clock.ts'),
      ]);
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
      const [fs, { loadDemoConfig }, { startServer }, { seedDemo }, { withDeps }] = await Promise.all([
        import('node:fs'),
        import('../config.ts'),
        import('../http/server.ts'),
        import('../features/demo/demo-seed.ts'),
        import('./with-deps.ts'),
      ]);
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
      const [
        { default: pino },
        { loadConfig },
        { createDb },
        { migrateToLatest },
        { createJobRunner },
        { createMailer },
        logRedaction,
        { systemClock },
      ] = await Promise.all([
        import('pino'),
        import('../config.ts'),
        import('../db/create-db.ts'),
        import('../db/migrate.ts'),
        import('../background-jobs.ts'),
        import('../features/notifications/mailer.ts'),
        import('../http/log-redaction.ts'),
        import('../time/clock.ts'),
      ]);
      const config = loadConfig();
      const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
      const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom });
      try {
        await migrateToLatest(handle.db);
        const log = pino({ level: config.logLevel, redact: logRedaction.redactPaths, serializers: logRedaction.logSerializers });
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

  registerImportCommand(program);
  registerMatchCommand(program);
  registerExportCommand(program);
  registerBackupCommands(program);
  registerSeedCommand(program);
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
    const [{ ConfigError }, { DomainError }] = await Promise.all([import('../config.ts'), import('../errors.ts')]);
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
