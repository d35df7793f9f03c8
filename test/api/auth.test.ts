import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, createPerson, linkFromOutbox, setUpProgram, signedIn, TEST_PASSWORD } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { HOUR_MS } from '../../src/time/clock.ts';

describeEachDialect('accounts and sessions', (db) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
  });
  afterAll(() => ctx.close());

  describe('first run', () => {
    it('offers setup until a staff account exists, then refuses a second setup', async () => {
      const client = new Client(ctx.app);
      expect((await client.get('/api/setup/status')).json()).toEqual({ needsSetup: true, programName: null });

      const bad = await client.post('/api/setup', {
        programName: 'X',
        timeZone: 'Mars/Olympus',
        name: 'A',
        email: 'a@example.org',
        password: 'long enough',
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().code).toBe('INVALID_TIME_ZONE');

      const res = await client.post('/api/setup', {
        programName: 'Youth Services Mentoring',
        timeZone: 'America/Chicago',
        name: 'Ada Staff',
        email: 'Ada@Example.org',
        password: 'pässwörd 🔐 long',
      });
      expect(res.statusCode).toBe(201);
      expect(res.json().user).toMatchObject({ email: 'ada@example.org', roles: ['staff'] });
      expect(client.hasSession()).toBe(true);
      expect((await client.get('/api/setup/status')).json()).toEqual({ needsSetup: false, programName: 'Youth Services Mentoring' });

      const again = await new Client(ctx.app).post('/api/setup', {
        programName: 'Hijack',
        timeZone: 'UTC',
        name: 'Mallory',
        email: 'mallory@example.org',
        password: 'long enough',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('ALREADY_SET_UP');

      const goals = await client.get('/api/program-goals');
      expect(goals.json().goals).toHaveLength(7);
      // Unicode passwords work end to end.
      expect((await new Client(ctx.app).signIn('ada@example.org', 'pässwörd 🔐 long')).statusCode).toBe(200);
    });
  });

  describe('sign in and out', () => {
    it('answers a wrong password and an unknown e-mail identically', async () => {
      const person = await createPerson(ctx.deps, ['mentee']);
      const wrongPassword = await new Client(ctx.app).post('/api/auth/login', { email: person.email, password: 'not the password' });
      const unknown = await new Client(ctx.app).post('/api/auth/login', { email: 'nobody@example.org', password: 'not the password' });
      expect(wrongPassword.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrongPassword.json()).toEqual(unknown.json());
      expect(wrongPassword.cookies.find((c) => c.name === 'tandem_session')).toBeUndefined();
    });

    it('issues an HttpOnly SameSite session cookie, a new token per sign-in, and ends it on sign-out', async () => {
      const person = await createPerson(ctx.deps, ['mentor']);
      const first = new Client(ctx.app);
      const res = await first.signIn(person.email, TEST_PASSWORD);
      const cookie = res.cookies.find((c) => c.name === 'tandem_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      const second = await new Client(ctx.app).post('/api/auth/login', { email: person.email, password: TEST_PASSWORD });
      expect(second.cookies.find((c) => c.name === 'tandem_session')?.value).not.toBe(cookie?.value);

      expect((await first.get('/api/me')).json().user.email).toBe(person.email);
      expect((await first.post('/api/auth/logout')).statusCode).toBe(200);
      // The old token is dead on the server, not only forgotten by the browser.
      const replay = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `tandem_session=${cookie?.value}` } });
      expect(replay.json()).toEqual({ user: null });
    });

    it('keeps the current session when another sign-in fails; only a successful one replaces it', async () => {
      const person = await signedIn(ctx, ['mentor']);
      const before = person.client.sessionToken();
      const wrong = await person.client.signIn(person.email, 'not the password');
      expect(wrong.statusCode).toBe(401);
      expect(person.client.sessionToken()).toBe(before);
      expect((await person.client.get('/api/me')).json().user).not.toBeNull();
      const right = await person.client.signIn(person.email, TEST_PASSWORD);
      expect(right.statusCode).toBe(200);
      expect(person.client.sessionToken()).not.toBe(before);
      const replay = await ctx.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: `tandem_session=${before}` } });
      expect(replay.json()).toEqual({ user: null });
    });

    it('ends a session after the idle time-out and at its absolute expiry', async () => {
      const { client } = await signedIn(ctx, ['mentee']);
      ctx.clock.advance(ctx.deps.config.sessionIdleMinutes * 60_000 - 60_000);
      expect((await client.get('/api/me')).json().user).not.toBeNull();
      ctx.clock.advance(ctx.deps.config.sessionIdleMinutes * 60_000 + 1);
      expect((await client.get('/api/me')).json()).toEqual({ user: null });

      const busy = await signedIn(ctx, ['mentee']);
      // Active every few hours, the session still ends at its absolute limit.
      for (let elapsed = 0; elapsed < ctx.deps.config.sessionMaxDays * 24 * HOUR_MS; elapsed += 6 * HOUR_MS) {
        ctx.clock.advance(6 * HOUR_MS);
        await busy.client.get('/api/me');
      }
      expect((await busy.client.get('/api/me')).json()).toEqual({ user: null });
    });

    it('signs a disabled person out at once', async () => {
      const staff = await signedIn(ctx, ['staff']);
      const mentee = await signedIn(ctx, ['mentee']);
      expect((await staff.client.patch(`/api/users/${mentee.id}`, { disabled: true })).statusCode).toBe(200);
      expect((await mentee.client.get('/api/me')).json()).toEqual({ user: null });
      expect((await new Client(ctx.app).signIn(mentee.email, TEST_PASSWORD)).statusCode).toBe(401);
    });
  });

  describe('CSRF', () => {
    it('refuses a change made with the session cookie but without a valid token, and changes nothing', async () => {
      const staff = await signedIn(ctx, ['staff']);
      const before = (await staff.client.get('/api/settings')).json();
      const token = staff.client.csrfToken;
      staff.client.csrfToken = undefined;
      const missing = await staff.client.patch('/api/settings', { contactsPerMonth: 9 });
      expect(missing.statusCode).toBe(403);
      expect(missing.json().code).toBe('CSRF_INVALID');
      staff.client.csrfToken = 'forged';
      expect((await staff.client.patch('/api/settings', { contactsPerMonth: 9 })).statusCode).toBe(403);
      expect((await staff.client.get('/api/settings')).json()).toEqual(before);
      staff.client.csrfToken = token;
      expect((await staff.client.patch('/api/settings', { contactsPerMonth: 9 })).statusCode).toBe(200);
    });
  });

  describe('passwords', () => {
    it('resets a password through a one-time e-mailed link that also ends every session', async () => {
      const person = await signedIn(ctx, ['mentor']);
      const anon = new Client(ctx.app);
      expect((await anon.post('/api/auth/password-reset/request', { email: person.email })).statusCode).toBe(202);
      // Unknown addresses get the same answer and no mail.
      expect((await anon.post('/api/auth/password-reset/request', { email: 'ghost@example.org' })).statusCode).toBe(202);
      const token = await linkFromOutbox(ctx.deps, person.email, '/reset-password');

      const short = await anon.post('/api/auth/password-reset/complete', { token, password: 'short' });
      expect(short.statusCode).toBe(400);
      expect((await anon.post('/api/auth/password-reset/complete', { token, password: 'a brand new secret' })).statusCode).toBe(200);
      const reused = await anon.post('/api/auth/password-reset/complete', { token, password: 'yet another secret' });
      expect(reused.statusCode).toBe(410);
      expect(reused.json().code).toBe('TOKEN_USED');

      expect((await person.client.get('/api/me')).json()).toEqual({ user: null });
      expect((await new Client(ctx.app).signIn(person.email, TEST_PASSWORD)).statusCode).toBe(401);
      expect((await new Client(ctx.app).signIn(person.email, 'a brand new secret')).statusCode).toBe(200);
    });

    it('refuses an expired reset link', async () => {
      const person = await createPerson(ctx.deps, ['mentee']);
      await new Client(ctx.app).post('/api/auth/password-reset/request', { email: person.email });
      const token = await linkFromOutbox(ctx.deps, person.email, '/reset-password');
      ctx.clock.advance(HOUR_MS + 1);
      const res = await new Client(ctx.app).post('/api/auth/password-reset/complete', { token, password: 'a brand new secret' });
      expect(res.statusCode).toBe(410);
      expect(res.json().code).toBe('TOKEN_EXPIRED');
    });

    it('changes a password only with the current one, keeping this session and ending the others', async () => {
      const person = await signedIn(ctx, ['mentee']);
      const elsewhere = new Client(ctx.app);
      await elsewhere.signIn(person.email, TEST_PASSWORD);
      const wrong = await person.client.post('/api/auth/password', { currentPassword: 'guess', newPassword: 'another good one' });
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().code).toBe('WRONG_PASSWORD');
      expect(
        (await person.client.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'another good one' })).statusCode,
      ).toBe(200);
      expect((await person.client.get('/api/me')).json().user).not.toBeNull();
      expect((await elsewhere.get('/api/me')).json()).toEqual({ user: null });
    });
  });

  afterAll(async () => {
    // Make the data-setup helper usable on a fresh database too (sanity for later test files).
    expect(typeof setUpProgram).toBe('function');
  });
});

describeEachDialect('sign-in rate limit', (db) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp(db(), { rateLimitAuthPerMinute: 3 });
    await setUpProgram(ctx.deps);
  });
  afterAll(() => ctx.close());

  it('answers 429 with a clear message after too many attempts', async () => {
    const client = new Client(ctx.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await client.post('/api/auth/login', { email: 'x@example.org', password: 'nope nope' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await client.post('/api/auth/login', { email: 'x@example.org', password: 'nope nope' });
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
