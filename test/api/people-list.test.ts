import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

interface Person {
  id: number;
  name: string;
  email: string;
  roles: string[];
  disabled: boolean;
  createdAt: string;
}
interface Page {
  users: Person[];
  nextCursor: string | null;
  total: number;
}

/** GET /api/users (issue #19): search, filters, sort, keyset paging and counts. */
describeEachDialect('the people list', (db) => {
  let ctx: TestContext;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await sessionClient(ctx, staffId);
    // Names that repeat (the id breaks ties), wildcards to escape, letters in both cases.
    for (let i = 0; i < 23; i++) {
      ctx.clock.advance(60_000);
      await createPerson(
        ctx.deps,
        i % 3 === 0 ? ['mentor'] : ['mentee'],
        i % 4 === 0 ? 'Robin Same' : `Person ${String(i).padStart(2, '0')}`,
      );
    }
    await createPerson(ctx.deps, ['mentee'], 'Percy 100% Sure');
    await createPerson(ctx.deps, ['mentee'], 'Una Under_score');
    await createPerson(ctx.deps, ['committee'], 'Zora QUILL');
    const off = await createPerson(ctx.deps, ['mentee'], 'Otto Off');
    expect((await staff.patch(`/api/users/${off.id}`, { disabled: true })).statusCode).toBe(200);
  });
  afterAll(() => ctx.close());

  const list = async (query: string): Promise<Page> => {
    const res = await staff.get(`/api/users?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  /** Every page after the first, following nextCursor. */
  async function allPages(query: string, limit: number): Promise<{ people: Person[]; pages: number; totals: Set<number> }> {
    const people: Person[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(`${query}&limit=${limit}${after ? `&after=${after}` : ''}`);
      expect(page.users.length).toBeLessThanOrEqual(limit);
      people.push(...page.users);
      totals.add(page.total);
      after = page.nextCursor;
      pages += 1;
    } while (after !== null && pages < 100);
    return { people, pages, totals };
  }

  it('pages through everyone without gaps or duplicates, in the same order as one big page, for each sort and filter', async () => {
    for (const query of ['sort=name', 'sort=newest', 'role=mentee', 'status=active&sort=newest', 'q=person', 'q=ROBIN&sort=newest']) {
      const whole = await list(`${query}&limit=500`);
      expect(whole.nextCursor).toBeNull();
      expect(whole.total).toBe(whole.users.length);
      for (const limit of [1, 4, 7]) {
        const { people, pages, totals } = await allPages(query, limit);
        expect(people.map((p) => p.id)).toEqual(whole.users.map((p) => p.id));
        expect(pages).toBe(Math.max(1, Math.ceil(whole.total / limit)));
        expect([...totals]).toEqual([whole.total]);
      }
    }
  });

  it('sorts by name (ties by id) or newest first', async () => {
    const byName = (await list('limit=500')).users;
    const robins = byName.filter((p) => p.name === 'Robin Same').map((p) => p.id);
    expect(robins).toEqual([...robins].sort((a, b) => a - b));
    const newest = (await list('sort=newest&limit=500')).users;
    const times = newest.map((p) => `${p.createdAt}/${String(p.id).padStart(9, '0')}`);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('searches name and e-mail, ignoring case, with wildcards taken literally', async () => {
    expect((await list('q=zora%20quill')).users.map((p) => p.name)).toEqual(['Zora QUILL']);
    expect((await list('q=100%25')).users.map((p) => p.name)).toEqual(['Percy 100% Sure']);
    expect((await list('q=_')).users.map((p) => p.name)).toEqual(['Una Under_score']);
    expect((await list('q=%25')).users.map((p) => p.name)).toEqual(['Percy 100% Sure']);
    const byMail = await list('q=staff%40example.org');
    expect(byMail.users.map((p) => p.email)).toEqual(['staff@example.org']);
    expect(byMail.total).toBe(1);
    const none = await list('q=nobody-has-this');
    expect(none).toEqual({ users: [], nextCursor: null, total: 0 });
    // An empty search is no search.
    expect((await list('q=')).total).toBe((await list('')).total);
  });

  it('filters by role and by status, and counts what matches', async () => {
    const all = (await list('limit=500')).users;
    const mentors = await list('role=mentor&limit=500');
    expect(mentors.total).toBe(all.filter((p) => p.roles.includes('mentor')).length);
    expect(mentors.users.every((p) => p.roles.includes('mentor'))).toBe(true);
    const off = await list('status=disabled');
    expect(off.users.map((p) => p.name)).toEqual(['Otto Off']);
    const on = await list('status=active&limit=500');
    expect(on.total).toBe(all.length - 1);
    expect((await list('role=committee&q=zora')).users.map((p) => p.name)).toEqual(['Zora QUILL']);
    expect((await list('role=committee&q=robin')).total).toBe(0);
  });

  it('answers 400 with a code and a message for a bad query, never 500', async () => {
    const realCursor = (await list('limit=1')).nextCursor ?? '';
    for (const query of [
      'limit=0',
      'limit=501',
      'limit=ten',
      'role=wizard',
      'status=gone',
      'sort=shoe-size',
      'after=not-a-cursor',
      'after=%2F%2F%2F',
      `after=${Buffer.from('["x"]').toString('base64url')}`,
      `after=${Buffer.from('["x",-1]').toString('base64url')}`,
      `after=${Buffer.from('{"a":1}').toString('base64url')}`,
      `after=${realCursor}&after=${realCursor}`,
      `q=${'x'.repeat(201)}`,
      'colour=blue',
    ]) {
      const res = await staff.get(`/api/users?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(Object.keys(res.json() as object)).toEqual(expect.arrayContaining(['code', 'message']));
    }
  });
});
