import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../../src/db/create-db.ts';
import type { Deps } from '../../src/deps.ts';
import {
  BackupError,
  hashDatabase,
  restoreBackup,
  verifyBackup,
  writeBackup,
  writeBackupFile,
} from '../../src/features/backup/backup.service.ts';
import type { BackupDeps, BackupManifest } from '../../src/features/backup/backup.service.ts';
import { seedDemo } from '../../src/features/demo/demo-seed.ts';
import { snapshotDatabase } from '../setup/database-snapshot.ts';
import { describeEachDialect, dialectSkipReason, freshTestDb } from '../setup/dialects.ts';
import type { DisposableTestDb, TestDb } from '../setup/dialects.ts';
import { buildTestApp, createPerson } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

// Backups and restores against real databases: taken while the app writes, restored on the same
// dialect and across SQLite and PostgreSQL, every table's hash compared; and every way a restore
// must refuse (damaged, truncated, tampered, a wrong file, a newer schema, a database with data)
// leaving the target exactly as it was.

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-backup-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
let fileSeq = 0;
const tmpFile = (name: string) => path.join(work, `${(fileSeq += 1)}-${name}`);
const uploadDirFor = () => fs.mkdtempSync(path.join(work, 'uploads-'));

/** A stored upload, as the resources feature would leave one. */
const UPLOAD_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const UPLOAD_BYTES = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));

/** Awkward values every dialect must hand back the same: quotes, backslashes, non-Latin text, floats. */
async function addAwkwardRows(deps: Pick<Deps, 'db'>): Promise<void> {
  await deps.db
    .insertInto('audit_log')
    .values([
      {
        actor_id: null,
        action: 'test.awkward',
        entity_type: 'x',
        entity_id: 'é',
        details: JSON.stringify({ s: 'Zoë "quoted" \\ back \u{1F680} 北京 ' }),
        created_at: '2026-09-01T00:00:00.000Z',
      },
      { actor_id: null, action: 'test.awkward', entity_type: 'x', entity_id: null, details: '{}', created_at: '2026-09-01T00:00:00.001Z' },
    ])
    .execute();
}

function backupDeps(testDb: TestDb, uploadDir: string): BackupDeps {
  return { db: testDb.db, dialect: testDb.dialect, uploadDir };
}

async function expectRefused(work: Promise<unknown>, code: string, text: RegExp): Promise<BackupError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(BackupError);
  const e = err as BackupError;
  expect(e.code).toBe(code);
  expect(e.message).toMatch(text);
  expect(e.message, 'one line').not.toContain('\n');
  return e;
}

/** The entries of a .tar.gz, to build doctored copies of a real backup. */
async function entriesOf(file: string): Promise<{ name: string; body: Buffer }[]> {
  const extract = tar.extract();
  const out: { name: string; body: Buffer }[] = [];
  const reading = (async () => {
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      out.push({ name: entry.header.name, body: Buffer.concat(chunks) });
    }
  })();
  extract.end(gunzipSync(fs.readFileSync(file)));
  await reading;
  return out;
}

async function writeArchive(file: string, entries: { name: string; body: Buffer }[]): Promise<void> {
  const pack = tar.pack();
  for (const e of entries) pack.entry({ name: e.name }, e.body);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  fs.writeFileSync(file, gzipSync(Buffer.concat(chunks)));
}

