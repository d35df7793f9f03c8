import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitForFileImport } from '../../src/features/applications/application-imports.service.ts';
import { insertImport } from '../../src/features/applications/application-imports.store.ts';
import type { ApplicationImport, ApplicationImportSummary } from '../../src/shared/api/application-imports.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';
import { applicationsInPeriod, createPeriod } from '../fixtures/applications/helpers.ts';
import { csv, HEADER, row } from '../fixtures/applications/import-csv.ts';

describeEachDialect('background CSV import of applications', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let periodId: number;
  const send = (file: string | Buffer, query: string, into = periodId, type = 'text/csv', as = staff) =>
    as.request('POST', `/api/periods/${into}/application-imports?${query}`, file, { 'content-type': type });
  /** Sends the file, waits for the worker to finish, and reads the import as the page would. */
  const importFile = async (file: string | Buffer, query: string): Promise<ApplicationImport> => {
    const res = await send(file, query);
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<ApplicationImport>();
    expect(started.status).toBe('running');
    await waitForFileImport(ctx.deps, started.id);
    const read = await staff.get(`/api/application-imports/${started.id}`);
    expect(read.statusCode, read.body).toBe(200);
    return read.json<ApplicationImport>();
  };
  const applicationCount = (pid = periodId) => applicationsInPeriod(ctx.deps.db, pid);

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    periodId = await createPeriod(staff, 'Big import period');
  });
  afterAll(() => ctx.close());

  it('previews a file in the background, listing only the rows with problems, and writes nothing', async () => {
    const done = await importFile(
      csv(row('p1@example.org'), row('p2@example.org', { region: 'Atlantis' }), row('p3@example.org')),
      'mode=preview',
    );
    expect(done).toMatchObject({ status: 'done', mode: 'preview', progress: null, error: null });
    expect(done.result).toMatchObject({ counts: { total: 3, good: 2, bad: 1, imported: 0 }, imported: false, unmapped: [] });
    expect(done.result?.rows).toEqual([
      expect.objectContaining({ line: 3, email: 'p2@example.org', errors: [expect.objectContaining({ field: 'region' })] }),
    ]);
    expect(done.finishedAt).not.toBeNull();
    expect(await applicationCount()).toBe(0);
  });

  it('imports more rows than the small import takes, with accounts for new people, in one audited write', async () => {
    const rows = 12_000;
    // Rows that differ in more than the address, so that values put in the wrong row or column show.
    const lines = Array.from({ length: rows }, (_, i) =>
      row(`big${i}@example.org`, { name: `Big ${i}`, years_experience: String(i % 41) }),
    );
    const done = await importFile(csv(...lines), 'mode=good-rows');
    expect(done.status, JSON.stringify(done.error)).toBe('done');
    expect(done.result).toMatchObject({ counts: { total: rows, good: rows, bad: 0, imported: rows }, imported: true, rows: [] });
    expect(await applicationCount()).toBe(rows);
    // Kept by the worker with the rows (its time is the start plus what it took); the main thread,
    // on this test's fixed clock, would have written the start itself.
    expect(Date.parse(done.finishedAt ?? '')).toBeGreaterThan(Date.parse(done.createdAt));
    const people = await ctx.deps.db.selectFrom('users').select(['name', 'password_hash']).where('email', 'like', 'big%').execute();
    expect(people).toHaveLength(rows);
    expect(people.every((p) => p.password_hash === null)).toBe(true);
    for (const i of [0, 499, 500, 7_777, rows - 1]) {
      const stored = await ctx.deps.db
        .selectFrom('applications as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select([
          'u.name',
          'a.role',
          'a.status',
          'a.years_experience',
          'a.region',
          'a.country',
          'a.interests',
          'a.program_goal_ids',
          'a.meet_in_person',
        ])
        .where('u.email', '=', `big${i}@example.org`)
        .executeTakeFirstOrThrow();
      expect(stored).toMatchObject({
        name: `Big ${i}`,
        role: 'mentee',
        status: 'submitted',
        years_experience: i % 41,
        region: 'US-ME',
        country: 'US',
      });
      expect([JSON.parse(stored.interests), JSON.parse(stored.program_goal_ids), Boolean(stored.meet_in_person)]).toEqual([
        ['Storytime', 'Outreach'],
        [1, 2],
        true,
      ]);
    }
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'applications.imported')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.details ?? '{}')).toMatchObject({ mode: 'good-rows', rows, imported: rows, accountsCreated: rows });
  });

  it('all or nothing: one bad row and nothing is written; someone already in Tandem keeps their account', async () => {
    const existing = await signedIn(ctx, ['mentee']);
    const email = existing.email;
    const bad = await importFile(
      csv(row(email, { role: 'mentor', capacity: '2' }), row('aon@example.org', { interests: '' })),
      'mode=all-or-nothing',
    );
    expect(bad.result).toMatchObject({ counts: { good: 1, bad: 1, imported: 0 }, imported: false });
    const good = await importFile(csv(row(email, { role: 'mentor', capacity: '2' })), 'mode=all-or-nothing');
    expect(good.result).toMatchObject({ counts: { good: 1, imported: 1 }, imported: true });
    const accounts = await ctx.deps.db.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(accounts).toEqual([{ id: existing.id }]);
    const again = await importFile(csv(row(email, { role: 'mentor', capacity: '2' })), 'mode=all-or-nothing');
    expect(again.result?.rows[0]?.errors[0]?.message).toMatch(/already applied/);
  });

  it('takes a mapping for odd headings, and refuses one that is not JSON or names no field', async () => {
    const odd = csv(row('m1@example.org')).replace(/^email,name,/, 'Contact,Person,');
    const unmapped = await importFile(odd, 'mode=preview');
    expect(unmapped.result?.unmapped).toEqual(['email', 'name']);
    const mapping = encodeURIComponent(JSON.stringify({ ...unmapped.result?.mapping, email: 'Contact', name: 'Person' }));
    const mapped = await importFile(odd, `mode=preview&mapping=${mapping}`);
    expect(mapped.result).toMatchObject({ unmapped: [], counts: { good: 1 } });
    for (const bad of ['{not json', JSON.stringify({ nickname: 'Person' }), JSON.stringify({ email: 3 })]) {
      const res = await send(odd, `mode=preview&mapping=${encodeURIComponent(bad)}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('INVALID_MAPPING');
    }
  });

  it('fails an import whose file cannot be read as CSV, saying why', async () => {
    const done = await importFile(`${HEADER}\n"unclosed,quote\n`, 'mode=preview');
    expect(done).toMatchObject({ status: 'failed', result: null, error: { code: 'CSV_MALFORMED' } });
  });

  it('answers bad requests at once with a clear code, and writes no import for them', async () => {
    const before = await ctx.deps.db.selectFrom('application_imports').select('id').execute();
    const cases: [Promise<{ statusCode: number; json: () => { code: string; message: string } }>, number, string][] = [
      [send(Buffer.from([0xff, 0xfe, 0x41]), 'mode=preview'), 422, 'CSV_NOT_UTF8'],
      [send('\n\n', 'mode=preview'), 422, 'CSV_EMPTY'],
      [send(csv(row('x@example.org')), 'mode=everything'), 400, 'VALIDATION_FAILED'],
      [send(csv(row('x@example.org')), 'mode=preview', 999_999), 404, 'NOT_FOUND'],
      [send(JSON.stringify({ fileBase64: 'eA==' }), 'mode=preview', periodId, 'application/json'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [send(csv(row('x@example.org')), 'mode=preview', periodId, 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      if (status === 415) expect(res.json().message).toMatch(/text\/csv/);
    }
    expect(await ctx.deps.db.selectFrom('application_imports').select('id').execute()).toEqual(before);
    expect((await staff.get('/api/application-imports/999999')).statusCode).toBe(404);
    expect((await staff.get('/api/application-imports/abc')).statusCode).toBe(400);
  });

  it('with an Idempotency-Key, the same file again gets the same import; another mode with that key is refused', async () => {
    const file = csv(row('idem@example.org'));
    const key = { 'content-type': 'text/csv', 'idempotency-key': 'file-import-0001' };
    const first = await staff.request('POST', `/api/periods/${periodId}/application-imports?mode=preview`, file, key);
    expect(first.statusCode, first.body).toBe(202);
    await waitForFileImport(ctx.deps, first.json<ApplicationImport>().id);
    const again = await staff.request('POST', `/api/periods/${periodId}/application-imports?mode=preview`, file, key);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json<ApplicationImport>().id).toBe(first.json<ApplicationImport>().id);
    const otherMode = await staff.request('POST', `/api/periods/${periodId}/application-imports?mode=good-rows`, file, key);
    expect(otherMode.statusCode).toBe(422);
    expect(otherMode.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    const otherFile = await staff.request(
      'POST',
      `/api/periods/${periodId}/application-imports?mode=preview`,
      csv(row('idem2@example.org')),
      key,
    );
    expect(otherFile.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('runs two imports at once, and answers a third with 409 until one is done', async () => {
    const big = (tag: string) => csv(...Array.from({ length: 30_000 }, (_, i) => row(`${tag}${i}@example.org`)));
    const first = await send(big('busy-a'), 'mode=preview');
    const second = await send(big('busy-b'), 'mode=preview');
    const third = await send(csv(row('busy-c@example.org')), 'mode=preview');
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([202, 202, 409]);
    expect(third.json().code).toBe('IMPORTS_BUSY');
    await waitForFileImport(ctx.deps, first.json<ApplicationImport>().id);
    await waitForFileImport(ctx.deps, second.json<ApplicationImport>().id);
    // Sent together, each one's place is taken before anything is awaited: no third slips in.
    const together = await Promise.all(['busy-d', 'busy-e', 'busy-f'].map((tag) => send(csv(row(`${tag}@example.org`)), 'mode=preview')));
    expect(together.map((r) => r.statusCode).sort()).toEqual([202, 202, 409]);
    for (const started of together.filter((r) => r.statusCode === 202))
      await waitForFileImport(ctx.deps, started.json<ApplicationImport>().id);
    const later = await send(csv(row('busy-c@example.org')), 'mode=preview');
    expect(later.statusCode).toBe(202);
    await waitForFileImport(ctx.deps, later.json<ApplicationImport>().id);
  });

  it('stops with the server: the import is marked interrupted and nothing of it is written', async () => {
    const own = await buildTestApp(db());
    try {
      const client = (await signedIn(own, ['staff'])).client;
      const lines = Array.from({ length: 30_000 }, (_, i) => row(`stop${i}@example.org`));
      const res = await client.request('POST', `/api/periods/${periodId}/application-imports?mode=good-rows`, csv(...lines), {
        'content-type': 'text/csv',
      });
      expect(res.statusCode, res.body).toBe(202);
      const id = res.json<ApplicationImport>().id;
      await own.close();
      const stored = await ctx.deps.db.selectFrom('application_imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ status: 'failed', error_code: 'INTERRUPTED' });
      const written = await ctx.deps.db.selectFrom('users').select('id').where('email', 'like', 'stop%').execute();
      expect(written).toEqual([]);
    } finally {
      await own.close().catch(() => undefined);
    }
  });

  it('reports an import whose server stopped saying it is alive as interrupted, a minute after its last word', async () => {
    const at = (secondsAgo: number) => new Date(ctx.clock.now().getTime() - secondsAgo * 1000).toISOString();
    const made = async (heartbeatSecondsAgo: number) => {
      const row = await insertImport(ctx.deps.db, { periodId, createdBy: 1, mode: 'good-rows', fileBytes: 100, at: at(3600) });
      await ctx.deps.db
        .updateTable('application_imports')
        .set({ heartbeat_at: at(heartbeatSecondsAgo) })
        .where('id', '=', row.id)
        .execute();
      return (await staff.get(`/api/application-imports/${row.id}`)).json<ApplicationImport>();
    };
    expect(await made(30)).toMatchObject({ status: 'running', progress: null, error: null });
    expect(await made(90)).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' } });
  });

  it("lists a period's latest imports, newest first, without their rows, and forgets those past 90 days", async () => {
    const listed = async (pid = periodId) => {
      const res = await staff.get(`/api/periods/${pid}/application-imports`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ imports: ApplicationImportSummary[] }>().imports;
    };
    const other = await createPeriod(staff, 'Quiet import period');
    expect(await listed(other)).toEqual([]);

    // Made 91 days ago: the next import to start forgets it.
    const old = await insertImport(ctx.deps.db, {
      periodId: other,
      createdBy: 1,
      mode: 'preview',
      fileBytes: 10,
      at: new Date(ctx.clock.now().getTime() - 91 * 24 * 3600 * 1000).toISOString(),
    });
    expect((await listed(other)).map((i) => i.id)).toEqual([old.id]);
    const res = await send(csv(row('list1@example.org'), row('list2@example.org', { region: 'Atlantis' })), 'mode=preview', other);
    const checked = res.json<ApplicationImport>();
    await waitForFileImport(ctx.deps, checked.id);
    const [latest, ...rest] = await listed(other);
    expect(rest).toEqual([]);
    expect(latest).toMatchObject({
      id: checked.id,
      periodId: other,
      mode: 'preview',
      status: 'done',
      counts: { total: 2, good: 1, bad: 1, imported: 0 },
      unmapped: [],
      createdBy: { name: expect.any(String) },
      error: null,
    });
    expect(latest).not.toHaveProperty('result');

    // The busiest period lists its ten latest, newest first.
    const busy = await listed();
    expect(busy.length).toBe(10);
    expect(busy.map((i) => i.id)).toEqual([...busy.map((i) => i.id)].sort((a, b) => b - a));

    const unknown = await staff.get('/api/periods/999999/application-imports');
    expect(unknown.statusCode).toBe(404);
  });

  it('is for staff and the committee only, and needs the CSRF token', async () => {
    const participant = (await signedIn(ctx, ['mentee'])).client;
    const res = await send(csv(row('y@example.org')), 'mode=preview', periodId, 'text/csv', participant);
    expect(res.statusCode).toBe(403);
    const started = await send(csv(row('z@example.org')), 'mode=preview');
    const id = started.json<ApplicationImport>().id;
    await waitForFileImport(ctx.deps, id);
    expect((await participant.get(`/api/application-imports/${id}`)).statusCode).toBe(403);
    const token = staff.csrfToken;
    staff.csrfToken = undefined;
    try {
      expect((await send(csv(row('z2@example.org')), 'mode=preview')).statusCode).toBe(403);
    } finally {
      staff.csrfToken = token;
    }
  });
});
