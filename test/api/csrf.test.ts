import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { snapshotDatabase } from '../setup/database-snapshot.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import { recordFigure } from '../setup/figures.ts';
import type { TestContext } from '../setup/test-app.ts';

const SAFE = new Set(['get', 'head', 'options']);

/** Every change route in the OpenAPI document, with its path parameters filled in. */
async function unsafeRoutes(ctx: TestContext): Promise<{ method: string; path: string }[]> {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((m) => !SAFE.has(m))
      .map((m) => ({ method: m.toUpperCase(), path: path.replace(/\{token\}/g, 'x'.repeat(43)).replace(/\{[^}]+\}/g, '1') })),
  );
}

const hex = (c: string) => c.charCodeAt(0).toString(16);
const encodeFirst = (segment: string) => `%${hex(segment[0] ?? '')}${segment.slice(1)}`;
const encodeAll = (segment: string) => [...segment].map((c) => `%${hex(c).toUpperCase()}`).join('');

/**
 * The same route written in ways a router reads as one: percent-encoded letters (lower- and
 * upper-case hex, in the first segment, in every segment, everywhere), a trailing slash, a query.
 */
export function spellingsOf(path: string): string[] {
  const segments = path.split('/').slice(1);
  const join = (parts: string[]) => `/${parts.join('/')}`;
  const variants = [
    path,
    join([encodeFirst(segments[0] ?? ''), ...segments.slice(1)]),
    join(segments.map((s, i) => (i === 0 ? s.replace('i', '%69') : s))),
    join(segments.map(encodeFirst)),
    join(segments.map(encodeAll)),
    `${path}/`,
    `${path}?then=/api/`,
  ];
  return [...new Set(variants)];
}

describe('spellings of a path', () => {
  it('encode the same route many ways', () => {
    expect(spellingsOf('/api/auth/logout')).toEqual([
      '/api/auth/logout',
      '/%61pi/auth/logout',
      '/ap%69/auth/logout',
      '/%61pi/%61uth/%6cogout',
      '/%61%70%69/%61%75%74%68/%6C%6F%67%6F%75%74',
      '/api/auth/logout/',
      '/api/auth/logout?then=/api/',
    ]);
  });
});

