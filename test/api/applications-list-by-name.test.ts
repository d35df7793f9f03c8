import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';
import { insertApplication } from '../../src/features/applications/applications.store.ts';
import { applicationAnswersSchema } from '../../src/shared/api/applications.ts';
import { answers, createPeriod } from '../fixtures/applications/helpers.ts';

/**
 * A page by name out of more than a thousand rows reads people first (applications.store.ts,
 * PEOPLE_FIRST_FROM): the same rows in the same order as sorting them, page after page, with
 * people who applied twice in the period, names shared, and applications in another period.
 */
describeEachDialect('the applications list by name, at size', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let periodId: number;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await sessionClient(ctx, staffId);
    periodId = await createPeriod(staff, 'Large intake');
    const otherPeriod = await createPeriod(staff, 'Other intake');
    const a = applicationAnswersSchema.parse(answers());
    const at = ctx.deps.clock.now().toISOString();
    for (let i = 0; i < 1_300; i++) {
      const person = await createPerson(ctx.deps, [], i % 7 === 0 ? 'Sam Shared' : `Person ${String((i * 7919) % 1_300).padStart(4, '0')}`);
      await insertApplication(ctx.deps.db, { periodId, userId: person.id, role: i % 10 === 0 ? 'mentor' : 'mentee', answers: a, at });
      if (i % 50 === 0)
        await insertApplication(ctx.deps.db, { periodId, userId: person.id, role: i % 10 === 0 ? 'mentee' : 'mentor', answers: a, at });
      if (i % 3 === 0) await insertApplication(ctx.deps.db, { periodId: otherPeriod, userId: person.id, role: 'mentee', answers: a, at });
    }
  }, 120_000);
  afterAll(() => ctx.close());

  /** Every page in turn, as the web app asks for them. */
  async function allPages(query: string): Promise<{ ids: number[]; total: number }> {
    const ids: number[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const res = await staff.get(
        `/api/periods/${periodId}/applications?${query}&limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      const page = res.json() as { applications: { id: number }[]; nextCursor: string | null; total: number };
      ids.push(...page.applications.map((x) => x.id));
      total = page.total;
      after = page.nextCursor;
    } while (after);
    return { ids, total };
  }

  /** The order the database itself gives sorting the rows (its own collation). */
  async function sorted(role?: string): Promise<number[]> {
    let q = db()
      .db.selectFrom('applications as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select('a.id')
      .where('a.period_id', '=', periodId)
      .orderBy(sql`u.name`)
      .orderBy('a.id');
    if (role) q = q.where('a.role', '=', role as 'mentor' | 'mentee');
    return (await q.execute()).map((r) => r.id);
  }

  it('pages through every application once, in name order', async () => {
    const { ids, total } = await allPages('sort=name');
    expect(total).toBe(1_326);
    expect(ids).toEqual(await sorted());
  });

  it('does the same for one role (still over a thousand rows)', async () => {
    const { ids, total } = await allPages('sort=name&role=mentee');
    expect(total).toBeGreaterThan(1_000);
    expect(ids).toEqual(await sorted('mentee'));
  });

  it('sorts a small filtered set as before', async () => {
    const { ids, total } = await allPages('sort=name&role=mentor');
    expect(total).toBeLessThan(1_000);
    expect(ids).toEqual(await sorted('mentor'));
  });
});
