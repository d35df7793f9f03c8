import type { Command } from 'commander';
import type { BackupProgress } from '../features/backup/backup.service.ts';

// `tandem backup` and `tandem restore`: the database `serve` uses (TANDEM_DATA_DIR or
// DATABASE_URL) and its uploaded files, to and from one archive (docs/decisions/0015-backup-archive.md).
// Only the option lists load here; each command imports its code when it runs.

const SENSITIVE = 'A backup holds everything, password hashes and confidential answers included: keep it as safe as the database itself.';

/** A progress bar on stderr (stdout keeps the one-line summary); a line now and then when not at a terminal. */
async function progressBar(label: string, enabled: boolean): Promise<BackupProgress & { stop(): void }> {
  if (!enabled) return { start: () => {}, advance: () => {}, stop: () => {} };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    start(total) {
      if (started) bar.stop();
      bar.start(Math.max(total, 1), 0);
      started = true;
    },
    advance: (by) => bar.increment(by),
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Back up the database `serve` uses and its uploaded files to one archive, while the app keeps running. The backup is one consistent snapshot, with a manifest of every table’s rows and hash.',
    )
    .requiredOption('--out <file>', 'the archive to write (a .tar.gz); written under a temporary name and renamed when whole')
    .option('--no-progress', 'no progress bar on stderr')
    .addHelpText(
      'after',
      `
${SENSITIVE}

Examples:
  $ tandem backup --out tandem-backup.tar.gz
  $ TANDEM_DATA_DIR=/srv/tandem tandem backup --out /backups/tandem-$(date +%F).tar.gz
  $ DATABASE_URL=postgres://tandem@db/tandem tandem backup --out tandem.tar.gz`,
    )
    .action(async (opts: { out: string; progress: boolean }) => {
      const { loadConfig } = await import('../config.ts');
      const { createDb } = await import('../db/create-db.ts');
      const { BackupError, writeBackupFile } = await import('../features/backup/backup.service.ts');
      const fs = await import('node:fs');
      const config = loadConfig();
      if (!config.databaseUrl && !fs.existsSync(config.sqliteFile)) {
        throw new BackupError(
          'NOTHING_TO_BACK_UP',
          `There is no database at ${config.sqliteFile} (set TANDEM_DATA_DIR or DATABASE_URL to the one \`serve\` uses).`,
        );
      }
      const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
      const bar = await progressBar('Backing up', opts.progress);
      try {
        const manifest = await writeBackupFile({ db: handle.db, dialect: handle.dialect, uploadDir: config.uploadDir }, opts.out, bar);
        bar.stop();
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        console.log(
          `Backup written to ${opts.out}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} uploaded files (schema ${manifest.schemaVersion}, Tandem ${manifest.tandemVersion}).`,
        );
        console.log(SENSITIVE);
      } finally {
        bar.stop();
        await handle.destroy();
      }
    });

  program
    .command('restore')
    .description(
      'Restore a backup into the database `serve` would use (TANDEM_DATA_DIR or DATABASE_URL), which must be empty, and its uploaded files. The archive is checked (format, schema version, every hash) before anything is written, and the rows go in as one transaction. A backup from SQLite restores into PostgreSQL and back.',
    )
    .argument('<file>', 'the archive `tandem backup` wrote')
    .option('--force', 'replace everything in a database that already holds data')
    .option('--no-progress', 'no progress bar on stderr')
    .addHelpText(
      'after',
      `
Stop the app first: a restore is meant for a new or empty database.

Examples:
  $ TANDEM_DATA_DIR=./restored tandem restore tandem-backup.tar.gz
  $ DATABASE_URL=postgres://tandem@db/tandem tandem restore tandem-backup.tar.gz   # from a laptop's SQLite to PostgreSQL
  $ tandem restore tandem-backup.tar.gz --force                                    # replaces all data`,
    )
    .action(async (file: string, opts: { force?: boolean; progress: boolean }) => {
      const { loadConfig } = await import('../config.ts');
      const { createDb } = await import('../db/create-db.ts');
      const { migrateToLatest } = await import('../db/migrate.ts');
      const { BackupError, occupiedTable, restoreBackup, verifyBackup } = await import('../features/backup/backup.service.ts');
      const config = loadConfig();
      const bar = await progressBar('Checking ', opts.progress);
      try {
        // The archive first: a damaged file or a wrong schema leaves the database as it was, even uncreated.
        const manifest = await verifyBackup(file, bar);
        bar.stop();
        const handle = createDb({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
        try {
          const occupied = opts.force ? null : await occupiedTable(handle.db, handle.dialect);
          if (occupied) {
            throw new BackupError(
              'TARGET_NOT_EMPTY',
              `The database already holds data (table ${occupied}); restore only into an empty one, or pass --force to replace everything in it.`,
            );
          }
          await migrateToLatest(handle.db);
          const restoring = await progressBar('Restoring', opts.progress);
          try {
            const result = await restoreBackup({ db: handle.db, dialect: handle.dialect, uploadDir: config.uploadDir }, file, {
              force: opts.force === true,
              verified: manifest,
              progress: restoring,
            });
            restoring.stop();
            console.log(
              `Restored ${file} into ${handle.dialect === 'postgres' ? 'PostgreSQL' : config.sqliteFile}: ${result.manifest.tables.length} tables, ${result.rows} rows, ${result.files} uploaded files (backed up ${result.manifest.createdAt} from ${result.manifest.sourceDialect}).`,
            );
          } finally {
            restoring.stop();
          }
        } finally {
          await handle.destroy();
        }
      } finally {
        bar.stop();
      }
    });
}
