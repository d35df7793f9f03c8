import { createHash } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Readable, Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import packageJson from '../../../package.json' with { type: 'json' };
import type { Dialect } from '../../db/create-db.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Database } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { migrations } from '../../db/migrations/index.ts';
import { ArchiveWriter, BackupError, drain, readArchive, readWhole } from './backup-archive.ts';
import type { ArchiveEntryStream } from './backup-archive.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  canonicalLine,
  classifyEntry,
  fileEntry,
  judgeSchemaVersion,
  parseHeader,
  parseManifest,
  rowFromLine,
  tablePageEntry,
} from './backup.rules.ts';
import type { BackupHeader, BackupManifest, ManifestFile, ManifestTable } from './backup.rules.ts';
import {
  deleteAllRows,
  firstNonEmptyTable,
  countRows,
  insertRows,
  readCatalog,
  readTablePages,
  resetIdentityCounters,
  schemaVersionOf,
  withSnapshot,
} from './backup.store.ts';
import type { TableSpec } from './backup.store.ts';

export { BackupError } from './backup-archive.ts';
export type { BackupManifest } from './backup.rules.ts';

export const TANDEM_VERSION: string = packageJson.version;

/** What backing up and restoring need: the database and where uploaded files live. */
export interface BackupDeps {
  db: Kysely<Database>;
  dialect: Dialect;
  uploadDir: string;
}

/** Progress for a bar: units are rows (and files) when backing up, bytes of the archive when restoring. */
export interface BackupProgress {
  start(total: number): void;
  advance(by: number): void;
}
const noProgress: BackupProgress = { start: () => {}, advance: () => {} };

const STORAGE_KEY = /^[0-9a-f]{32}$/;
const EMPTY_SHA256 = createHash('sha256').digest('hex');

/**
 * Writes a backup of the whole program to `output` as it is read: one consistent snapshot of
 * every table (the app keeps serving and writing meanwhile), then the uploaded files, then the
 * manifest with every count and hash. Nothing is held in memory beyond a page of rows.
 */
export async function writeBackup(
  deps: BackupDeps,
  output: Writable,
  progress: BackupProgress = noProgress,
  now = new Date(),
): Promise<BackupManifest> {
  const archive = new ArchiveWriter(output);
  try {
    const manifest = await withSnapshot(deps.db, deps.dialect, async (trx) => {
      const schemaVersion = await schemaVersionOf(trx);
      if (!schemaVersion)
        throw new BackupError('NOTHING_TO_BACK_UP', 'This database has never been set up (it has no schema): there is nothing to back up.');
      const specs = await readCatalog(trx, deps.dialect);
      const files = await listStoredFiles(deps.uploadDir);
      let total = files.length;
      for (const s of specs) total += await countRows(trx, s.name);
      progress.start(total);

      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        tandemVersion: TANDEM_VERSION,
        schemaVersion,
        createdAt: now.toISOString(),
        sourceDialect: deps.dialect,
      };
      await archive.add(HEADER_ENTRY, Buffer.from(JSON.stringify(header, null, 2)));

      const tables: ManifestTable[] = [];
      for (const spec of specs) {
        const hash = createHash('sha256');
        let rows = 0;
        let page = 0;
        for await (const batch of readTablePages(trx, deps.dialect, spec)) {
          const body = Buffer.from(batch.map((row) => canonicalLine(spec, row)).join(''));
          hash.update(body);
          rows += batch.length;
          page += 1;
          await archive.add(tablePageEntry(spec.name, page), body);
          progress.advance(batch.length);
        }
        tables.push({ name: spec.name, columns: spec.columns.map((c) => c.name), rows, sha256: hash.digest('hex') });
      }

      // Uploaded files never change once stored (a new upload gets a new key), so reading them
      // while the snapshot is open gives the files its rows point at.
      const stored: ManifestFile[] = [];
      for (const { key, size } of files) {
        const hash = createHash('sha256');
        try {
          await archive.addFile(fileEntry(key), path.join(deps.uploadDir, key), size, (chunk) => hash.update(chunk));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT')
            throw new BackupError('BACKUP_FAILED', `An uploaded file (${key}) was removed while the backup ran; try again.`);
          throw err;
        }
        stored.push({ key, size, sha256: hash.digest('hex') });
        progress.advance(1);
      }
      return { ...header, tables, files: stored };
    });
    await archive.add(MANIFEST_ENTRY, Buffer.from(JSON.stringify(manifest, null, 2)));
    await archive.finish();
    return manifest;
  } catch (err) {
    await archive.abort(err as Error);
    throw err;
  }
}

