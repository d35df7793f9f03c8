import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UnknownStoredValueError } from '../../src/db/stored-value.ts';
import { findUserById } from '../../src/features/accounts/users.store.ts';
import { findMatchForLog } from '../../src/features/activities/contacts.store.ts';
import { findApplication } from '../../src/features/applications/applications.store.ts';
import { enqueue, findJobByKey } from '../../src/features/jobs/jobs.store.ts';
import { findPeriod, listPeriods } from '../../src/features/periods/periods.store.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { allowConsoleError } from '../setup/setup-test-env.ts';
import { buildTestApp, createPerson, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';

/**
 * A word a column should never hold (written here by hand, bypassing the stores) is an error that
 * names where it was found, never read as some other word.
 */
describeEachDialect('values the database should never hold', (db) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
  });
  afterAll(() => ctx.close());

  const unknown = (table: string, column: string, value: unknown) =>
    expect.objectContaining({ name: 'UnknownStoredValueError', table, column, value });

  it('a period status', async () => {
    const periodId = await periodIn(ctx.deps, 'active');
    await sql`update periods set status = 'paused' where id = ${periodId}`.execute(ctx.deps.db);
    await expect(findPeriod(ctx.deps.db, periodId)).rejects.toThrow(UnknownStoredValueError);
    await expect(findPeriod(ctx.deps.db, periodId)).rejects.toThrow('periods.status holds "paused"');
    await expect(listPeriods(ctx.deps.db)).rejects.toEqual(unknown('periods', 'status', 'paused'));

    // Over HTTP it is a 500 that keeps the details to the log.
    const { client } = await signedIn(ctx, ['staff']);
    const logged = allowConsoleError();
    const res = await client.get('/api/periods');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' });
    expect(logged.mock.calls.map((args) => String(args[0])).join('\n')).toContain('periods.status holds \\"paused\\"');
    await sql`update periods set status = 'active' where id = ${periodId}`.execute(ctx.deps.db);
  });

  it('a match status, and a channel in an application', async () => {
    const periodId = await periodIn(ctx.deps, 'active');
    const match = await createTestMatch(ctx.deps, { periodId });
    await sql`update matches set status = 'paused' where id = ${match.id}`.execute(ctx.deps.db);
    await expect(findMatchForLog(ctx.deps.db, match.id)).rejects.toEqual(unknown('matches', 'status', 'paused'));

    const application = await ctx.deps.db
      .selectFrom('applications')
      .select('id')
      .where('user_id', '=', match.mentorId)
      .executeTakeFirstOrThrow();
    await sql`update applications set channels = '["email","fax"]' where id = ${application.id}`.execute(ctx.deps.db);
    await expect(findApplication(ctx.deps.db, application.id)).rejects.toEqual(unknown('applications', 'channels', 'fax'));
  });

  it('a role a person holds', async () => {
    const person = await createPerson(ctx.deps, ['mentor']);
    await sql`update user_roles set role = 'admin' where user_id = ${person.id}`.execute(ctx.deps.db);
    await expect(findUserById(ctx.deps.db, person.id)).rejects.toEqual(unknown('user_roles', 'role', 'admin'));
  });

  it('a job status', async () => {
    await enqueue(ctx.deps.db, ctx.clock.now(), { kind: 'test-kind', dedupeKey: 'stored-values:1', runAt: ctx.clock.now() });
    await sql`update jobs set status = 'paused' where dedupe_key = 'stored-values:1'`.execute(ctx.deps.db);
    await expect(findJobByKey(ctx.deps.db, 'stored-values:1')).rejects.toEqual(unknown('jobs', 'status', 'paused'));
  });
});
