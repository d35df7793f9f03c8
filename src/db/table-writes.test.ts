import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from './create-db.ts';
import type { DbHandle } from './create-db.ts';
import { statementKind } from './table-writes.ts';
import { memoUnlessChanged, unlessChanged } from './unchanged-cache.ts';

describe('statementKind', () => {
  it('tells reads, with the tables they read, from writes of one table and writes of any', () => {
    expect(statementKind('select "u"."id" from "users" as "u" inner join "user_roles" as "r" on "r"."user_id" = "u"."id"')).toEqual({
      kind: 'read',
      tables: ['users', 'user_roles'],
    });
    expect(statementKind('select count(*) from applications where exists (select 1 from "matches" as m)')).toEqual({
      kind: 'read',
      tables: ['applications', 'matches'],
    });
    expect(statementKind('  with x as (select id from "a") select * from x left join "b" on 1')).toEqual({
      kind: 'read',
      tables: ['a', 'x', 'b'],
    });
    expect(statementKind('insert into "sessions" ("token_hash") values (?)')).toEqual({ kind: 'write', table: 'sessions' });
    expect(statementKind('INSERT OR IGNORE INTO users (email) VALUES (?)')).toEqual({ kind: 'write', table: 'users' });
    expect(statementKind('update "goal_sheets" set "status" = ? where "id" = ?')).toEqual({ kind: 'write', table: 'goal_sheets' });
    // A delete may cascade along foreign keys; a `with` that writes, or anything unknown, may write anywhere.
    expect(statementKind('delete from "periods" where "id" = ?')).toEqual({ kind: 'anywhere' });
    expect(statementKind('with gone as (delete from a returning id) select * from gone')).toEqual({ kind: 'anywhere' });
    expect(statementKind('create table t (id integer)')).toEqual({ kind: 'anywhere' });
    expect(statementKind('begin')).toEqual({ kind: 'other' });
    expect(statementKind('pragma data_version')).toEqual({ kind: 'other' });
    // Column names that contain a change word do not make a read a write.
    expect(statementKind('with t as (select "updated_at", "deleted_at" from "a") select * from t').kind).toBe('read');
  });
});

describe('answers kept by the tables they read (createDb on SQLite)', () => {
  const dirs: string[] = [];
  const handles: DbHandle[] = [];
  afterEach(async () => {
    for (const h of handles.splice(0)) await h.destroy();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  async function open() {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-table-writes-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const handle = createDb({ sqliteFile: file });
    handles.push(handle);
    const db = handle.db;
    for (const statement of [
      'create table a (n integer)',
      'create table b (n integer)',
      'insert into a values (1)',
      'insert into b values (1)',
    ]) {
      await sql.raw(statement).execute(db);
    }
    let computed = 0;
    const sumOfA = () =>
      memoUnlessChanged(
        db,
        'sum of a',
        async () => {
          computed += 1;
          return Number((await sql<{ s: number }>`select sum(n) as s from a`.execute(db)).rows[0]?.s);
        },
        { reads: ['a'] },
      );
    return { db, file, sumOfA, computed: () => computed };
  }

  it('keeps an answer through writes of other tables, and not through a write of its own', async () => {
    const { db, sumOfA, computed } = await open();
    expect(await sumOfA()).toBe(1);
    await sql`insert into b values (5)`.execute(db);
    await sql`update b set n = 7`.execute(db);
    expect(await sumOfA()).toBe(1);
    expect(computed()).toBe(1);
    await sql`insert into a values (2)`.execute(db);
    expect(await sumOfA()).toBe(3);
    await sql`update a set n = 10 where n = 2`.execute(db);
    expect(await sumOfA()).toBe(11);
    expect(computed()).toBe(3);
  });

  it('lets a delete anywhere, or another connection’s commit, make every answer stale', async () => {
    const { db, file, sumOfA, computed } = await open();
    expect(await sumOfA()).toBe(1);
    await sql`delete from b`.execute(db);
    expect(await sumOfA()).toBe(1);
    expect(computed()).toBe(2);
    const other = new SQLite(file);
    other.prepare('insert into a values (4)').run();
    other.close();
    expect(await sumOfA()).toBe(5);
    expect(computed()).toBe(3);
  });

  it('keeps an answer that names no tables only while nothing at all is written; a query’s own tables are in its SQL', async () => {
    const { db } = await open();
    let runs = 0;
    const unnamed = () =>
      memoUnlessChanged(db, 'unnamed', async () => {
        runs += 1;
        return runs;
      });
    expect(await unnamed()).toBe(1);
    await sql`insert into b values (2)`.execute(db);
    expect(await unnamed()).toBe(2);

    // unlessChanged reads the tables from its query's SQL: b's count stays through writes of a.
    const countB = async () =>
      Number(
        (
          await unlessChanged(
            db,
            db.selectFrom('b' as never).select((eb) => eb.fn.countAll().as('c')),
          )
        )[0]?.c,
      );
    expect(await countB()).toBe(2);
    await sql`insert into a values (9)`.execute(db);
    await sql`insert into b values (3)`.execute(db).then(() => undefined);
    expect(await countB()).toBe(3);
  });

  it('under tests, refuses an answer that reads a table it does not name', async () => {
    const { db } = await open();
    const sneaky = memoUnlessChanged(db, 'sneaky', async () => (await sql`select a.n from a join b on 1`.execute(db)).rows.length, {
      reads: ['a'],
    });
    await expect(sneaky).rejects.toThrow(/read b, which its reads do not name/);
    // An answer kept earlier and used inside another counts with what it read.
    const inner = () => memoUnlessChanged(db, 'inner', async () => (await sql`select n from b`.execute(db)).rows.length, { reads: ['b'] });
    await inner();
    const outer = memoUnlessChanged(db, 'outer', async () => (await inner()) + 1, { reads: ['a'] });
    await expect(outer).rejects.toThrow(/read b/);
  });

  it('under tests, freezes a kept answer, so that a caller changing what every request shares throws', async () => {
    const { db } = await open();
    const rows = await memoUnlessChanged(db, 'rows of a', async () => (await sql<{ n: number }>`select n from a`.execute(db)).rows, {
      reads: ['a'],
    });
    expect(Object.isFrozen(rows)).toBe(true);
    expect(Object.isFrozen(rows[0])).toBe(true);
    expect(() => (rows as { n: number }[]).push({ n: 2 })).toThrow(TypeError);
  });
});