describeEachDialect('CSRF on every change, however the path is spelled', (db, dialect) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
  });
  afterAll(() => ctx.close());

  /** The database less the audit entries refusals write (each refusal is recorded, by design). */
  const state = async () => {
    const snapshot = await snapshotDatabase(ctx.deps.db);
    const denied = (snapshot['audit_log'] ?? []).filter((row) => row.includes('"access.denied"'));
    snapshot['audit_log'] = (snapshot['audit_log'] ?? []).filter((row) => !row.includes('"access.denied"'));
    return { snapshot, denied: denied.length };
  };

  it('refuses every change route with no token, or with a token of another session, and changes nothing', async () => {
    const victim = await signedIn(ctx, ['staff', 'committee', 'taskforce', 'mentor', 'mentee']);
    const attacker = await signedIn(ctx, ['staff']);
    const anonymousToken = await new Client(ctx.app).get('/api/auth/csrf').then((r) => (r.json() as { token: string }).token);
    const foreignTokens: (string | undefined)[] = [undefined, '', 'forged', attacker.client.csrfToken, anonymousToken];
    const routes = await unsafeRoutes(ctx);
    expect(routes.length).toBeGreaterThan(40);
    const before = await state();
    let sent = 0;

    const answers: string[] = [];
    for (const { method, path } of routes) {
      for (const url of spellingsOf(path)) {
        for (const token of foreignTokens) {
          sent += 1;
          const res = await ctx.app.inject({
            method: method as 'POST',
            url,
            headers: {
              cookie: `tandem_session=${victim.client.sessionToken()}`,
              origin: 'https://evil.example',
              'content-type': 'text/plain',
              ...(token !== undefined && { 'x-csrf-token': token }),
            },
            payload: '{}',
          });
          const code = res.statusCode === 403 ? (res.json() as { code: string }).code : '';
          if (res.statusCode !== 403 || code !== 'CSRF_INVALID')
            answers.push(`${method} ${url} (token ${String(token).slice(0, 8)}): ${res.statusCode} ${code}`);
        }
      }
    }
    expect(answers).toEqual([]);
    const after = await state();
    expect(after.snapshot).toEqual(before.snapshot);
    // Every refusal is in the audit log, under the victim's name.
    expect(after.denied - before.denied).toBe(sent);
    recordFigure('csrf', {
      dialect,
      routes: routes.length,
      requests: sent,
      refused: sent - answers.length,
      audited: after.denied - before.denied,
    });
    // The session itself is untouched and still works with its own token.
    expect((await victim.client.get('/api/me')).json().user).not.toBeNull();
  });

  it('lets the session’s own token through on a spelled-out path, so the walk above reached real routes', async () => {
    const person = await signedIn(ctx, ['mentee']);
    const res = await person.client.request('POST', '/%61pi/auth/logout', {});
    expect(res.statusCode).toBe(200);
    expect((await person.client.get('/api/me')).json()).toEqual({ user: null });
  });

  it('gives a new token at every sign-in: the one of the session before no longer fits', async () => {
    const person = await signedIn(ctx, ['staff']);
    const oldToken = person.client.csrfToken;
    await person.client.signIn(person.email, 'correct horse battery');
    const stale = await person.client.request('PATCH', '/api/settings', { contactsPerMonth: 3 }, { 'x-csrf-token': oldToken ?? '' });
    expect(stale.statusCode).toBe(403);
    expect((await person.client.patch('/api/settings', { contactsPerMonth: 3 })).statusCode).toBe(200);
  });

  it('refuses a text/plain body, which a cross-site form could send without asking', async () => {
    const res = await new Client(ctx.app).request('POST', '/api/auth/login', '{"email":"a@example.org","password":"long enough"}', {
      'content-type': 'text/plain',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });
});

describeEachDialect('cookies behind a TLS-terminating proxy', (db) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp(db(), { trustProxy: true });
    await setUpProgram(ctx.deps);
  });
  afterAll(() => ctx.close());

  const https = { 'x-forwarded-proto': 'https' };

  it('sets every cookie Secure with the __Host- prefix, and needs no second cookie for CSRF', async () => {
    const client = new Client(ctx.app);
    const seen: { name: string; secure?: boolean; path?: string; domain?: string; httpOnly?: boolean }[] = [];
    const signIn = await client.request(
      'POST',
      '/api/auth/login',
      { email: 'staff@example.org', password: 'correct horse battery' },
      https,
    );
    expect(signIn.statusCode).toBe(200);
    seen.push(...signIn.cookies);
    const csrf = await client.request('GET', '/api/auth/csrf', undefined, https);
    seen.push(...csrf.cookies);
    const token = (csrf.json() as { token: string }).token;
    const change = await client.request('PATCH', '/api/settings', { contactsPerMonth: 4 }, { ...https, 'x-csrf-token': token });
    expect(change.statusCode).toBe(200);
    seen.push(...change.cookies);
    const signOut = await client.request('POST', '/api/auth/logout', {}, { ...https, 'x-csrf-token': token });
    expect(signOut.statusCode).toBe(200);
    seen.push(...signOut.cookies);

    expect(seen.length).toBeGreaterThan(0);
    for (const cookie of seen) {
      expect(cookie).toMatchObject({ name: '__Host-tandem_session', secure: true, path: '/', httpOnly: true });
      expect(cookie.domain).toBeUndefined();
    }
  });

  it('ignores a session cookie without the prefix over HTTPS (one a sibling subdomain could plant)', async () => {
    const staff = await signedIn(ctx, ['staff']);
    const planted = await ctx.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { ...https, cookie: `tandem_session=${staff.client.sessionToken()}` },
    });
    expect(planted.json()).toEqual({ user: null });
  });
});
