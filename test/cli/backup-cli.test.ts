import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createDb } from '../../src/db/create-db.ts';
import type { DbHandle } from '../../src/db/create-db.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { hashDatabase, verifyBackup } from '../../src/features/backup/backup.service.ts';
import type { BackupManifest } from '../../src/features/backup/backup.service.ts';
import { seedDemo } from '../../src/features/demo/demo-seed.ts';
import { outboxOnlyMailer } from '../../src/features/notifications/mailer.ts';
import { fixedClock } from '../../src/time/clock.ts';
import { snapshotDatabase } from '../setup/database-snapshot.ts';
import { dialectSkipReason, freshTestDb } from '../setup/dialects.ts';
import type { DisposableTestDb } from '../setup/dialects.ts';
import type { CommandLine, CommandResult } from './tandem-in-one-process.ts';
import { cliEnv, runTandem, inOneProcess as runInOneProcess } from './run-tandem.ts';

// `tandem backup` and `tandem restore` as a person runs them: real processes, the database in
// TANDEM_DATA_DIR or DATABASE_URL, a backup taken while another process writes, and a program
// moved from SQLite to PostgreSQL and back. The refusals run in one process (through the same
// runCli as bin/tandem.js) to spare a slow start per command.

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-backup-cli-'));
const baseEnv = cliEnv();

const dataDir = (name: string) => fs.mkdtempSync(path.join(root, `${name}-`));
const sqliteEnv = (dir: string): Record<string, string> => ({ ...baseEnv, TANDEM_DATA_DIR: dir });
const postgresEnv = (url: string): Record<string, string> => ({ ...baseEnv, TANDEM_DATA_DIR: dataDir('pg-data'), DATABASE_URL: url });

const tandem = (args: string[], env: Record<string, string>): Promise<CommandResult> => runTandem(args, env);

const inOneProcess = (commands: CommandLine[]): Promise<CommandResult[]> => runInOneProcess(commands, baseEnv);

/** Every table's rows and hash as the manifest records them. */
const tablesOf = (m: BackupManifest) => Object.fromEntries(m.tables.map((t) => [t.name, { rows: t.rows, sha256: t.sha256 }]));

const UPLOAD_KEY = '0123456789abcdef0123456789abcdef';
const skipPostgres = dialectSkipReason('postgres');

