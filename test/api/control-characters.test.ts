import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findForbiddenText } from '../../src/http/text-validator.ts';
import { OPEN_DATES } from '../fixtures/applications/helpers.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { snapshotDatabase } from '../setup/database-snapshot.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

const NUL = 'a\u0000b';

describe('finding text no field may hold', () => {
  it('finds it in values and keys at any depth, and names where', () => {
    expect(findForbiddenText({ a: 'fine', b: [{ c: 'x\u0000' }] })).toEqual({ path: 'b.0.c', character: 'U+0000' });
    expect(findForbiddenText({ ['k\u0007']: 1 })).toEqual({ path: 'k\u0007', character: 'U+0007' });
    expect(findForbiddenText('lone \uD800 half')).toEqual({ path: '', character: 'U+D800' });
    expect(findForbiddenText({ text: 'tabs\tand\nlines\r\nand emoji 😀 and 漢字' })).toBeUndefined();
    expect(findForbiddenText({ n: 1, t: true, z: null })).toBeUndefined();
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = 'x\u001b';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findForbiddenText(deep)?.character).toBe('U+001B');
  });
});

describeEachDialect('control characters are refused with a clear 400 on every route', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let mentee: Client;
  let matchId: number;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    const period = await staff.post('/api/periods', { name: 'Control period', ...OPEN_DATES });
    const menteePerson = await signedIn(ctx, ['mentee']);
    mentee = menteePerson.client;
    matchId = (await createTestMatch(ctx.deps, { periodId: (period.json() as { id: number }).id, menteeId: menteePerson.id })).id;
  });
  afterAll(() => ctx.close());

  const expectRefused = (res: { statusCode: number; json(): unknown }, path: string) => {
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path, message: expect.stringContaining('U+0000') }] });
    expect((res.json() as { message: string }).message).toContain(path);
  };

  // Each of these was stored by SQLite and answered 500 by PostgreSQL before.
  const cases: { name: string; send: () => Promise<{ statusCode: number; json(): unknown }>; path: string }[] = [
    { name: 'an FAQ question', send: () => staff.post('/api/faq', { question: NUL, answer: 'An answer.' }), path: 'question' },
    { name: 'a program goal', send: () => staff.post('/api/program-goals', { title: NUL, description: 'Why.' }), path: 'title' },
    { name: 'an activity', send: () => staff.post('/api/activities', { title: 'Mock interview', description: NUL }), path: 'description' },
    { name: 'a setting', send: () => staff.patch('/api/settings', { programName: NUL }), path: 'programName' },
    { name: 'a period name', send: () => staff.post('/api/periods', { name: NUL, ...OPEN_DATES }), path: 'name' },
    {
      name: 'a resource link',
      send: () =>
        staff.post('/api/resources', { kind: 'link', title: 'Guide', audience: 'everyone', topic: NUL, url: 'https://example.org/guide' }),
      path: 'topic',
    },
    {
      name: 'an invitation',
      send: () => staff.post('/api/invitations', { email: 'nul@example.org', name: NUL, roles: ['mentee'] }),
      path: 'name',
    },
    { name: 'an outbox search', send: () => staff.get('/api/outbox?to=%00'), path: 'to' },
    { name: 'a contact note', send: () => mentee.post(`/api/matches/${matchId}/contacts`, { channel: 'email', note: NUL }), path: 'note' },
    {
      name: 'a goal sheet',
      send: () =>
        mentee.request('PUT', `/api/matches/${matchId}/goal-sheet`, {
          baseRevision: 0,
          content: {
            goals: [{ title: 'Plan', programGoalIds: [1], activities: NUL, successMeasure: '', targetDate: null }],
            communication: { channels: [], cadence: '' },
          },
        }),
      path: 'content.goals.0.activities',
    },
    {
      name: 'an application answer',
      send: () => mentee.post('/api/applications', { periodId: 1, role: 'mentee', answers: { hopes: NUL } }),
      path: 'answers.hopes',
    },
  ];

  it.each(cases.map((c) => [c.name, c] as const))('refuses %s and writes nothing', async (_name, c) => {
    const before = await snapshotDatabase(ctx.deps.db);
    expectRefused(await c.send(), c.path);
    expect(await snapshotDatabase(ctx.deps.db)).toEqual(before);
  });

  it('refuses a control character in any field of every JSON body and any query parameter in the API document', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
            parameters?: { in: string; name: string }[];
          }
        >
      >;
    };
    const before = await snapshotDatabase(ctx.deps.db);
    const wrong: string[] = [];
    let tried = 0;
    for (const [path, operations] of Object.entries(doc.paths)) {
      const url = path
        .replace(/\{token\}/g, 'x'.repeat(43))
        .replace(/\{kind\}/g, 'recording')
        .replace(/\{[^}]+\}/g, String(matchId));
      for (const [method, op] of Object.entries(operations)) {
        const fields = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {});
        const queries = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const attempts = [
          ...fields.map((field) => ({ field, url, body: { [field]: '\u0000' } as unknown })),
          ...queries.map((field) => ({ field, url: `${url}?${field}=%00`, body: undefined as unknown })),
        ];
        for (const attempt of attempts) {
          tried += 1;
          const res = await staff.request(method.toUpperCase() as 'POST', attempt.url, attempt.body);
          const json = res.json() as { code?: string; details?: { path: string; message: string }[] };
          const refused =
            res.statusCode === 400 &&
            json.code === 'VALIDATION_FAILED' &&
            json.details?.[0]?.path === attempt.field &&
            json.details[0].message.includes('U+0000');
          if (!refused) wrong.push(`${method.toUpperCase()} ${attempt.url} ${attempt.field}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(tried).toBeGreaterThan(80);
    expect(wrong).toEqual([]);
    expect(await snapshotDatabase(ctx.deps.db)).toEqual(before);
  });

  it('refuses one in an uploaded file’s form fields', async () => {
    const boundary = '----tandem';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body =
      part('kind', 'document') +
      part('title', NUL) +
      part('audience', 'everyone') +
      part('topic', 'Guides') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 hello\r\n--${boundary}--\r\n`;
    const before = await snapshotDatabase(ctx.deps.db);
    const res = await staff.request('POST', '/api/resources/upload', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('U+0000') });
    expect(await snapshotDatabase(ctx.deps.db)).toEqual(before);
  });
});
