import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';
import { insertApplication } from '../../src/features/applications/applications.store.ts';
import { applicationAnswersSchema } from '../../src/shared/api/applications.ts';
import { APPLICATION_STATUSES } from '../../src/shared/application-vocabulary.ts';
import type { ApplicationStatus } from '../../src/shared/application-vocabulary.ts';
import { answers, createPeriod } from '../fixtures/applications/helpers.ts';

interface Row {
  id: number;
  status: ApplicationStatus;
  role: 'mentor' | 'mentee';
  applicant: { name: string; email: string };
  answers: { region: string; employer: string; workplaceType: string; programGoalIds: number[] };
  createdAt: string;
}
interface Page {
  applications: Row[];
  counts: Record<string, Record<string, number>>;
  nextCursor: string | null;
  total: number;
}

const STATUSES: ApplicationStatus[] = ['submitted', 'accepted', 'waitlisted', 'declined', 'withdrawn'];
const REGIONS = ['US-IL', 'US-WA', 'CA-ON', 'US'];

/** GET /api/periods/:id/applications (issue #19): filters in SQL, three orders, keyset paging, counts. */
describeEachDialect('the applications list', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let periodId: number;
  let otherPeriod: number;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await sessionClient(ctx, staffId);
    periodId = await createPeriod(staff, 'Big intake');
    otherPeriod = await createPeriod(staff, 'Another intake');
    // 41 applications: names that repeat (the id breaks ties), some sharing a submission time,
    // every status, wildcards and a goal 10 that must not be found by a search for goal 1.
    for (let i = 0; i < 41; i++) {
      if (i % 3 !== 0) ctx.clock.advance(60_000);
      const name = i % 5 === 0 ? 'Robin Same' : i === 7 ? 'Percy 100% Sure' : `Person ${String(i).padStart(2, '0')}`;
      const person = await createPerson(ctx.deps, [], name);
      const a = applicationAnswersSchema.parse(
        answers({
          region: REGIONS[i % REGIONS.length],
          employer: i % 4 === 0 ? 'Lakeside University' : 'Maple Street Public Library',
          workplaceType: i % 4 === 0 ? 'academic' : 'public',
          programGoalIds: i % 6 === 0 ? [2, 5] : i % 6 === 1 ? [5] : [2],
          interests: i === 11 ? ['Graphic novels'] : ['Storytime'],
        }),
      );
      await insertApplication(ctx.deps.db, {
        periodId,
        userId: person.id,
        role: i % 3 === 0 ? 'mentor' : 'mentee',
        answers: a,
        status: STATUSES[i % STATUSES.length],
        at: ctx.deps.clock.now().toISOString(),
      });
    }
    const elsewhere = await createPerson(ctx.deps, [], 'Robin Elsewhere');
    await insertApplication(ctx.deps.db, {
      periodId: otherPeriod,
      userId: elsewhere.id,
      role: 'mentee',
      answers: applicationAnswersSchema.parse(answers()),
      at: ctx.deps.clock.now().toISOString(),
    });
  });
  afterAll(() => ctx.close());

  const list = async (query: string, period = periodId): Promise<Page> => {
    const res = await staff.get(`/api/periods/${period}/applications?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  async function allPages(query: string, limit: number): Promise<{ rows: Row[]; pages: number; totals: Set<number> }> {
    const rows: Row[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(`${query}&limit=${limit}${after ? `&after=${after}` : ''}`);
      expect(page.applications.length).toBeLessThanOrEqual(limit);
      rows.push(...page.applications);
      totals.add(page.total);
      after = page.nextCursor;
      pages += 1;
    } while (after !== null && pages < 100);
    return { rows, pages, totals };
  }

  it('pages without gaps or duplicates, in the same order as one big page, for each order and filter', async () => {
    for (const query of ['sort=submitted', 'sort=name', 'sort=status', 'role=mentee&sort=name', 'status=accepted', 'q=robin&sort=status']) {
      const whole = await list(`${query}&limit=500`);
      expect(whole.nextCursor).toBeNull();
      expect(whole.total).toBe(whole.applications.length);
      // A page of one (every row a boundary) for the plain orders; pages that split ties for all.
      for (const limit of query.startsWith('sort=') ? [1, 4, 7] : [4, 7]) {
        const { rows, pages, totals } = await allPages(query, limit);
        expect(rows.map((r) => r.id)).toEqual(whole.applications.map((r) => r.id));
        expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
        expect(pages).toBe(Math.max(1, Math.ceil(whole.total / limit)));
        expect([...totals]).toEqual([whole.total]);
      }
    }
  });

  it('sorts newest first by default, by name, or by status in the order statuses move', async () => {
    const byDefault = await list('limit=500');
    expect(byDefault.total).toBe(41);
    const key = (r: Row) => `${r.createdAt}/${String(r.id).padStart(9, '0')}`;
    expect(byDefault.applications.map(key)).toEqual(byDefault.applications.map(key).sort().reverse());

    const byName = (await list('sort=name&limit=500')).applications;
    const names = byName.map((r) => r.applicant.name);
    expect(names).toEqual([...names].sort());
    const robins = byName.filter((r) => r.applicant.name === 'Robin Same').map((r) => r.id);
    expect(robins).toEqual([...robins].sort((a, b) => a - b));

    const byStatus = (await list('sort=status&limit=500')).applications;
    const ranks = byStatus.map((r) => APPLICATION_STATUSES.indexOf(r.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(byStatus[0]?.status).toBe('submitted');
    const submitted = byStatus.filter((r) => r.status === 'submitted').map((r) => r.id);
    expect(submitted).toEqual([...submitted].sort((a, b) => a - b));
  });

  it('filters in the database: role, status, workplace, region prefix, goal, free text; counts the whole period', async () => {
    const all = (await list('limit=500')).applications;
    const check = async (query: string, keep: (r: Row) => boolean) => {
      const page = await list(`${query}&limit=500`);
      const expected = all.filter(keep).map((r) => r.id);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(
        page.applications.map((r) => r.id).sort((a, b) => a - b),
        query,
      ).toEqual(expected.sort((a, b) => a - b));
      expect(page.total, query).toBe(expected.length);
    };
    await check('role=mentor', (r) => r.role === 'mentor');
    await check('status=waitlisted', (r) => r.status === 'waitlisted');
    await check('workplaceType=academic', (r) => r.answers.workplaceType === 'academic');
    await check('region=us', (r) => r.answers.region.startsWith('US'));
    await check('region=US-', (r) => r.answers.region.startsWith('US-'));
    await check('goal=5', (r) => r.answers.programGoalIds.includes(5));
    await check('goal=2&role=mentee', (r) => r.answers.programGoalIds.includes(2) && r.role === 'mentee');
    await check('q=LAKESIDE', (r) => r.answers.employer === 'Lakeside University');
    await check('q=graphic%20NOVELS', (r) => r.applicant.name === 'Person 11');
    await check('q=100%25', (r) => r.applicant.name === 'Percy 100% Sure');
    await check('q=robin&status=submitted', (r) => r.applicant.name === 'Robin Same' && r.status === 'submitted');
    // Goal 1 is nobody's here; a search for it must not find goal 10 or a 1 inside another number.
    expect((await list('goal=1')).total).toBe(0);
    // The searched columns are read as one text with a separator no search can hold: the end of
    // the name and the start of the e-mail address ("Person 11", "person.11.…") are not one word.
    expect((await list('q=11person')).total).toBe(0);
    expect((await list(`q=${encodeURIComponent('11 person')}`)).total).toBe(0);
    const none = await list('q=nobody-has-this');
    expect(none).toMatchObject({ applications: [], nextCursor: null, total: 0 });
    // Counts are the whole period's, whatever the filter; the other period's application is not here.
    expect(none.counts.mentor?.submitted).toBe(all.filter((r) => r.role === 'mentor' && r.status === 'submitted').length);
    expect(
      Object.values(none.counts)
        .flatMap((c) => Object.values(c))
        .reduce((s, n) => s + n, 0),
    ).toBe(41);
    expect((await list('q=robin&limit=500')).applications.every((r) => r.applicant.name === 'Robin Same')).toBe(true);
    expect((await list('q=elsewhere', otherPeriod)).total).toBe(1);
    expect((await list('q=')).total).toBe(41);
  });

  it('answers 400 for a made-up cursor or a bad query, 404 for a period that does not exist, 403 for a participant', async () => {
    const nameCursor = (await list('sort=name&limit=1')).nextCursor ?? '';
    for (const query of [
      'after=not-a-cursor',
      `after=${Buffer.from('["x",-1]').toString('base64url')}`,
      `after=${Buffer.from('{"a":1}').toString('base64url')}`,
      `sort=status&after=${Buffer.from('["submitted",3]').toString('base64url')}`,
      `sort=status&after=${Buffer.from('["9",3]').toString('base64url')}`,
      `sort=submitted&after=${Buffer.from('["Robin Same",3]').toString('base64url')}`,
      `sort=status&after=${nameCursor}`,
      'sort=shoe-size',
      'limit=0',
      'limit=501',
      'status=gone',
      'goal=0',
      `q=${'x'.repeat(201)}`,
      'colour=blue',
    ]) {
      const res = await staff.get(`/api/periods/${periodId}/applications?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(Object.keys(res.json() as object)).toEqual(expect.arrayContaining(['code', 'message']));
    }
    expect((await staff.get('/api/periods/999999/applications')).statusCode).toBe(404);
    const participant = await sessionClient(ctx, (await createPerson(ctx.deps, ['mentee'])).id);
    expect((await participant.get(`/api/periods/${periodId}/applications`)).statusCode).toBe(403);
  });
});