describe('tandem backup and tandem restore', { timeout: 240_000 }, () => {
  const laptopDir = dataDir('laptop');
  let laptop: DbHandle;
  let archive: string;
  let manifest: BackupManifest;
  let writesDuring = 0;
  const pgDbs: DisposableTestDb[] = [];

  beforeAll(async () => {
    const config = loadConfig({ TANDEM_DATA_DIR: laptopDir, NODE_ENV: 'test' });
    laptop = createDb({ sqliteFile: config.sqliteFile });
    await migrateToLatest(laptop.db as never);
    const deps = {
      db: laptop.db,
      dialect: laptop.dialect,
      config,
      clock: fixedClock('2026-09-01T15:00:00.000Z'),
      mailer: outboxOnlyMailer,
      log: pino({ level: 'silent' }),
    };
    await seedDemo(deps);
    fs.mkdirSync(config.uploadDir, { recursive: true });
    fs.writeFileSync(path.join(config.uploadDir, UPLOAD_KEY), 'an uploaded recording, in miniature');

    // Another process (this one) writes to the same SQLite file the whole time the backup runs.
    archive = path.join(root, 'laptop.tar.gz');
    let running = true;
    const backup = tandem(['backup', '--out', archive], sqliteEnv(laptopDir)).finally(() => (running = false));
    let n = 0;
    while (running) {
      const at = new Date().toISOString();
      await laptop.db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('users')
          .values({ email: `cli-writer${(n += 1)}@example.org`, name: 'Writer', password_hash: null, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx.insertInto('user_roles').values({ user_id: id, role: 'mentor' }).execute();
      });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    writesDuring = n;
    const result = await backup;
    expect(result.stderr).not.toMatch(/tandem: |Error/);
    expect(result).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^Backup written to .*laptop\.tar\.gz: \d+ tables, \d+ rows, 1 uploaded files/),
    });
    expect(result.stdout).toContain('password hashes and confidential answers');
    manifest = await verifyBackup(archive);
  }, 240_000);

  afterAll(async () => {
    await laptop?.destroy();
    for (const db of pgDbs) await db.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('backs up while another process writes, and restores into a new data directory with every table equal', async () => {
    expect(writesDuring).toBeGreaterThan(0);
    const dir = dataDir('restored');
    const res = await tandem(['restore', archive], sqliteEnv(dir));
    expect(res.stderr).not.toMatch(/tandem: /);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Restored .* \d+ tables, \d+ rows, 1 uploaded files/);
    const restored = createDb({ sqliteFile: path.join(dir, 'tandem.sqlite') });
    try {
      expect(await hashDatabase(restored.db, 'sqlite')).toEqual(tablesOf(manifest));
      // One snapshot: each writer's person came with their role, or neither did.
      const writers = await restored.db.selectFrom('users').select('id').where('email', 'like', 'cli-writer%').execute();
      const roles = await restored.db
        .selectFrom('user_roles')
        .select('user_id')
        .where('user_id', 'in', [0, ...writers.map((w) => w.id)])
        .execute();
      expect(roles.map((r) => r.user_id).sort()).toEqual(writers.map((w) => w.id).sort());
    } finally {
      await restored.destroy();
    }
    expect(fs.readFileSync(path.join(dir, 'uploads', UPLOAD_KEY), 'utf8')).toBe('an uploaded recording, in miniature');
  });

  it.skipIf(skipPostgres !== null)(
    `moves the program to PostgreSQL and back with the same hashes${skipPostgres ? ` — SKIPPED: ${skipPostgres}` : ''}`,
    async () => {
      const server = await freshTestDb('postgres');
      pgDbs.push(server);
      const toServer = await tandem(['restore', archive, '--no-progress'], postgresEnv(server.databaseUrl!));
      expect(toServer.stderr).toBe('');
      expect(toServer).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Restored .* into PostgreSQL/) });
      expect(await hashDatabase(server.db, 'postgres')).toEqual(tablesOf(manifest));

      const fromServer = path.join(root, 'server.tar.gz');
      const backup = await tandem(['backup', '--out', fromServer, '--no-progress'], postgresEnv(server.databaseUrl!));
      expect(backup.code).toBe(0);
      const second = await verifyBackup(fromServer);
      expect(second.sourceDialect).toBe('postgres');
      expect(tablesOf(second)).toEqual(tablesOf(manifest));

      const dir = dataDir('back-on-a-laptop');
      expect((await tandem(['restore', fromServer, '--no-progress'], sqliteEnv(dir))).code).toBe(0);
      const back = createDb({ sqliteFile: path.join(dir, 'tandem.sqlite') });
      try {
        expect(await hashDatabase(back.db, 'sqlite')).toEqual(tablesOf(manifest));
      } finally {
        await back.destroy();
      }
    },
  );

  it('refuses with one clear line and a non-zero exit, changing nothing', async () => {
    const truncated = path.join(root, 'truncated.tar.gz');
    const bytes = fs.readFileSync(archive);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const emptyDir = dataDir('stays-empty');
    const before = await snapshotDatabase(laptop.db);
    const [nonEmpty, cut, wrong, missingArg, backupHelp, restoreHelp] = await inOneProcess([
      { args: ['restore', archive, '--no-progress'], env: sqliteEnv(laptopDir) },
      { args: ['restore', truncated, '--no-progress'], env: sqliteEnv(emptyDir) },
      { args: ['restore', 'package.json', '--no-progress'], env: sqliteEnv(emptyDir) },
      { args: ['backup'], env: sqliteEnv(emptyDir) },
      { args: ['backup', '--help'], env: sqliteEnv(emptyDir) },
      { args: ['restore', '--help'], env: sqliteEnv(emptyDir) },
    ]);
    const oneLine = (r: CommandResult | undefined, text: RegExp) => {
      expect(r?.code).toBe(1);
      expect(r?.stderr).toMatch(/^tandem: [^\n]+\n$/);
      expect(r?.stderr).toMatch(text);
    };
    oneLine(nonEmpty, /already holds data .*--force/);
    oneLine(cut, /cut short \(truncated\)/);
    oneLine(wrong, /package\.json is not a Tandem backup/);
    expect(await snapshotDatabase(laptop.db)).toEqual(before);
    // A refused archive is refused before the target database is even created.
    expect(fs.readdirSync(emptyDir)).toEqual([]);

    expect(missingArg?.code).not.toBe(0);
    expect(missingArg?.stderr).toContain("required option '--out <file>'");
    expect(backupHelp?.stdout).toMatch(/--out <file>[\s\S]*password hashes[\s\S]*Examples:\n {2}\$ tandem backup --out/);
    expect(restoreHelp?.stdout).toMatch(/--force[\s\S]*Examples:[\s\S]*DATABASE_URL=postgres/);
  });
});
