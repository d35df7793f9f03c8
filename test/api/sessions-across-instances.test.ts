import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { recordFigure } from '../setup/figures.ts';
import { buildTestApp, Client, createPerson, sessionClient, setUpProgram, TEST_PASSWORD } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

/**
 * Issue #15 item 3: sessions live in the database, so two instances on one database (as behind a
 * load balancer) agree on them: valid on both, and signing out, being disabled or timing out
 * ends them on both at once. Tokens carry at least 128 bits of randomness.
 */
describeEachDialect('sessions across instances', (db, dialect) => {
  let one: TestContext;
  let two: TestContext;
  let staffId: number;
  beforeAll(async () => {
    one = await buildTestApp(db());
    two = await buildTestApp(db());
    ({ staffId } = await setUpProgram(one.deps));
  });
  afterAll(async () => {
    await one.close();
    await two.close();
  });

  /** A sign-in on instance one, and the same browser's cookie sent to instance two. */
  const signInOnOne = async (email: string) => {
    const onOne = new Client(one.app);
    expect((await onOne.signIn(email, TEST_PASSWORD)).statusCode).toBe(200);
    const onTwo = new Client(two.app);
    await onTwo.useSession(onOne.sessionToken() ?? '');
    return { onOne, onTwo };
  };
  const who = async (client: Client) => ((await client.get('/api/me')).json() as { user: { id: number } | null }).user?.id ?? null;

  it('holds on both instances, and ends on both when the person signs out on one', async () => {
    const person = await createPerson(one.deps, ['mentee'], 'Two Tabs');
    const { onOne, onTwo } = await signInOnOne(person.email);
    expect([await who(onOne), await who(onTwo)]).toEqual([person.id, person.id]);
    expect((await onTwo.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect([await who(onOne), await who(onTwo)]).toEqual([null, null]);
  });

  it('ends on both when staff on one instance disable the person', async () => {
    const person = await createPerson(one.deps, ['mentor'], 'Soon Disabled');
    const { onOne, onTwo } = await signInOnOne(person.email);
    const staffOnTwo = await sessionClient(two, staffId);
    expect((await staffOnTwo.patch(`/api/users/${person.id}`, { disabled: true })).statusCode).toBe(200);
    expect([await who(onOne), await who(onTwo)]).toEqual([null, null]);
  });

  it('times out on both after the idle limit, whichever instance saw it last', async () => {
    const person = await createPerson(one.deps, ['mentee'], 'Gone Quiet');
    const { onOne, onTwo } = await signInOnOne(person.email);
    const idle = one.deps.config.sessionIdleMinutes * 60_000;
    for (const ctx of [one, two]) ctx.clock.advance(idle - 60_000);
    expect(await who(onTwo)).toBe(person.id); // seen on two: the idle time starts again there
    for (const ctx of [one, two]) ctx.clock.advance(idle - 60_000);
    expect(await who(onOne)).toBe(person.id); // and counts on one too
    for (const ctx of [one, two]) ctx.clock.advance(idle + 1);
    expect([await who(onOne), await who(onTwo)]).toEqual([null, null]);
  });

  it('makes session tokens of 256 random bits, never the same twice, and stores only their hash', async () => {
    const person = await createPerson(one.deps, ['mentee'], 'Many Sign-ins');
    const tokens = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const client = new Client(i % 2 === 0 ? one.app : two.app);
      expect((await client.signIn(person.email, TEST_PASSWORD)).statusCode).toBe(200);
      const token = client.sessionToken() ?? '';
      expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(256);
      tokens.add(token);
    }
    expect(tokens.size).toBe(50);
    const stored = await one.deps.db.selectFrom('sessions').select('token_hash').where('user_id', '=', person.id).execute();
    expect(stored).toHaveLength(50);
    for (const row of stored) expect(tokens.has(row.token_hash)).toBe(false);
    recordFigure('sessions', { dialect, instances: 2, tokenBits: 256, tokens: tokens.size, duplicates: 50 - tokens.size });
  });
});
