import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

interface Message {
  id: number;
  toAddress: string;
  toName: string;
  subject: string;
  kind: string;
  status: string;
}
interface Page {
  messages: Message[];
  delivery: string;
  nextCursor: string | null;
  total: number;
}

/** GET /api/outbox (issue #19): search, filters, keyset paging and counts. */
describeEachDialect('the outbox list', (db) => {
  let ctx: TestContext;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await sessionClient(ctx, staffId);
    const rows = Array.from({ length: 30 }, (_, i) => ({
      to_address: i % 5 === 0 ? 'ada@example.org' : `person${i}@example.org`,
      to_name: i % 5 === 0 ? 'Ada Lovelace' : `Person ${i}`,
      subject: i === 7 ? 'Save 100% of your_time' : i % 2 === 0 ? `Meet your mentor (${i})` : `Goal sheet due (${i})`,
      text_body: 'Hello',
      kind: i % 2 === 0 ? 'match-announcement' : 'reminder.goal-sheet-due-7',
      status: i % 3 === 0 ? ('sent' as const) : i % 3 === 1 ? ('recorded' as const) : ('failed' as const),
      created_at: new Date(Date.UTC(2026, 8, 1, 12, i)).toISOString(),
    }));
    await ctx.deps.db.insertInto('outbox').values(rows).execute();
  });
  afterAll(() => ctx.close());

  const list = async (query: string): Promise<Page> => {
    const res = await staff.get(`/api/outbox?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('pages newest first without gaps or duplicates, for each filter, with the same count on every page', async () => {
    for (const query of ['', 'q=ada', 'status=sent', 'kind=match-announcement', 'q=MEET%20YOUR&status=recorded', 'to=ada@example.org']) {
      const whole = await list(`${query}&limit=500`);
      expect(whole.total).toBe(whole.messages.length);
      const ids = whole.messages.map((m) => m.id);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      for (const limit of [1, 4, 9]) {
        const seen: number[] = [];
        let after: string | null = null;
        do {
          const page: Page = await list(`${query}&limit=${limit}${after ? `&after=${after}` : ''}`);
          expect(page.total).toBe(whole.total);
          expect(page.messages.length).toBeLessThanOrEqual(limit);
          seen.push(...page.messages.map((m) => m.id));
          after = page.nextCursor;
        } while (after !== null && seen.length <= whole.total);
        expect(seen).toEqual(ids);
      }
    }
  });

  it('searches recipient address, name and subject ignoring case, wildcards literal; filters by status and kind', async () => {
    expect((await list('q=ADA')).total).toBe(6);
    expect((await list('q=lovelace')).messages.every((m) => m.toName === 'Ada Lovelace')).toBe(true);
    expect((await list('q=100%25')).messages.map((m) => m.subject)).toEqual(['Save 100% of your_time']);
    expect((await list('q=_')).messages.map((m) => m.subject)).toEqual(['Save 100% of your_time']);
    expect((await list('q=meet%20your%20MENTOR')).total).toBe(15);
    const sent = await list('status=sent');
    expect(sent.total).toBe(10);
    expect(sent.messages.every((m) => m.status === 'sent')).toBe(true);
    const reminders = await list('kind=reminder.goal-sheet-due-7&status=failed');
    expect(reminders.messages.every((m) => m.kind === 'reminder.goal-sheet-due-7' && m.status === 'failed')).toBe(true);
    expect(reminders.total).toBe(5);
    expect(await list('q=no-such-thing')).toMatchObject({ messages: [], nextCursor: null, total: 0 });
  });

  it('answers 400 with a code and a message for a bad query, never 500', async () => {
    for (const query of [
      'limit=0',
      'limit=501',
      'status=lost',
      'after=nope!',
      `after=${Buffer.from('[1,2]').toString('base64url')}`,
      `kind=${'k'.repeat(51)}`,
      `q=${'x'.repeat(201)}`,
      'sort=oldest',
    ]) {
      const res = await staff.get(`/api/outbox?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(Object.keys(res.json() as object)).toEqual(expect.arrayContaining(['code', 'message']));
    }
  });
});
