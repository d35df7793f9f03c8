import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteKysely } from './create-db.ts';
import { memoUnlessChanged, unlessChanged } from './unchanged-cache.ts';

interface Db {
  t: { n: number };
}

describe('unlessChanged (SQLite)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A database on a file, and how many times a count has really been run on it. */
  function open() {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-unchanged-'));
    dirs.push(dir);
    const file = join(dir, 'db.sqlite');
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec('create table t (n integer); insert into t values (1), (2);');
    const counted = { runs: 0 };
    const db = sqliteKysely<Db>(sqlite, {
      close: () => sqlite.close(),
      prepare: (text: string) => {
        if (text.includes('count(*)')) counted.runs += 1;
        return sqlite.prepare(text);
      },
    });
    const count = async () =>
      Number(
        (
          await unlessChanged(
            db,
            db.selectFrom('t').select((eb) => eb.fn.countAll().as('n')),
          )
        )[0]?.n,
      );
    return { db, file, counted, count };
  }

  it('answers again from memory until something is written', async () => {
    const { db, counted, count } = open();
    expect(await count()).toBe(2);
    expect(await count()).toBe(2);
    expect(counted.runs).toBe(1);
    await db.insertInto('t').values({ n: 3 }).execute();
    expect(await count()).toBe(3);
    expect(counted.runs).toBe(2);
    await db.deleteFrom('t').where('n', '>', 1).execute();
    expect(await count()).toBe(1);
    await db.destroy();
  });

  it('sees what another connection (another process) commits', async () => {
    const { db, file, count } = open();
    expect(await count()).toBe(2);
    const other = new SQLite(file);
    other.prepare('insert into t values (9)').run();
    other.close();
    expect(await count()).toBe(3);
    await db.destroy();
  });

  it('never keeps what a transaction saw, even one rolled back', async () => {
    const { db, counted, count } = open();
    await db
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto('t').values({ n: 3 }).execute();
        const inside = await unlessChanged(
          trx,
          trx.selectFrom('t').select((eb) => eb.fn.countAll().as('n')),
        );
        expect(Number(inside[0]?.n)).toBe(3);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await count()).toBe(2);
    expect(await count()).toBe(2);
    expect(counted.runs).toBe(2);
    await db.destroy();
  });

  it('keeps different queries (and parameters) apart', async () => {
    const { db } = open();
    const above = async (k: number) =>
      Number(
        (
          await unlessChanged(
            db,
            db
              .selectFrom('t')
              .where('n', '>', k)
              .select((eb) => eb.fn.countAll().as('n')),
          )
        )[0]?.n,
      );
    expect(await above(0)).toBe(2);
    expect(await above(1)).toBe(1);
    expect(await above(0)).toBe(2);
    await db.destroy();
  });
  it('keeps a computed answer by its key until something is written', async () => {
    const { db } = open();
    let computed = 0;
    const sum = () =>
      memoUnlessChanged(db, 'sum', async () => {
        computed += 1;
        const rows = await db.selectFrom('t').select('n').execute();
        return rows.reduce((s, r) => s + r.n, 0);
      });
    expect(await sum()).toBe(3);
    expect(await sum()).toBe(3);
    expect(computed).toBe(1);
    await db.insertInto('t').values({ n: 4 }).execute();
    expect(await sum()).toBe(7);
    expect(computed).toBe(2);
    await db.destroy();
  });

  it('holds one answer per key: another stamp (the next minute) replaces it', async () => {
    const { db } = open();
    let computed = 0;
    const at = (minute: string) =>
      memoUnlessChanged(
        db,
        'health',
        async () => {
          computed += 1;
          return `as of ${minute}`;
        },
        { stamp: minute },
      );
    expect(await at('10:00')).toBe('as of 10:00');
    expect(await at('10:00')).toBe('as of 10:00');
    expect(await at('10:01')).toBe('as of 10:01');
    expect(computed).toBe(2);
    // The earlier minute's answer is gone, not kept beside it.
    expect(await at('10:00')).toBe('as of 10:00');
    expect(computed).toBe(3);
    await db.destroy();
  });

  it('computes once for callers that ask together, and again for one that asks after a write', async () => {
    const { db } = open();
    let computed = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sum = () =>
      memoUnlessChanged(db, 'sum', async () => {
        computed += 1;
        await gate;
        const rows = await db.selectFrom('t').select('n').execute();
        return rows.reduce((s, r) => s + r.n, 0);
      });
    const together = [sum(), sum(), sum()];
    await new Promise((resolve) => setImmediate(resolve));
    await db.insertInto('t').values({ n: 4 }).execute();
    const afterWrite = sum();
    release();
    expect(await Promise.all(together)).toEqual([7, 7, 7]);
    expect(await afterWrite).toBe(7);
    expect(computed).toBe(2);
    // The first computation began before the write: its answer is not kept for later callers.
    expect(await sum()).toBe(7);
    expect(computed).toBe(2);
    await db.destroy();
  });

  it('lets every waiting caller see a failure, and tries again on the next call', async () => {
    const { db } = open();
    let calls = 0;
    const flaky = () =>
      memoUnlessChanged(db, 'flaky', async () => {
        calls += 1;
        await new Promise((resolve) => setImmediate(resolve));
        if (calls === 1) throw new Error('first try fails');
        return 'fine';
      });
    const results = await Promise.allSettled([flaky(), flaky()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await flaky()).toBe('fine');
    expect(calls).toBe(2);
    await db.destroy();
  });
});