describeEachDialect('backup and restore', (db, dialect) => {
  let ctx: TestContext;
  let source: BackupDeps;
  let archive: string;
  let manifest: BackupManifest;
  let writerRows = 0;
  let writesDuringBackup = 0;
  const targets: DisposableTestDb[] = [];
  const target = async () => {
    const t = await freshTestDb(dialect);
    targets.push(t);
    return t;
  };

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await seedDemo(ctx.deps);
    await addAwkwardRows(ctx.deps);
    fs.mkdirSync(ctx.deps.config.uploadDir, { recursive: true });
    fs.writeFileSync(path.join(ctx.deps.config.uploadDir, UPLOAD_KEY), UPLOAD_BYTES);
    fs.writeFileSync(path.join(ctx.deps.config.uploadDir, `${'f'.repeat(32)}.uploading`), 'half an upload: never backed up');
    source = backupDeps(db(), ctx.deps.config.uploadDir);

    // The app keeps writing while the backup runs: each write is one transaction adding a person
    // and their role, so a consistent snapshot has exactly as many of one as of the other.
    let writing = true;
    const writer = (async () => {
      while (writing) {
        const at = new Date().toISOString();
        await ctx.deps.db.transaction().execute(async (trx) => {
          const { id } = await trx
            .insertInto('users')
            .values({ email: `writer${writerRows}@example.org`, name: 'Writer', password_hash: null, created_at: at, updated_at: at })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx.insertInto('user_roles').values({ user_id: id, role: 'mentee' }).execute();
        });
        writerRows += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    while (writerRows < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    archive = tmpFile('backup.tar.gz');
    const writtenBefore = writerRows;
    manifest = await writeBackupFile(source, archive);
    const writtenDuring = writerRows;
    writesDuringBackup = writtenDuring - writtenBefore;
    while (writerRows < writtenDuring + 3) await new Promise((resolve) => setTimeout(resolve, 5));
    writing = false;
    await writer;
  }, 180_000);
  afterAll(async () => {
    for (const t of targets) await t.dispose();
    await ctx?.close();
  });

  it('took one consistent snapshot while writes ran, with a manifest of versions, counts and hashes', async () => {
    expect(manifest).toMatchObject({ format: 'tandem-backup', formatVersion: 1, sourceDialect: dialect, tandemVersion: '0.1.0' });
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(ctx.deps.db);
    expect(manifest.schemaVersion).toBe(rows[0]!.name);
    const names = manifest.tables.map((t) => t.name);
    expect(names).toContain('users');
    expect(names.some((n) => n.startsWith('kysely_migration'))).toBe(false);
    expect(new Set(names)).toEqual(new Set(Object.keys(await hashDatabase(ctx.deps.db, dialect))));

    // The backup did not hold the writer up, and writers went on after the snapshot, so the live database has moved past it.
    expect(writesDuringBackup).toBeGreaterThan(0);
    const live = await hashDatabase(ctx.deps.db, dialect);
    const users = manifest.tables.find((t) => t.name === 'users')!;
    expect(live.users!.rows).toBeGreaterThan(users.rows);
    expect(manifest.files).toEqual([{ key: UPLOAD_KEY, size: UPLOAD_BYTES.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    // Consistent: the writer's people and their roles were captured together, all or none each.
    const entries = await entriesOf(archive);
    const lines = (table: string) =>
      entries
        .filter((e) => e.name.startsWith(`tables/${table}/`))
        .flatMap((e) => e.body.toString('utf8').split('\n').filter(Boolean))
        .map((l) => JSON.parse(l) as unknown[]);
    const userCols = manifest.tables.find((t) => t.name === 'users')!.columns;
    const writerIds = lines('users')
      .filter((r) => String(r[userCols.indexOf('email')]).startsWith('writer'))
      .map((r) => r[userCols.indexOf('id')]);
    const roleCols = manifest.tables.find((t) => t.name === 'user_roles')!.columns;
    const writerRoleIds = lines('user_roles')
      .map((r) => r[roleCols.indexOf('user_id')])
      .filter((id) => writerIds.includes(id));
    expect(writerIds.length).toBeGreaterThanOrEqual(3);
    expect(writerRoleIds.sort()).toEqual([...writerIds].sort());
  });

  it('restores into an empty database with every table hashing the same, uploads included, and new rows get new ids', async () => {
    const t = await target();
    const uploads = uploadDirFor();
    const result = await restoreBackup(backupDeps(t, uploads), archive);
    expect(result.rows).toBe(manifest.tables.reduce((n, x) => n + x.rows, 0));

    const restored = await hashDatabase(t.db, dialect);
    for (const table of manifest.tables) expect(restored[table.name], table.name).toEqual({ rows: table.rows, sha256: table.sha256 });
    expect(fs.readFileSync(path.join(uploads, UPLOAD_KEY)).equals(UPLOAD_BYTES)).toBe(true);
    expect(fs.readdirSync(uploads)).toEqual([UPLOAD_KEY]);

    // Identity counters moved past the restored ids: inserting works and takes the next id.
    const maxUser = await t.db
      .selectFrom('users')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    const person = await createPerson({ ...ctx.deps, db: t.db, dialect }, ['mentor']);
    expect(person.id).toBe(Number(maxUser.m) + 1);
    const audit = await t.db
      .insertInto('audit_log')
      .values({
        actor_id: person.id,
        action: 'after.restore',
        entity_type: 'x',
        entity_id: null,
        details: '{}',
        created_at: '2026-09-02T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(audit.id).toBeGreaterThan(manifest.tables.find((x) => x.name === 'audit_log')!.rows);
  });

  it('refuses a database that already holds data, and replaces it with --force', async () => {
    const t = await target();
    await createPerson({ ...ctx.deps, db: t.db, dialect }, ['staff'], 'Already Here');
    const before = await snapshotDatabase(t.db);
    await expectRefused(restoreBackup(backupDeps(t, uploadDirFor()), archive), 'TARGET_NOT_EMPTY', /already holds data.*--force/);
    expect(await snapshotDatabase(t.db)).toEqual(before);

    await restoreBackup(backupDeps(t, uploadDirFor()), archive, { force: true });
    const restored = await hashDatabase(t.db, dialect);
    for (const table of manifest.tables) expect(restored[table.name]?.sha256, table.name).toBe(table.sha256);
  });

  describe('a damaged or wrong archive is refused before anything changes', () => {
    let t: DisposableTestDb;
    let uploads: string;
    let before: Record<string, string[]>;
    beforeAll(async () => {
      // A target with data, and --force below: the refusal must come before the emptying.
      t = await target();
      await createPerson({ ...ctx.deps, db: t.db, dialect }, ['staff'], 'Keep Me');
      uploads = uploadDirFor();
      fs.writeFileSync(path.join(uploads, 'b'.repeat(32)), 'kept');
      before = await snapshotDatabase(t.db);
    });
    const refuse = async (file: string, code: string, text: RegExp) => {
      await expectRefused(restoreBackup(backupDeps(t, uploads), file, { force: true }), code, text);
      expect(await snapshotDatabase(t.db)).toEqual(before);
      expect(fs.readdirSync(uploads)).toEqual(['b'.repeat(32)]);
    };

    it('truncated', async () => {
      const bytes = fs.readFileSync(archive);
      for (const keep of [0.5, 0.98]) {
        const file = tmpFile('truncated.tar.gz');
        fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * keep)));
        await refuse(file, 'BACKUP_DAMAGED', /cut short \(truncated\)/);
      }
    });

    it('corrupted: a flipped byte', async () => {
      const bytes = Buffer.from(fs.readFileSync(archive));
      bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
      const file = tmpFile('flipped.tar.gz');
      fs.writeFileSync(file, bytes);
      await refuse(file, 'BACKUP_DAMAGED', /damaged|cut short/);
    });

    it('tampered: a row changed inside a well-formed archive', async () => {
      const entries = await entriesOf(archive);
      const page = entries.find((e) => e.name.startsWith('tables/users/'))!;
      page.body = Buffer.from(page.body.toString('utf8').replace('Dana Whitaker', 'Mallory Whitaker'));
      const file = tmpFile('tampered.tar.gz');
      await writeArchive(file, entries);
      await refuse(file, 'BACKUP_DAMAGED', /table users does not match its hash/);
    });

    it('tampered: an uploaded file changed, or the manifest missing', async () => {
      const entries = await entriesOf(archive);
      const upload = entries.find((e) => e.name === `files/${UPLOAD_KEY}`)!;
      upload.body = Buffer.from(upload.body).fill(1, 0, 10);
      const changed = tmpFile('file-changed.tar.gz');
      await writeArchive(changed, entries);
      await refuse(changed, 'BACKUP_DAMAGED', /uploaded file .* does not match its hash/);

      const noManifest = tmpFile('no-manifest.tar.gz');
      await writeArchive(
        noManifest,
        entries.filter((e) => e.name !== 'manifest.json'),
      );
      await refuse(noManifest, 'BACKUP_DAMAGED', /manifest is missing/);
    });

    it('consistent with its own hashes, but holding a row the database refuses: rolled back whole', async () => {
      // A forged archive whose manifest matches its content, so only the database can object:
      // every table before it has gone in by then, and all of it must come out again.
      const entries = await entriesOf(archive);
      const manifestEntry = entries.find((e) => e.name === 'manifest.json')!;
      const forged = JSON.parse(manifestEntry.body.toString('utf8')) as BackupManifest;
      const users = forged.tables.find((x) => x.name === 'users')!;
      const pages = entries.filter((e) => e.name.startsWith('tables/users/'));
      const last = pages.at(-1)!;
      const lines = last.body.toString('utf8').split('\n').filter(Boolean);
      const row = JSON.parse(lines.at(-1)!) as unknown[];
      row[users.columns.indexOf('email')] = null; // NOT NULL
      lines[lines.length - 1] = JSON.stringify(row);
      last.body = Buffer.from(lines.map((l) => `${l}\n`).join(''));
      const hash = createHash('sha256');
      for (const page of pages) hash.update(page.body);
      users.sha256 = hash.digest('hex');
      manifestEntry.body = Buffer.from(JSON.stringify(forged));
      const file = tmpFile('forged.tar.gz');
      await writeArchive(file, entries);
      await expect(verifyBackup(file)).resolves.toBeTruthy();
      await refuse(file, 'RESTORE_FAILED', /could not be restored \(.*\); nothing was restored/);
    });

    it('from a newer schema', async () => {
      const future = '2099-01-01T0000-from-the-future';
      const entries = (await entriesOf(archive)).map((e) =>
        e.name === 'backup.json' || e.name === 'manifest.json'
          ? { ...e, body: Buffer.from(JSON.stringify({ ...JSON.parse(e.body.toString('utf8')), schemaVersion: future })) }
          : e,
      );
      const file = tmpFile('newer.tar.gz');
      await writeArchive(file, entries);
      await refuse(file, 'BACKUP_SCHEMA_NEWER', /newer Tandem.*2099-01-01T0000-from-the-future.*upgrade Tandem/);
    });

    it('from an older schema', async () => {
      const older = '2026-11-29T0600-foundation';
      const entries = (await entriesOf(archive)).map((e) =>
        e.name === 'backup.json' || e.name === 'manifest.json'
          ? { ...e, body: Buffer.from(JSON.stringify({ ...JSON.parse(e.body.toString('utf8')), schemaVersion: older })) }
          : e,
      );
      const file = tmpFile('older.tar.gz');
      await writeArchive(file, entries);
      await refuse(file, 'BACKUP_SCHEMA_OLDER', /older schema \(2026-11-29T0600-foundation/);
    });

    it('a wrong file: not gzip, gzip but not tar, a tar that is not a backup, no file at all', async () => {
      await refuse(path.resolve('package.json'), 'NOT_A_BACKUP', /package\.json is not a Tandem backup/);
      const gz = tmpFile('text.gz');
      fs.writeFileSync(gz, gzipSync(Buffer.from('hello, I am not a tar file at all '.repeat(40))));
      await refuse(gz, 'NOT_A_BACKUP', /is not a Tandem backup/);
      const otherTar = tmpFile('other.tar.gz');
      await writeArchive(otherTar, [{ name: 'notes.txt', body: Buffer.from('hello') }]);
      await refuse(otherTar, 'NOT_A_BACKUP', /is not a Tandem backup/);
      await refuse(tmpFile('missing.tar.gz'), 'BACKUP_NOT_FOUND', /There is no backup file at/);
    });
  });

  it('stops, and ends its snapshot, when the reader goes away part-way (a download cut off)', async () => {
    let received = 0;
    const cutOff = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        callback();
        // As a response does when the browser closes the connection.
        if (received > 20_000) this.destroy();
      },
    });
    await expect(writeBackup(source, cutOff)).rejects.toThrow(/premature close/i);
    // Nothing was left holding the database: a backup right after runs to the end.
    await expect(writeBackupFile(source, tmpFile('after-cut.tar.gz'))).resolves.toMatchObject({ format: 'tandem-backup' });
  });

  it('verifies an archive on its own, touching no database', async () => {
    await expect(verifyBackup(archive)).resolves.toEqual(manifest);
  });
});

describe('a program moves from SQLite to PostgreSQL and back', () => {
  const skip = dialectSkipReason('postgres');
  it.skipIf(skip !== null)(
    `SQLite → PostgreSQL → SQLite: every table's hash equal${skip ? ` — SKIPPED: ${skip}` : ''}`,
    { timeout: 180_000 },
    async () => {
      const made: DisposableTestDb[] = [];
      const fresh = async (d: Dialect) => {
        const t = await freshTestDb(d);
        made.push(t);
        return t;
      };
      try {
        const laptop = await fresh('sqlite');
        const ctx = await buildTestApp(laptop);
        try {
          await seedDemo(ctx.deps);
          await addAwkwardRows(ctx.deps);
          const laptopUploads = uploadDirFor();
          fs.writeFileSync(path.join(laptopUploads, UPLOAD_KEY), UPLOAD_BYTES);
          const original = await hashDatabase(laptop.db, 'sqlite');

          const first = tmpFile('laptop.tar.gz');
          const m1 = await writeBackupFile(backupDeps(laptop, laptopUploads), first);
          const server = await fresh('postgres');
          const serverUploads = uploadDirFor();
          await restoreBackup(backupDeps(server, serverUploads), first);
          expect(await hashDatabase(server.db, 'postgres')).toEqual(original);

          const second = tmpFile('server.tar.gz');
          const m2 = await writeBackupFile(backupDeps(server, serverUploads), second);
          expect(m2.sourceDialect).toBe('postgres');
          expect(m2.tables).toEqual(m1.tables);
          expect(m2.files).toEqual(m1.files);

          const back = await fresh('sqlite');
          const backUploads = uploadDirFor();
          await restoreBackup(backupDeps(back, backUploads), second);
          expect(await hashDatabase(back.db, 'sqlite')).toEqual(original);
          expect(await snapshotDatabase(back.db)).toEqual(await snapshotDatabase(laptop.db));
          expect(fs.readFileSync(path.join(backUploads, UPLOAD_KEY)).equals(UPLOAD_BYTES)).toBe(true);

          // Both ends take new rows after the move.
          for (const t of [server, back]) await createPerson({ ...ctx.deps, db: t.db, dialect: t.dialect }, ['mentee'], 'After The Move');
        } finally {
          await ctx.close();
        }
      } finally {
        for (const t of made) await t.dispose();
      }
    },
  );
});

// A database that was never migrated is migrated by the CLI before restoring; the service expects it migrated.
it('refuses to restore into a database at another schema version', async () => {
  const t = await freshTestDb('sqlite');
  try {
    const ctx = await buildTestApp(t);
    await createPerson(ctx.deps, ['staff']);
    const file = tmpFile('small.tar.gz');
    await writeBackupFile(backupDeps(t, uploadDirFor()), file);
    await ctx.close();
    const blank = await freshTestDb('sqlite');
    try {
      await sql`delete from kysely_migration where name = (select max(name) from kysely_migration)`.execute(blank.db);
      await expectRefused(restoreBackup(backupDeps(blank, uploadDirFor()), file), 'BACKUP_SCHEMA_MISMATCH', /migrate the database first/);
    } finally {
      await blank.dispose();
    }
  } finally {
    await t.dispose();
  }
});
