import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpProgramData } from '../../src/features/accounts/setup.service.ts';
import type { FaqEntry } from '../../src/shared/api/resources.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

describeEachDialect('FAQ', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let anonymous: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    anonymous = new Client(ctx.app);
  });
  afterAll(() => ctx.close());

  const entries = async (): Promise<FaqEntry[]> => (await anonymous.get('/api/faq')).json().entries;

  it('is seeded at setup with the program’s own numbers, and anyone may read it', async () => {
    const res = await anonymous.get('/api/faq');
    expect(res.statusCode).toBe(200);
    const list = res.json().entries as FaqEntry[];
    expect(list.length).toBeGreaterThanOrEqual(10);
    expect(list.map((e) => e.position)).toEqual(list.map((_, i) => i + 1));
    const text = list.map((e) => `${e.question} ${e.answer}`).join('\n');
    for (const topic of [
      /matched\?/,
      /do first/,
      /goal sheet/,
      /How often/,
      /not working/,
      /in person/,
      /How much time/,
      /Who do I contact/,
    ]) {
      expect(text).toMatch(topic);
    }
    expect(text).toContain('30 days after your match is made');
    expect(text).toContain('first 45 days');
    expect(text).toContain('twice a month');
    // Everyone signed in reads the same list.
    expect((await (await signedIn(ctx, ['mentee'])).client.get('/api/faq')).json().entries).toEqual(list);
  });

  it('is not seeded a second time', async () => {
    const before = (await entries()).length;
    await setUpProgramData(ctx.deps.db, ctx.clock.now(), { programName: 'Again', timeZone: 'UTC' });
    expect(await entries()).toHaveLength(before);
  });

  it('lets staff add, reword and delete questions, each audited', async () => {
    const added = await staff.post('/api/faq', { question: '  Can I be a mentor and a mentee? ', answer: 'Yes, in different matches.' });
    expect(added.statusCode).toBe(201);
    const entry = (added.json().entries as FaqEntry[]).at(-1) as FaqEntry;
    expect(entry).toMatchObject({ question: 'Can I be a mentor and a mentee?', answer: 'Yes, in different matches.' });
    expect((await entries()).at(-1)).toEqual(entry);

    const edited = await staff.patch(`/api/faq/${entry.id}`, {
      answer: 'Yes: apply once as each, and you will be in two different matches.',
    });
    expect(edited.statusCode).toBe(200);
    expect((await entries()).find((e) => e.id === entry.id)?.answer).toBe(
      'Yes: apply once as each, and you will be in two different matches.',
    );

    const removed = await staff.request('DELETE', `/api/faq/${entry.id}`);
    expect(removed.statusCode).toBe(200);
    expect((removed.json().entries as FaqEntry[]).some((e) => e.id === entry.id)).toBe(false);
    expect((await staff.request('DELETE', `/api/faq/${entry.id}`)).statusCode).toBe(404);
    expect((await staff.patch(`/api/faq/${entry.id}`, { answer: 'Ghost.' })).statusCode).toBe(404);

    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'faq_entry')
      .where('entity_id', '=', String(entry.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['faq.added', 'faq.changed', 'faq.deleted']);
  });

  it('lets staff reorder the whole FAQ', async () => {
    const ids = (await entries()).map((e) => e.id);
    const moved = [ids[ids.length - 1], ...ids.slice(0, -1)] as number[];
    const res = await staff.post('/api/faq/reorder', { ids: moved });
    expect(res.statusCode).toBe(200);
    expect((await entries()).map((e) => e.id)).toEqual(moved);
    for (const bad of [moved.slice(1), [...moved, moved[0]], [...moved.slice(1), 999999]]) {
      const refused = await staff.post('/api/faq/reorder', { ids: bad });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('FAQ_ORDER_INCOMPLETE');
    }
    expect((await entries()).map((e) => e.id)).toEqual(moved);
  });

  it('refuses bad input and everyone but staff, changing nothing', async () => {
    const before = await entries();
    for (const body of [
      { question: '', answer: 'A' },
      { question: 'Q?' },
      { question: 'Q?', answer: 'x'.repeat(5001) },
      { question: 'Q?', answer: 'A', pinned: true },
    ]) {
      const res = await staff.post('/api/faq', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await staff.patch(`/api/faq/${before[0]?.id}`, { question: '' })).statusCode).toBe(400);
    const mentor = (await signedIn(ctx, ['mentor'])).client;
    expect((await mentor.post('/api/faq', { question: 'Q?', answer: 'A' })).statusCode).toBe(403);
    expect((await mentor.request('DELETE', `/api/faq/${before[0]?.id}`)).statusCode).toBe(403);
    expect((await anonymous.post('/api/faq', { question: 'Q?', answer: 'A' })).statusCode).toBe(401);
    expect(await entries()).toEqual(before);
  });
});
