import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.ts';

describe('cachingStatements', () => {
  const open = (size?: number) => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer); insert into t values (1), (2), (3);');
    return cachingStatements(sqlite, size);
  };

  it('hands back the same statement for the same SQL, with the right rows each time', () => {
    const db = open();
    const a = db.prepare('select n from t where n >= ? order by n');
    expect(db.prepare('select n from t where n >= ? order by n')).toBe(a);
    expect(a.all([2])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(db.prepare('select n from t where n >= ? order by n').all([3])).toEqual([{ n: 3 }]);
    expect(db.prepare('select n from t where n < ?')).not.toBe(a);
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const db = open();
    const sql = 'select n from t order by n';
    const iterator = db.prepare(sql).iterate([]);
    expect(iterator.next().value).toEqual({ n: 1 });
    const other = db.prepare(sql);
    expect(other.all([])).toHaveLength(3);
    expect(iterator.next().value).toEqual({ n: 2 });
    iterator.return?.();
    expect(db.prepare(sql)).not.toBe(other);
  });

  it('forgets the least recently used statement past its size', () => {
    const db = open(2);
    const one = db.prepare('select 1');
    const two = db.prepare('select 2');
    expect(db.prepare('select 1')).toBe(one); // now "select 2" is the least recent
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(one);
    expect(db.prepare('select 2')).not.toBe(two);
  });

  it('sees schema changes made after a statement was cached', () => {
    const db = open();
    expect(db.prepare('select * from t limit 1').all([])).toEqual([{ n: 1 }]);
    db.prepare('alter table t add column label text').run([]);
    expect(db.prepare('select * from t limit 1').all([])).toEqual([{ n: 1, label: null }]);
  });
});
