import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { OPEN_DATES } from '../fixtures/applications/helpers.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { snapshotDatabase } from '../setup/database-snapshot.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { recordFigure } from '../setup/figures.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
}

/** A value of another type than the schema asks for (strings get a number, everything else a string or an object). */
function wrongTypeFor(schema: JsonSchema | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === 'string') return 12345;
  if (type === 'number' || type === 'integer' || type === 'boolean' || type === 'array') return 'not-the-right-type';
  return { not: ['the', 'right', 'type'] };
}

/**
 * Issue #15 item 1: every operation in the OpenAPI document, sent malformed in every way a
 * careless or hostile client could, by staff (who pass every role check, so the input is what is
 * judged) and by someone signed out: never a 5xx, every refusal `{code, message}`, and the
 * database exactly as it was (the audit entries of refusals aside).
 */
describeEachDialect('malformed input on every operation', (db, dialect) => {
  let ctx: TestContext;
  let staff: Client;
  let matchId: number;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    const period = await staff.post('/api/periods', { name: 'Sweep period', ...OPEN_DATES });
    const mentee = await signedIn(ctx, ['mentee']);
    matchId = (await createTestMatch(ctx.deps, { periodId: (period.json() as { id: number }).id, menteeId: mentee.id })).id;
  });
  afterAll(() => ctx.close());

  /** The database as a checksum would see it, less what refusals are meant to write (their audit entries). */
  const state = async () => {
    const snapshot = await snapshotDatabase(ctx.deps.db);
    snapshot['audit_log'] = (snapshot['audit_log'] ?? []).filter((row) => !row.includes('"access.denied"'));
    return snapshot;
  };

  it('never answers 5xx, always says {code, message}, and changes nothing', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    const before = await state();
    const anonymous = new Client(ctx.app);
    const wrong: string[] = [];
    let sent = 0;
    let operations = 0;
    const check = (what: string, res: LightMyRequestResponse, mustRefuse: boolean) => {
      sent += 1;
      let body: { code?: unknown; message?: unknown } = {};
      try {
        body = res.json();
      } catch {
        // not JSON: reported below
      }
      if (res.statusCode >= 500) wrong.push(`${what}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      else if (res.statusCode >= 400 && (typeof body.code !== 'string' || typeof body.message !== 'string')) {
        wrong.push(`${what}: ${res.statusCode} without {code, message}: ${res.body.slice(0, 160)}`);
      } else if (mustRefuse && res.statusCode < 400) wrong.push(`${what}: accepted (${res.statusCode})`);
    };

    for (const [path, ops] of Object.entries(doc.paths)) {
      if (path.startsWith('/api/docs')) continue;
      const fill = (id: string) =>
        path
          .replace(/\{token\}/g, 'x'.repeat(43))
          .replace(/\{kind\}/g, 'recording')
          .replace(/\{[^}]+\}/g, id);
      const url = fill(String(matchId));
      for (const [lower, op] of Object.entries(ops)) {
        operations += 1;
        const method = lower.toUpperCase() as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
        const hasBody = method !== 'GET' && method !== 'DELETE';
        const schema = op.requestBody?.content?.['application/json']?.schema;
        const fields = Object.entries(schema?.properties ?? {});
        const send = (client: Client, u: string, body?: unknown) => client.request(method, u, hasBody ? (body ?? {}) : undefined);
        const raw = (payload: string | Buffer) =>
          ctx.app.inject({
            method,
            url,
            payload,
            headers: { 'content-type': 'application/json', cookie: staff.cookieHeader(), 'x-csrf-token': staff.csrfToken ?? '' },
          });

        // Odd ids in the path: zero, negative, text, a float, too big, a percent-encoded NUL.
        if (path.includes('{')) {
          for (const id of ['0', '-1', 'abc', '1.5', '99999999999999999999', '%00', '%E2%80%AE']) {
            check(`${method} ${fill(id)} (odd id)`, await send(staff, fill(id)), false);
          }
        }
        // Odd query strings: repeated, too long, not UTF-8, a prototype key.
        const queries = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        for (const q of queries) {
          for (const value of [`${q}=a&${q}=b`, `${q}=${'9'.repeat(5000)}`, `${q}=%FF%FE`, `${q}=-1`, `__proto__[x]=1&${q}=1`]) {
            check(`${method} ${url}?${value.slice(0, 40)}`, await send(staff, `${url}?${value}`), false);
          }
        }
        // A route that takes no body (sign out, turn the calendar feed on) ignores one: there is no
        // malformed body to send it, only someone signed out.
        if (!hasBody || !schema) {
          check(`${method} ${url} (signed out)`, await send(anonymous, url), false);
          continue;
        }
        const malformed: [string, () => Promise<LightMyRequestResponse>][] = [
          ['a JSON string', () => send(staff, url, 'just a string')],
          ['a JSON array', () => send(staff, url, [1, 2, 3])],
          ['JSON null', () => raw('null')],
          ['broken JSON', () => raw('{"a": ')],
          ['not UTF-8', () => raw(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]))],
          ['a __proto__ key', () => raw('{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}')],
          ['1 MB of text', () => send(staff, url, { [fields[0]?.[0] ?? 'text']: 'x'.repeat(1_000_000) })],
          ['signed out', () => send(anonymous, url, {})],
        ];
        if ((schema?.required ?? []).length > 0) {
          malformed.push(['no fields', () => send(staff, url, {})]);
          malformed.push(['an unknown field only', () => send(staff, url, { surelyNotAField: 1 })]);
        }
        for (const [field, fieldSchema] of fields) {
          malformed.push([`${field} of the wrong type`, () => send(staff, url, { [field]: wrongTypeFor(fieldSchema) })]);
        }
        for (const [what, attempt] of malformed) {
          const mustRefuse = what !== 'signed out';
          check(`${method} ${url} (${what})`, await attempt(), mustRefuse);
        }
      }
    }
    // The sweep ran signed in to the end: no route it sent garbage to ended the session.
    expect(((await staff.get('/api/me')).json() as { user: unknown }).user).not.toBeNull();
    recordFigure('bad-input', { dialect, operations, requests: sent, failures: wrong.length });
    expect(operations).toBeGreaterThan(150);
    expect(wrong).toEqual([]);
    expect(await state()).toEqual(before);
  });
});
