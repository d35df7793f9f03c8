import { InvalidArgumentError } from 'commander';
import type { Command } from 'commander';

// `tandem seed`: a large, realistic program in an empty database, for trying Tandem at scale
// (src/features/demo/scale-seed.ts). Only the option list loads here; the action imports its code.

function peopleCount(value: string): number {
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 50 || n > 2_000_000) throw new InvalidArgumentError('Give a whole number from 50 to 2000000.');
  return n;
}

export function registerSeedCommand(program: Command): void {
  program
    .command('seed')
    .description(
      'Fill an empty database with a realistic program of N people (three periods, applications, matches, goal sheets, contacts, events, survey answers), for trying Tandem at scale. Refuses a database that has any data.',
    )
    .option('--people <n>', 'how many people', peopleCount, 100_000)
    .option('--data-dir <dir>', 'the data directory to seed (default TANDEM_DATA_DIR, ./data); DATABASE_URL, when set, is used instead')
    .option('--no-progress', 'no progress bar on stderr')
    .addHelpText(
      'after',
      `
Every seeded account has the same password, printed at the end: use it only for trying things out.

Examples:
  $ tandem seed --people 100000 --data-dir /tmp/tandem-100k
  $ TANDEM_DATA_DIR=/tmp/tandem-100k tandem serve      # then sign in with what the seed printed`,
    )
    .action(async (opts: { people: number; dataDir?: string; progress: boolean }) => {
      const [path, { loadConfig }, { withDeps }, { seedAtScale }, { progressBar }] = await Promise.all([
        import('node:path'),
        import('../config.ts'),
        import('./with-deps.ts'),
        import('../features/demo/scale-seed.ts'),
        import('./command-context.ts'),
      ]);
      const config = loadConfig(process.env, opts.dataDir ? { dataDir: path.resolve(opts.dataDir) } : {});
      const started = performance.now();
      const bar = progressBar('Seeding rows', opts.progress);
      const result = await withDeps(config, (deps) =>
        seedAtScale(deps, { people: opts.people, onProgress: (done, total) => bar.update(done, total) }),
      );
      bar.stop();
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const c = result.counts;
      console.log(
        `Seeded ${c.users} people in ${seconds} s: ${c.applications} applications, ${c.matches} matches, ${c.goal_sheets} goal sheets, ${c.contacts} contacts, ${c.events} events (${c.event_invitations} invitations), ${c.survey_responses} survey answers.`,
      );
      console.log(`Where: ${config.databaseUrl ? 'the DATABASE_URL database' : config.sqliteFile}`);
      console.log('Sign in as program staff with');
      console.log(`  email: ${result.staffEmail} password: ${result.password}`);
      console.log('or as a mentee with an active match with');
      console.log(`  email: ${result.menteeEmail} password: ${result.password}`);
    });
}
