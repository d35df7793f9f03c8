import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { describeEachDialect } from '../setup/dialects.ts';
import { recordFigure } from '../setup/figures.ts';
import { buildTestApp, Client, createPerson, sessionClient, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { buildApp } from '../../src/http/app.ts';
import { logSerializers, redactPaths } from '../../src/http/log-redaction.ts';

/**
 * Issue #15 item 11: security headers on every answer, no caching of JSON, every permission
 * failure in the audit log, and no input that can split a log line.
 */
describeEachDialect('headers, refusals in the audit log, and log lines', (db, dialect) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps));
    staff = await sessionClient(ctx, staffId);
  });
  afterAll(() => ctx.close());

  const expectSecurityHeaders = (res: LightMyRequestResponse, what: string) => {
    const csp = String(res.headers['content-security-policy'] ?? '');
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  };

  it('sends CSP, nosniff and frame-ancestors on every GET route, signed out and in, and no-store on every JSON answer', async () => {
    const routes = ctx.app.routeTable.filter((r) => r.method === 'GET' && !r.url.startsWith('/api/docs'));
    expect(routes.length).toBeGreaterThan(80);
    const anonymous = new Client(ctx.app);
    let json = 0;
    for (const route of routes) {
      const url = route.url.replace(/:[A-Za-z]+/g, '1');
      for (const [who, client] of [
        ['anonymous', anonymous],
        ['staff', staff],
      ] as const) {
        const res = await client.get(url);
        const what = `${who} GET ${url} → ${res.statusCode}`;
        expect(res.statusCode, what).toBeLessThan(500);
        expectSecurityHeaders(res, what);
        if (String(res.headers['content-type'] ?? '').startsWith('application/json')) {
          json += 1;
          expect(String(res.headers['cache-control']), what).toMatch(/no-store/);
        }
      }
    }
    expect(json).toBeGreaterThan(routes.length);
    recordFigure('headers', { dialect, getRoutes: routes.length, answers: routes.length * 2, jsonAnswers: json });
    // Answers that no route makes: an unknown API path, a page of the web app, a refused change.
    for (const res of [
      await staff.get('/api/no-such-thing'),
      await anonymous.get('/people'),
      await staff.request('POST', '/api/periods', {}, { 'x-csrf-token': 'forged' }),
    ]) {
      expectSecurityHeaders(res, `${res.statusCode}`);
    }
  });

  it('audits every 403 under the route as matched, whoever decided it; a signed-out 401 is not recorded', async () => {
    const mentee = await signedIn(ctx, ['mentee']);
    const denied = () =>
      ctx.deps.db
        .selectFrom('audit_log')
        .select(['actor_id', 'entity_id', 'details'])
        .where('action', '=', 'access.denied')
        .orderBy('id')
        .execute();
    const before = (await denied()).length;

    // A role the route does not allow, by two spellings of the same path.
    expect((await mentee.client.get('/api/outbox')).statusCode).toBe(403);
    expect((await mentee.client.get('/%61pi/outbox')).statusCode).toBe(403);
    // A change without the session's CSRF token.
    const forged = await mentee.client.request('POST', '/api/me/calendar-feed', {}, { 'x-csrf-token': 'not-the-token' });
    expect(forged.statusCode).toBe(403);
    // Signed out: 401, not recorded.
    expect((await new Client(ctx.app).get('/api/outbox')).statusCode).toBe(401);

    const rows = (await denied()).slice(before);
    expect(rows.map((r) => [r.actor_id, r.entity_id, JSON.parse(r.details).code])).toEqual([
      [mentee.id, 'GET /api/outbox', 'FORBIDDEN'],
      [mentee.id, 'GET /api/outbox', 'FORBIDDEN'],
      [mentee.id, 'POST /api/me/calendar-feed', 'CSRF_INVALID'],
    ]);
    expect(JSON.parse(rows[1]?.details ?? '{}').path).toBe('/%61pi/outbox');
    recordFigure('audit-403', { dialect, refused: 3, audited: rows.length, anonymous401Audited: 0 });
  });

  it('writes every log entry as one line of JSON, whatever line breaks the input carries', async () => {
    const chunks: string[] = [];
    const app = await buildApp(
      { ...ctx.deps, log: pino({ level: 'silent' }) },
      {
        logger: { level: 'trace', redact: redactPaths, serializers: logSerializers, stream: { write: (l: string) => void chunks.push(l) } },
      },
    );
    try {
      const forgedLine = '\n{"level":60,"msg":"forged"}\r\n';
      const client = new Client(app);
      await client.get(`/api/faq?q=${encodeURIComponent(forgedLine)}`);
      await client.get(`/api/${encodeURIComponent(forgedLine)}`);
      await client.post('/api/auth/login', { email: `a${forgedLine}@example.org`, password: forgedLine });
      await client.post('/api/applications', { name: forgedLine });
      const person = await createPerson(ctx.deps, ['mentee'], 'Line Breaker');
      await client.signIn(person.email, `wrong${forgedLine}`);
      expect(chunks.length).toBeGreaterThan(5);
      for (const chunk of chunks) {
        expect(chunk.endsWith('\n')).toBe(true);
        expect(chunk.slice(0, -1)).not.toMatch(/[\r\n]/);
        const entry = JSON.parse(chunk) as { msg?: string };
        expect(entry.msg).not.toBe('forged');
      }
      recordFigure('log-lines', { dialect, entries: chunks.length, split: 0 });
    } finally {
      await app.close();
    }
  });
});
