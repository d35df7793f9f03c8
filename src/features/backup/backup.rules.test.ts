import { describe, expect, it } from 'vitest';
import {
  backupsToPrune,
  canonicalLine,
  canonicalValue,
  classifyEntry,
  columnKind,
  dailyBackupDue,
  isScheduledBackupName,
  judgeSchemaVersion,
  rowFromLine,
  scheduledBackupName,
  tablePageEntry,
} from './backup.rules.ts';
import type { TableShape } from './backup.rules.ts';

describe('the canonical form of a row', () => {
  it('reads both dialects’ type names', () => {
    expect(['integer', 'int4', 'bigint', 'INTEGER'].map(columnKind)).toEqual(['integer', 'integer', 'integer', 'integer']);
    expect(['double precision', 'real', 'float8', 'numeric'].map(columnKind)).toEqual(['real', 'real', 'real', 'real']);
    expect(['text', 'varchar(30)', 'character varying'].map(columnKind)).toEqual(['text', 'text', 'text']);
  });

  it('gives the same value whichever way a dialect hands it back', () => {
    expect(canonicalValue('integer', '42')).toBe(42); // pg bigint / count
    expect(canonicalValue('integer', 42n)).toBe(42);
    expect(canonicalValue('integer', true)).toBe(1); // a pg boolean
    expect(canonicalValue('real', '0.125')).toBe(0.125); // pg numeric
    expect(canonicalValue('real', 0.1 + 0.2)).toBe(0.1 + 0.2);
    expect(canonicalValue('text', 7)).toBe('7');
    expect(canonicalValue('text', null)).toBeNull();
    expect(canonicalValue('text', undefined)).toBeNull();
    // Something SQLite let into an integer column is kept, not turned into a number or null.
    expect(canonicalValue('integer', 'twelve')).toBe('twelve');
    expect(() => canonicalValue('text', Buffer.from('x'))).toThrow(/do not hold/);
    expect(() => canonicalValue('real', Number.NaN)).toThrow(/JSON/);
  });

  const shape: TableShape = {
    name: 'people',
    columns: [
      { name: 'id', kind: 'integer' },
      { name: 'name', kind: 'text' },
      { name: 'score', kind: 'real' },
    ],
  };

  it('is one JSON line in the shape’s column order, and reads back', () => {
    const line = canonicalLine(shape, { score: '2.5', name: 'Zoë "Z" \\ 北京', id: '7' });
    expect(line).toBe('[7,"Zoë \\"Z\\" \\\\ 北京",2.5]\n');
    expect(rowFromLine(shape, line.trimEnd())).toEqual({ id: 7, name: 'Zoë "Z" \\ 北京', score: 2.5 });
    expect(() => rowFromLine(shape, '[1,"x"]')).toThrow(/3 columns/);
    expect(() => rowFromLine(shape, '[1,"x",{"a":1}]')).toThrow(/not text or a number/);
  });
});

describe('archive entries', () => {
  it('are named and recognised', () => {
    expect(tablePageEntry('user_roles', 12)).toBe('tables/user_roles/000012.ndjson');
    expect(classifyEntry('tables/user_roles/000012.ndjson')).toEqual({ kind: 'table-page', table: 'user_roles', page: 12 });
    expect(classifyEntry('files/0123456789abcdef0123456789abcdef')).toEqual({ kind: 'file', key: '0123456789abcdef0123456789abcdef' });
    expect(classifyEntry('backup.json')).toEqual({ kind: 'header' });
    expect(classifyEntry('manifest.json')).toEqual({ kind: 'manifest' });
    for (const name of ['files/../../etc/passwd', 'tables/../x/000001.ndjson', 'files/ABC', 'notes.txt']) {
      expect(classifyEntry(name)).toEqual({ kind: 'unknown' });
    }
  });
});

describe('which schema versions restore', () => {
  const known = ['2026-11-29T0600-foundation', '2026-12-08T0900-participant-choice', '2026-12-09T0900-backups'];
  it('the same one only', () => {
    expect(judgeSchemaVersion({ schemaVersion: '2026-12-09T0900-backups', tandemVersion: '1.0.0' }, known)).toEqual({ ok: true });
    expect(judgeSchemaVersion({ schemaVersion: '2027-01-01T0000-later', tandemVersion: '2.0.0' }, known)).toMatchObject({
      ok: false,
      code: 'BACKUP_SCHEMA_NEWER',
      message: expect.stringMatching(/newer Tandem \(2\.0\.0/),
    });
    expect(judgeSchemaVersion({ schemaVersion: '2026-12-08T0900-participant-choice', tandemVersion: '0.9.0' }, known)).toMatchObject({
      ok: false,
      code: 'BACKUP_SCHEMA_OLDER',
      message: expect.stringMatching(/restore it with Tandem 0\.9\.0/),
    });
    // Older by name but never one of ours: not something to guess about.
    expect(judgeSchemaVersion({ schemaVersion: '2026-12-01T0000-a-fork', tandemVersion: '0.9.0' }, known)).toMatchObject({
      ok: false,
      code: 'BACKUP_SCHEMA_NEWER',
    });
  });
});

describe('scheduled backups', () => {
  it('are named by when they were taken, and only the newest N are kept', () => {
    const name = scheduledBackupName(new Date('2026-12-09T03:04:05.678Z'));
    expect(name).toBe('tandem-2026-12-09T03-04-05Z.tar.gz');
    expect(isScheduledBackupName(name)).toBe(true);
    expect(isScheduledBackupName('tandem-2026-12-09T03-04-05Z.tar.gz.partial')).toBe(false);
    const names = [
      'tandem-2026-12-03T02-00-00Z.tar.gz',
      'tandem-2026-12-01T02-00-00Z.tar.gz',
      'notes.txt',
      'tandem-2026-12-02T02-00-00Z.tar.gz',
    ];
    expect(backupsToPrune(names, 2)).toEqual(['tandem-2026-12-01T02-00-00Z.tar.gz']);
    expect(backupsToPrune(names, 5)).toEqual([]);
    expect(backupsToPrune(names, 0)).toEqual(['tandem-2026-12-01T02-00-00Z.tar.gz', 'tandem-2026-12-02T02-00-00Z.tar.gz']);
  });

  it('are due daily', () => {
    const now = new Date('2026-12-09T12:00:00Z');
    expect(dailyBackupDue(null, now)).toBe(true);
    expect(dailyBackupDue(new Date('2026-12-08T12:30:00Z'), now)).toBe(true);
    expect(dailyBackupDue(new Date('2026-12-09T01:00:00Z'), now)).toBe(false);
  });
});
