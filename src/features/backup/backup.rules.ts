/**
 * The pure half of backups (docs/decisions/0015-backup-archive.md): how a row becomes one
 * canonical line, so the same data hashes the same on SQLite and PostgreSQL; what an archive's
 * manifest holds; which schema versions restore; which scheduled backups are kept.
 */
import { z } from 'zod';

export const BACKUP_FORMAT = 'tandem-backup';
export const BACKUP_FORMAT_VERSION = 1;

/** Archive entry names. The header comes first, the manifest (with every hash) last. */
export const HEADER_ENTRY = 'backup.json';
export const MANIFEST_ENTRY = 'manifest.json';
const TABLE_PAGE = /^tables\/([a-z][a-z0-9_]*)\/(\d{6})\.ndjson$/;
const FILE_ENTRY = /^files\/([0-9a-f]{32})$/;

export function tablePageEntry(table: string, page: number): string {
  return `tables/${table}/${String(page).padStart(6, '0')}.ndjson`;
}
export function fileEntry(key: string): string {
  return `files/${key}`;
}

export type ArchiveEntry =
  | { kind: 'header' }
  | { kind: 'manifest' }
  | { kind: 'table-page'; table: string; page: number }
  | { kind: 'file'; key: string }
  | { kind: 'unknown' };

export function classifyEntry(name: string): ArchiveEntry {
  if (name === HEADER_ENTRY) return { kind: 'header' };
  if (name === MANIFEST_ENTRY) return { kind: 'manifest' };
  const page = TABLE_PAGE.exec(name);
  if (page) return { kind: 'table-page', table: page[1]!, page: Number(page[2]) };
  const file = FILE_ENTRY.exec(name);
  if (file) return { kind: 'file', key: file[1]! };
  return { kind: 'unknown' };
}

/** How a column's values are compared: every column Tandem declares is one of these (decision 0001). */
export type ColumnKind = 'integer' | 'real' | 'text';

export interface TableShape {
  name: string;
  /** Sorted by name, so the canonical form does not depend on the order columns were added in. */
  columns: { name: string; kind: ColumnKind }[];
}

/** The kind of a declared type, as SQLite (`integer`, `varchar(30)`) or PostgreSQL (`int4`, `character varying`) names it. */
export function columnKind(declaredType: string): ColumnKind {
  const t = declaredType.toLowerCase();
  if (/int/.test(t)) return 'integer';
  if (/real|double|float|numeric|decimal/.test(t)) return 'real';
  return 'text';
}

type Canonical = string | number | null;
const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/**
 * One value in the form both dialects agree on. PostgreSQL hands back bigint and numeric as
 * text and booleans as booleans; SQLite hands back numbers. A value that does not fit its
 * column's kind (SQLite would store text in an integer column) is kept as it is rather than
 * guessed at, so restoring it fails loudly instead of changing it.
 */
