import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compiledOnce } from '../../src/db/compiled-once.ts';
import type { Executor } from '../../src/db/executor.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, createPerson } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

describeEachDialect('compiledOnce', (testDb) => {
  let ctx: TestContext;
  const ids: number[] = [];
  beforeAll(async () => {
    ctx = await buildTestApp(testDb());
    for (const name of ['Ada Byron', 'Grace Hopper', 'Katherine Johnson']) ids.push((await createPerson(ctx.deps, ['mentee'], name)).id);
  });
  afterAll(() => ctx.close());

  /** People named like `pattern` with an id above `above`, as Kysely builds it every time. */
  const built = (db: Executor, above: number, pattern: string) =>
    db
      .selectFrom('users')
      .select(['id', 'name'])
      .where('id', '>', above)
      .where('name', 'like', pattern)
      // A constant of the query's own, kept among the parameters between the two arguments'.
      .where('created_at', '>', '2000-01-01')
      .orderBy('id');

  it('builds the query once, and runs it with each call’s arguments as Kysely’s own query would', async () => {
    let builds = 0;
    const once = compiledOnce((db, above: number, pattern: string) => {
      builds += 1;
      return built(db, above, pattern);
    });
    const db = ctx.deps.db;
    for (const [above, pattern] of [
      [0, '%a%'],
      [ids[0] ?? 0, '%'],
      [0, 'Grace%'],
      [0, 'nobody'],
    ] as const) {
      const fast = (await db.executeQuery(once(db, above, pattern))).rows;
      expect(fast).toEqual(await built(db, above, pattern).execute());
    }
    expect((await db.executeQuery(once(db, 0, 'Grace%'))).rows.map((r) => r.name)).toEqual(['Grace Hopper']);
    expect(builds).toBe(1);

    // The same compiled query inside a transaction sees the transaction's own writes.
    await db
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({ name: 'Grace Brewster Hopper' })
          .where('id', '=', ids[1] ?? 0)
          .execute();
        expect((await trx.executeQuery(once(trx, 0, 'Grace B%'))).rows).toHaveLength(1);
        throw new Error('roll back');
      })
      .catch((err: unknown) => expect(String(err)).toContain('roll back'));
    expect((await db.executeQuery(once(db, 0, 'Grace B%'))).rows).toHaveLength(0);
    expect(builds).toBe(1);
  });

  it('refuses, on first use, an argument written into the SQL or left unused', () => {
    const db = ctx.deps.db;
    const intoText = compiledOnce((d, column: string) => d.selectFrom('users').select('id').where(sql.ref(column), '=', 1));
    expect(() => intoText(db, 'id')).toThrow(/plain parameter/);
    const unused = compiledOnce((d, _id: number) => d.selectFrom('users').select('id'));
    expect(() => unused(db, 1)).toThrow(/plain parameter/);
  });
});