async function listStoredFiles(uploadDir: string): Promise<{ key: string; size: number }[]> {
  let names: string[];
  try {
    names = await fs.promises.readdir(uploadDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files: { key: string; size: number }[] = [];
  for (const key of names.filter((n) => STORAGE_KEY.test(n)).sort()) {
    const stat = await fs.promises.stat(path.join(uploadDir, key)).catch(() => null);
    if (stat?.isFile()) files.push({ key, size: stat.size });
  }
  return files;
}

/** Writes a backup to a file: to a temporary name first, so a file with the final name is always whole. */
export async function writeBackupFile(deps: BackupDeps, file: string, progress?: BackupProgress, now?: Date): Promise<BackupManifest> {
  const partial = `${file}.partial`;
  await fs.promises.mkdir(path.dirname(path.resolve(file)), { recursive: true });
  try {
    const manifest = await writeBackup(deps, fs.createWriteStream(partial, { flags: 'w', mode: 0o600 }), progress, now);
    await fs.promises.rename(partial, file);
    return manifest;
  } catch (err) {
    await fs.promises.rm(partial, { force: true });
    throw err;
  }
}

/** A table's row count and canonical hash, as a backup of it would record them. */
async function hashTable(trx: Executor, dialect: Dialect, spec: TableSpec): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of readTablePages(trx, dialect, spec)) {
    hash.update(batch.map((row) => canonicalLine(spec, row)).join(''));
    rows += batch.length;
  }
  return { rows, sha256: hash.digest('hex') };
}

/** Every table's count and hash, from one snapshot: equal on two databases means equal data. */
export async function hashDatabase(db: Kysely<Database>, dialect: Dialect): Promise<Record<string, { rows: number; sha256: string }>> {
  return withSnapshot(db, dialect, async (trx) => {
    const result: Record<string, { rows: number; sha256: string }> = {};
    for (const spec of await readCatalog(trx, dialect)) result[spec.name] = await hashTable(trx, dialect, spec);
    return result;
  });
}

const HEADER_LIMIT = 64 * 1024;
const MANIFEST_LIMIT = 64 * 1024 * 1024;
const PAGE_LIMIT = 512 * 1024 * 1024;

/**
 * Reads the whole archive and checks it against its own manifest — format, schema version, every
 * table's rows and hash, every file's size and hash — without touching any database.
 */