export function canonicalValue(kind: ColumnKind, value: unknown): Canonical {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return kind === 'text' ? value.toString() : Number(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a number that JSON cannot hold: ${value}`);
    return kind === 'text' ? String(value) : value;
  }
  if (typeof value === 'string') {
    if (kind === 'integer' && INTEGER_TEXT.test(value)) return Number(value);
    if (kind === 'real' && NUMBER_TEXT.test(value)) return Number(value);
    return value;
  }
  if (value instanceof Date) return value.toISOString();
  throw new Error(`a value of a type backups do not hold (${Object.prototype.toString.call(value)})`);
}

/** A row as one line of the archive: a JSON array of its values in the shape's column order. */
export function canonicalLine(shape: TableShape, row: Record<string, unknown>): string {
  return `${JSON.stringify(shape.columns.map((c) => canonicalValue(c.kind, row[c.name])))}\n`;
}

/** A line back into a row for an insert; refuses a line that does not fit the shape. */
export function rowFromLine(shape: TableShape, line: string): Record<string, Canonical> {
  const values: unknown = JSON.parse(line);
  if (!Array.isArray(values) || values.length !== shape.columns.length) {
    throw new Error(`a row of ${shape.name} does not have its ${shape.columns.length} columns`);
  }
  const row: Record<string, Canonical> = {};
  shape.columns.forEach((c, i) => {
    const v: unknown = values[i];
    if (v !== null && typeof v !== 'string' && typeof v !== 'number')
      throw new Error(`a value in ${shape.name}.${c.name} is not text or a number`);
    row[c.name] = v;
  });
  return row;
}

const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  tandemVersion: z.string(),
  /** The name of the newest migration applied to the database it was taken from. */
  schemaVersion: z.string(),
  createdAt: z.string(),
  sourceDialect: z.enum(['sqlite', 'postgres']),
});
export type BackupHeader = z.infer<typeof headerSchema>;

const manifestSchema = headerSchema.extend({
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.string()),
      rows: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
  files: z.array(
    z.object({ key: z.string().regex(/^[0-9a-f]{32}$/), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type ManifestTable = BackupManifest['tables'][number];
export type ManifestFile = BackupManifest['files'][number];

export function parseHeader(json: string): BackupHeader | null {
  return parseJson(json, headerSchema);
}
export function parseManifest(json: string): BackupManifest | null {
  return parseJson(json, manifestSchema);
}
function parseJson<T>(json: string, schema: z.ZodType<T>): T | null {
  try {
    const r = schema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

export type SchemaVerdict = { ok: true } | { ok: false; code: 'BACKUP_SCHEMA_NEWER' | 'BACKUP_SCHEMA_OLDER'; message: string };

/**
 * Whether a backup of `backup`'s schema restores into this Tandem, whose migrations are `known`
 * (in order). Only the same schema restores (decision 0015): a newer one would lose what this
 * version does not know of, and an older one is brought forward by the Tandem version that made
 * it (restore there, start it once on this version so it migrates, back up again).
 */
export function judgeSchemaVersion(backup: { schemaVersion: string; tandemVersion: string }, known: readonly string[]): SchemaVerdict {
  const latest = known.at(-1) ?? '';
  if (backup.schemaVersion === latest) return { ok: true };
  const index = known.indexOf(backup.schemaVersion);
  if (index === -1 && backup.schemaVersion > latest) {
    return {
      ok: false,
      code: 'BACKUP_SCHEMA_NEWER',
      message: `This backup was made by a newer Tandem (${backup.tandemVersion}, schema ${backup.schemaVersion}) than this one (schema ${latest}); upgrade Tandem, then restore it.`,
    };
  }
  if (index === -1) {
    return {
      ok: false,
      code: 'BACKUP_SCHEMA_NEWER',
      message: `This backup's schema (${backup.schemaVersion}) is not one this Tandem knows; restore it with the Tandem that made it (${backup.tandemVersion}).`,
    };
  }
  return {
    ok: false,
    code: 'BACKUP_SCHEMA_OLDER',
    message: `This backup is from an older schema (${backup.schemaVersion}, Tandem ${backup.tandemVersion}) than this Tandem's (${latest}): restore it with Tandem ${backup.tandemVersion}, start this version on that database once (it migrates), then back up again.`,
  };
}

/** The name of a scheduled backup taken at `at`: sortable, and safe in any file system. */
export function scheduledBackupName(at: Date): string {
  return `tandem-${at
    .toISOString()
    .replace(/[:]/g, '-')
    .replace(/\.\d{3}Z$/, 'Z')}.tar.gz`;
}
const SCHEDULED_NAME = /^tandem-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.tar\.gz$/;
export function isScheduledBackupName(name: string): boolean {
  return SCHEDULED_NAME.test(name);
}

/** Of the scheduled backups present, the ones to delete so only the newest `keep` remain. */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const ours = names.filter(isScheduledBackupName).sort();
  return ours.slice(0, Math.max(0, ours.length - Math.max(1, keep)));
}

/** Whether a daily backup is due: none yet, or the newest is at least a day (less a little slack) old. */
export function dailyBackupDue(newestAt: Date | null, now: Date): boolean {
  if (!newestAt) return true;
  return now.getTime() - newestAt.getTime() >= 23.5 * 60 * 60 * 1000;
}
