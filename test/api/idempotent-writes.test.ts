import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { OPEN_DATES } from '../fixtures/applications/helpers.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { recordFigure } from '../setup/figures.ts';
import { buildTestApp, sessionClient, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

/**
 * Issue #15 item 6 (decision 0022): a client that retries a change after losing its answer,
 * with the same Idempotency-Key, gets the first answer again and nothing is made twice.
 */
describeEachDialect('idempotent writes', (db, dialect) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps));
    staff = await sessionClient(ctx, staffId);
  });
  afterAll(() => ctx.close());

  const send = (client: Client, url: string, body: unknown, key: string): Promise<LightMyRequestResponse> =>
    client.request('POST', url, body, { 'idempotency-key': key });
  const count = async (table: 'periods' | 'faq_entries' | 'invitations' | 'outbox') =>
    Number(
      (
        await ctx.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers ten retried writes whose first answers were lost with those answers, and makes nothing twice', async () => {
    const writes = Array.from({ length: 10 }, (_, i) => {
      const key = randomUUID();
      if (i % 3 === 0) return { key, url: '/api/periods', body: { name: `Year ${i}`, ...OPEN_DATES } };
      if (i % 3 === 1) return { key, url: '/api/faq', body: { question: `Question ${i}?`, answer: 'An answer.' } };
      return { key, url: '/api/invitations', body: { email: `invitee-${i}@example.org`, name: `Invitee ${i}`, roles: ['mentee'] } };
    });
    // The first tries reach the server and are committed; their answers are "lost" (kept here
    // only to compare with what the retries get).
    const lost = [];
    for (const w of writes) lost.push(await send(staff, w.url, w.body, w.key));
    expect(lost.map((r) => r.statusCode)).toEqual(writes.map(() => 201));
    const before = {
      periods: await count('periods'),
      faq: await count('faq_entries'),
      invitations: await count('invitations'),
      mail: await count('outbox'),
    };

    let replayed = 0;
    for (const [i, w] of writes.entries()) {
      const retry = await send(staff, w.url, w.body, w.key);
      if (retry.headers['idempotent-replayed'] === 'true') replayed += 1;
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(retry.headers['content-type']).toMatch(/^application\/json/);
      expect(retry.json()).toEqual(lost[i]?.json());
    }
    expect({
      periods: await count('periods'),
      faq: await count('faq_entries'),
      invitations: await count('invitations'),
      mail: await count('outbox'),
    }).toEqual(before);
    const madeTwice =
      (await count('periods')) -
      before.periods +
      (await count('faq_entries')) -
      before.faq +
      (await count('invitations')) -
      before.invitations;
    recordFigure('idempotency', { dialect, lostAnswers: writes.length, replayed, madeTwice });
  });

  it('refuses the same key for a different request (422) and one whose first try has not answered (409)', async () => {
    const key = randomUUID();
    expect((await send(staff, '/api/periods', { name: 'Keyed year', ...OPEN_DATES }, key)).statusCode).toBe(201);
    const periods = await count('periods');
    const other = await send(staff, '/api/periods', { name: 'Another year', ...OPEN_DATES }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherRoute = await send(staff, '/api/faq', { question: 'Q?', answer: 'A.' }, key);
    expect(otherRoute.json().code).toBe('IDEMPOTENCY_KEY_REUSED');

    // A first try cut off before its answer was kept (a crash): the retry is told, and nothing runs.
    const cut = randomUUID();
    expect((await send(staff, '/api/periods', { name: 'Cut off', ...OPEN_DATES }, cut)).statusCode).toBe(201);
    await ctx.deps.db
      .updateTable('idempotency_keys')
      .set({ status: 'pending', response_status: null, response_type: null, response_body: null })
      .where('key', '=', cut)
      .execute();
    const periodsBefore = await count('periods');
    const inUse = await send(staff, '/api/periods', { name: 'Cut off', ...OPEN_DATES }, cut);
    expect(inUse.statusCode, inUse.body).toBe(409);
    expect(inUse.json().code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(await count('periods')).toBe(periodsBefore);
    expect(periodsBefore).toBe(periods + 1);
  });

  it('keeps keys per person and for a day; a failed first try (4xx kept, 5xx released) and bad keys', async () => {
    const key = randomUUID();
    const other = await signedIn(ctx, ['staff']);
    const periods = await count('periods');
    expect((await send(staff, '/api/periods', { name: 'Mine', ...OPEN_DATES }, key)).statusCode).toBe(201);
    // The same key from someone else is theirs: it runs.
    expect((await send(other.client, '/api/periods', { name: 'Theirs', ...OPEN_DATES }, key)).statusCode).toBe(201);
    expect(await count('periods')).toBe(periods + 2);
    // A refusal is an answer too: the retry gets it again.
    const badKey = randomUUID();
    const refused = await send(staff, '/api/periods', { name: 'Backwards', ...OPEN_DATES, programEndsOn: '2020-01-01' }, badKey);
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    const again = await send(staff, '/api/periods', { name: 'Backwards', ...OPEN_DATES, programEndsOn: '2020-01-01' }, badKey);
    expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([refused.statusCode, 'true']);

    // After a day the key is forgotten, and the same request runs again.
    ctx.clock.advance(24 * 60 * 60_000 + 1000);
    staff = await sessionClient(ctx, staffId); // the old session has timed out meanwhile
    const later = await send(staff, '/api/periods', { name: 'Mine', ...OPEN_DATES }, key);
    expect(later.statusCode).toBe(409);
    expect(later.json().code).toBe('PERIOD_NAME_TAKEN');
    expect(later.headers['idempotent-replayed']).toBeUndefined();

    for (const bad of ['short', 'has space in it', 'x'.repeat(101), 'emoji-🔑-key']) {
      const res = await staff.request('POST', '/api/faq', { question: 'Q?', answer: 'A.' }, { 'idempotency-key': bad });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('INVALID_IDEMPOTENCY_KEY');
    }
  });
});
