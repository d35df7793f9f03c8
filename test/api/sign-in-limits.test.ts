import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDialect } from '../setup/dialects.ts';
import { recordFigure } from '../setup/figures.ts';
import { buildTestApp, createPerson, setUpProgram, TEST_PASSWORD } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

const WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins counted in the database (issue #15 item 5, decision 0021): per account and per
 * address, one budget for every instance on the same database, refused with 429 before any
 * password is checked, the same answer for an account that does not exist.
 */
describeEachDialect('sign-in limits shared across instances', (db, dialect) => {
  let one: TestContext;
  let two: TestContext;
  beforeAll(async () => {
    // Two instances on one database, as behind a load balancer; a small address budget.
    one = await buildTestApp(db(), { signInFailuresPerAddress: 25 });
    two = await buildTestApp(db(), { signInFailuresPerAddress: 25 });
    await setUpProgram(one.deps);
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  const advance = (ms: number) => {
    one.clock.advance(ms);
    two.clock.advance(ms);
  };
  const signIn = (ctx: TestContext, email: string, password: string, address: string): Promise<LightMyRequestResponse> =>
    ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: address });
  const pausedEntries = async (userId: number) =>
    (
      await one.deps.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'sign-in.paused')
        .where('entity_id', '=', String(userId))
        .execute()
    ).length;

  it('pauses an account after 10 failures from any addresses, on every instance, until the window passes', async () => {
    const person = await createPerson(one.deps, ['mentee'], 'Tried Often');
    // Ten failures spread over both instances and ten addresses: one budget.
    for (let i = 0; i < 10; i++) {
      const res = await signIn(i % 2 === 0 ? one : two, person.email, 'wrong password', `198.51.100.${i + 1}`);
      expect(res.statusCode, res.body).toBe(401);
      advance(1000);
    }
    for (const ctx of [one, two]) {
      const paused = await signIn(ctx, person.email, TEST_PASSWORD, '198.51.100.200');
      expect(paused.statusCode).toBe(429);
      expect(paused.json()).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
      expect(paused.json().message).toMatch(/Try again in 15 minutes/);
      // The oldest of the ten failures leaves the window 15 minutes after it was made.
      expect(Number(paused.headers['retry-after'])).toBe((WINDOW_MS - 10_000) / 1000);
    }
    expect(await pausedEntries(person.id)).toBe(1);
    recordFigure('sign-in-limits', { dialect, instances: 2, accountBudget: 10, failuresAllowed: 10, pausedOn: 2, auditEntries: 1 });
    // Another account from the same addresses is not affected.
    const other = await createPerson(one.deps, ['mentee'], 'Not Tried');
    expect((await signIn(two, other.email, TEST_PASSWORD, '198.51.100.1')).statusCode).toBe(200);

    // When the oldest failure leaves the window, one more try is allowed: the right password works
    // and clears the account's count.
    advance(WINDOW_MS - 10_000);
    expect((await signIn(one, person.email, TEST_PASSWORD, '198.51.100.200')).statusCode).toBe(200);
    for (let i = 0; i < 9; i++) expect((await signIn(two, person.email, 'wrong', '198.51.100.9')).statusCode).toBe(401);
    expect((await signIn(one, person.email, TEST_PASSWORD, '198.51.100.9')).statusCode).toBe(200);
  });

  it('answers an address that does not belong to anyone the same way', async () => {
    advance(WINDOW_MS);
    const nobody = 'nobody-here@example.org';
    const person = await createPerson(one.deps, ['mentor'], 'Real Person');
    const answers: LightMyRequestResponse[] = [];
    for (let i = 0; i < 10; i++) {
      await signIn(one, nobody, 'guess', `203.0.113.${i + 1}`);
      await signIn(two, person.email, 'guess', `203.0.113.${i + 1}`);
    }
    answers.push(await signIn(one, nobody, 'guess', '203.0.113.99'), await signIn(two, person.email, 'guess', '203.0.113.99'));
    expect(answers.map((a) => a.statusCode)).toEqual([429, 429]);
    expect(answers[0]?.json()).toEqual(answers[1]?.json());
    expect(answers[0]?.headers['retry-after']).toBe(answers[1]?.headers['retry-after']);
  });

  it('pauses one address after its budget of failures over many accounts, leaving other addresses alone', async () => {
    advance(WINDOW_MS);
    const target = await createPerson(one.deps, ['mentee'], 'Sprayed At');
    // 25 accounts guessed once each from one address (a password spray), across both instances.
    for (let i = 0; i < 25; i++) {
      const res = await signIn(i % 2 === 0 ? one : two, `spray-${i}@example.org`, 'Summer2026!', '192.0.2.7');
      expect(res.statusCode).toBe(401);
    }
    const refused = await signIn(two, target.email, TEST_PASSWORD, '192.0.2.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('TOO_MANY_ATTEMPTS');
    expect((await signIn(one, target.email, TEST_PASSWORD, '192.0.2.8')).statusCode).toBe(200);
  });

  it('keeps no failure older than the window, and no address or e-mail address in the clear', async () => {
    advance(WINDOW_MS + 1000);
    await signIn(one, 'typo@example.org', 'wrong', '192.0.2.50');
    const rows = await one.deps.db.selectFrom('sign_in_failures').select(['key', 'failed_at']).execute();
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.key).toMatch(/^(account|address):[0-9a-f]{64}$/);
      expect(row.failed_at).toBe(one.clock.now().toISOString());
    }
  });
});