export async function verifyBackup(file: string, progress: BackupProgress = noProgress): Promise<BackupManifest> {
  progress.start((await fs.promises.stat(file).catch(() => null))?.size ?? 0);
  let header: BackupHeader | null = null;
  let manifest: BackupManifest | null = null;
  const tables = new Map<string, { hash: ReturnType<typeof createHash>; rows: number; pages: number }>();
  const files = new Map<string, { sha256: string; size: number }>();
  const notABackup = () => new BackupError('NOT_A_BACKUP', `${file} is not a Tandem backup (it has no ${HEADER_ENTRY} at its start).`);
  const damaged = (why: string) => new BackupError('BACKUP_DAMAGED', `${file} is damaged: ${why}. Nothing was restored.`);

  for await (const entry of readArchive(file, (n) => progress.advance(n))) {
    const kind = classifyEntry(entry.name);
    if (!header) {
      if (kind.kind !== 'header') throw notABackup();
      header = parseHeader((await readWhole(entry, HEADER_LIMIT)).toString('utf8'));
      if (!header) throw notABackup();
      if (header.formatVersion > BACKUP_FORMAT_VERSION) {
        throw new BackupError(
          'BACKUP_FORMAT_NEWER',
          `${file} was written by a newer Tandem (${header.tandemVersion}) in a format this one cannot read; upgrade Tandem.`,
        );
      }
      const verdict = judgeSchemaVersion(header, Object.keys(migrations).sort());
      if (!verdict.ok) throw new BackupError(verdict.code, verdict.message);
      continue;
    }
    if (manifest) throw damaged(`${entry.name} follows the manifest, which must come last`);
    if (kind.kind === 'table-page') {
      const state = tables.get(kind.table) ?? { hash: createHash('sha256'), rows: 0, pages: 0 };
      if (kind.page !== state.pages + 1) throw damaged(`page ${kind.page} of table ${kind.table} is out of order`);
      tables.set(kind.table, state);
      state.pages += 1;
      await drain(entry, (chunk) => {
        state.hash.update(chunk);
        for (const byte of chunk) if (byte === 10) state.rows += 1;
      });
    } else if (kind.kind === 'file') {
      const hash = createHash('sha256');
      let size = 0;
      await drain(entry, (chunk) => {
        hash.update(chunk);
        size += chunk.length;
      });
      files.set(kind.key, { sha256: hash.digest('hex'), size });
    } else if (kind.kind === 'manifest') {
      manifest = parseManifest((await readWhole(entry, MANIFEST_LIMIT)).toString('utf8'));
      if (!manifest) throw damaged('its manifest cannot be read');
    } else {
      throw damaged(`it holds an entry no Tandem backup has (${entry.name})`);
    }
  }
  if (!header) throw notABackup();
  if (!manifest)
    throw new BackupError('BACKUP_DAMAGED', `${file} is cut short (truncated): its manifest is missing. Nothing was restored.`);
  for (const key of ['format', 'formatVersion', 'tandemVersion', 'schemaVersion', 'createdAt', 'sourceDialect'] as const) {
    if (manifest[key] !== header[key]) throw damaged(`its manifest and header disagree on ${key}`);
  }
  const listed = new Set(manifest.tables.map((t) => t.name));
  for (const name of tables.keys()) if (!listed.has(name)) throw damaged(`table ${name} is not in its manifest`);
  for (const t of manifest.tables) {
    const state = tables.get(t.name);
    const sha256 = state ? state.hash.digest('hex') : EMPTY_SHA256;
    if ((state?.rows ?? 0) !== t.rows || sha256 !== t.sha256) throw damaged(`table ${t.name} does not match its hash`);
  }
  if (files.size !== manifest.files.length) throw damaged('its uploaded files do not match its manifest');
  for (const f of manifest.files) {
    const got = files.get(f.key);
    if (!got || got.size !== f.size || got.sha256 !== f.sha256) throw damaged(`uploaded file ${f.key} does not match its hash`);
  }
  return manifest;
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: number;
  files: number;
}

/**
 * Restores a backup into `deps.db` (migrated to this Tandem's schema) and `deps.uploadDir`.
 * The archive is verified first; then, in one transaction, the rows go in (into an empty
 * database, or one emptied first with `force`), PostgreSQL's identity counters are moved past
 * them, and every table is hashed again and compared with the manifest before committing.
 * Uploaded files are written under temporary names and take their own only once that committed.
 */
export async function restoreBackup(
  deps: BackupDeps,
  file: string,
  opts: { force?: boolean; progress?: BackupProgress; verified?: BackupManifest } = {},
): Promise<RestoreResult> {
  const progress = opts.progress ?? noProgress;
  // Read twice on purpose: checked whole before the database is touched, then restored (and
  // every table hashed again before committing, so a file changed in between is caught too).
  const manifest = opts.verified ?? (await verifyBackup(file, progress));

  const targetVersion = await schemaVersionOf(deps.db);
  if (targetVersion !== manifest.schemaVersion) {
    throw new BackupError(
      'BACKUP_SCHEMA_MISMATCH',
      `The database is at schema ${targetVersion ?? '(none)'}, the backup at ${manifest.schemaVersion}; migrate the database first.`,
    );
  }
  const specs = await readCatalog(deps.db, deps.dialect);
  checkShape(specs, manifest);
  const specOf = new Map(specs.map((s) => [s.name, s]));

  await fs.promises.mkdir(deps.uploadDir, { recursive: true });
  const written: string[] = [];
  const temporary = (key: string) => path.join(deps.uploadDir, `${key}.restoring`);
  let rows = 0;
  try {
    await deps.db.transaction().execute(async (trx) => {
      const occupied = await firstNonEmptyTable(trx, specs);
      if (occupied && !opts.force) {
        throw new BackupError(
          'TARGET_NOT_EMPTY',
          `The database already holds data (table ${occupied}); restore only into an empty one, or pass --force to replace everything in it.`,
        );
      }
      if (occupied) await deleteAllRows(trx, specs);
      // Rows of a table may refer to later rows of the same table; check those at commit.
      if (deps.dialect === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);

      progress.start(manifest.files.reduce((n, f) => n + f.size, 0) + manifest.tables.reduce((n, t) => n + t.rows, 0));
      const expectedFile = new Map(manifest.files.map((f) => [f.key, f]));
      for await (const entry of readArchive(file)) {
        const kind = classifyEntry(entry.name);
        if (kind.kind === 'table-page') {
          const spec = specOf.get(kind.table);
          if (!spec) throw new BackupError('BACKUP_DAMAGED', `${file} changed while it was being restored. Nothing was restored.`);
          const lines = (await readWhole(entry, PAGE_LIMIT)).toString('utf8').split('\n');
          lines.pop(); // every line ends with a newline
          await insertRows(
            trx,
            spec,
            lines.map((line) => rowFromLine(spec, line)),
          );
          rows += lines.length;
          progress.advance(lines.length);
        } else if (kind.kind === 'file') {
          await writeRestoredFile(entry, temporary(kind.key), expectedFile.get(kind.key), file);
          written.push(kind.key);
          progress.advance(entry.size);
        } else {
          await drain(entry);
        }
      }
      await resetIdentityCounters(trx, deps.dialect, specs);
      for (const t of manifest.tables) {
        const got = await hashTable(trx, deps.dialect, specOf.get(t.name)!);
        if (got.rows !== t.rows || got.sha256 !== t.sha256) {
          throw new BackupError('RESTORE_MISMATCH', `Table ${t.name} did not come back as the backup holds it; nothing was restored.`);
        }
      }
    });
  } catch (err) {
    await Promise.all(written.map((key) => fs.promises.rm(temporary(key), { force: true })));
    if (err instanceof BackupError) throw err;
    // A row the database would not take (a constraint, a type): the transaction rolled back.
    const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new BackupError('RESTORE_FAILED', `The backup could not be restored (${why}); nothing was restored.`);
  }
  for (const key of written) await fs.promises.rename(temporary(key), path.join(deps.uploadDir, key));
  return { manifest, rows, files: written.length };
}

