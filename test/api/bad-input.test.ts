import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

describeEachDialect('bad input gets a clear error', (db) => {
  let ctx: TestContext;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
  });
  afterAll(() => ctx.close());

  const cases: { name: string; send: () => Promise<{ statusCode: number; json(): unknown }>; status: number; code: string }[] = [
    {
      name: 'malformed JSON',
      send: () => staff.request('POST', '/api/periods', '{"name": ', { 'content-type': 'application/json' }),
      status: 400,
      code: 'MALFORMED_JSON',
    },
    {
      name: 'an oversized body',
      send: () => staff.post('/api/program-goals', { title: 'Big', description: 'x'.repeat(300_000) }),
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
    },
    {
      name: 'an unknown field',
      send: () => staff.post('/api/invitations', { email: 'a@example.org', name: 'A', roles: ['mentee'], isAdmin: true }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'a wrong type',
      send: () => staff.patch('/api/settings', { contactsPerMonth: 'often' }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'a form body instead of JSON',
      send: () => staff.request('POST', '/api/auth/login', 'email=a&password=b', { 'content-type': 'application/x-www-form-urlencoded' }),
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    },
    {
      name: 'a non-numeric id',
      send: () => staff.get('/api/periods/abc'),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'an id beyond a database integer',
      send: () => staff.get('/api/periods/99999999999'),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'an unknown API path',
      send: () => staff.get('/api/nothing-here'),
      status: 404,
      code: 'NOT_FOUND',
    },
    {
      name: 'a name with a line break (header injection)',
      send: () => staff.post('/api/invitations', { email: 'b@example.org', name: 'Bob\r\nBcc: victim@example.org', roles: ['mentee'] }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
    {
      name: 'an e-mail with a line break',
      send: () => staff.post('/api/invitations', { email: 'b@example.org\nBcc: victim@example.org', name: 'Bob', roles: ['mentee'] }),
      status: 400,
      code: 'VALIDATION_FAILED',
    },
  ];

  for (const c of cases) {
    it(`answers ${c.status} ${c.code} for ${c.name}, and changes nothing`, async () => {
      const before = await ctx.deps.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await c.send();
      expect(res.statusCode).toBe(c.status);
      expect(res.json()).toMatchObject({ code: c.code, message: expect.any(String) });
      const after = await ctx.deps.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  }

  it('sends security headers on every answer', async () => {
    const res = await staff.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('publishes the OpenAPI document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/periods/{id}/transition']));
    expect((await ctx.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