async function writeRestoredFile(
  entry: ArchiveEntryStream,
  target: string,
  expected: ManifestFile | undefined,
  file: string,
): Promise<void> {
  const hash = createHash('sha256');
  const out = fs.createWriteStream(target, { mode: 0o600 });
  let size = 0;
  for await (const chunk of entry.body) {
    hash.update(chunk);
    size += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  if (!expected || expected.size !== size || expected.sha256 !== hash.digest('hex')) {
    throw new BackupError(
      'BACKUP_DAMAGED',
      `${file} changed while it was being restored (uploaded file ${path.basename(target)}). Nothing was restored.`,
    );
  }
}

/** The first table holding data, or null for an empty database (one never migrated counts as empty). */
export async function occupiedTable(db: Kysely<Database>, dialect: Dialect): Promise<string | null> {
  return firstNonEmptyTable(db, await readCatalog(db, dialect));
}

/** The backup's tables and columns must be exactly this database's. */
function checkShape(specs: TableSpec[], manifest: BackupManifest): void {
  const mine = new Map(specs.map((s) => [s.name, s.columns.map((c) => c.name).join(',')]));
  const theirs = new Map(manifest.tables.map((t) => [t.name, t.columns.join(',')]));
  const differ = [...new Set([...mine.keys(), ...theirs.keys()])].filter((name) => mine.get(name) !== theirs.get(name)).sort();
  if (differ.length > 0) {
    throw new BackupError(
      'BACKUP_SCHEMA_MISMATCH',
      `The backup's tables do not match this database's (${differ.slice(0, 3).join(', ')}${differ.length > 3 ? ', …' : ''}).`,
    );
  }
}

/**
 * A backup for staff to download, streamed as it is written (never built in memory). The
 * download is recorded in the audit log first: the archive holds password hashes and
 * confidential answers. A failure part-way cuts the download off, so a browser never keeps a
 * short file as if it were whole.
 */
export async function startBackupDownload(deps: Deps, actor: Actor): Promise<{ fileName: string; stream: Readable }> {
  const now = deps.clock.now();
  const fileName = `tandem-backup-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z.tar.gz`;
  await recordAudit(deps.db, {
    actorId: actor.userId,
    action: 'backups.download',
    entityType: 'backup',
    entityId: null,
    details: { fileName },
    at: now.toISOString(),
  });
  const stream = new PassThrough();
  writeBackup({ db: deps.db, dialect: deps.dialect, uploadDir: deps.config.uploadDir }, stream, undefined, now).catch((err: unknown) => {
    deps.log.warn({ err }, 'backup download stopped before the end');
    stream.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return { fileName, stream };
}
