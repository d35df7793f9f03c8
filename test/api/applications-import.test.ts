import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';
import { answers, base64, applicationsInPeriod, createPeriod } from '../fixtures/applications/helpers.ts';
import { APPLICATION_COLUMNS } from '../../src/features/exports/applications-csv.ts';
import { csv, HEADER, manyRows, row } from '../fixtures/applications/import-csv.ts';

/** Counts the answers the app gets from its database. */
let databaseAnswers = 0;
const countAnswers: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    databaseAnswers += 1;
    return args.result;
  },
};
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describeEachDialect('applications CSV import and export', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let periodId: number;
  const importCsv = (text: string | Buffer, mode: string, extra: Record<string, unknown> = {}, into = periodId) =>
    staff.post(`/api/periods/${into}/applications/import`, { fileBase64: base64(text), mode, ...extra });
  const applicationCount = (pid = periodId) => applicationsInPeriod(ctx.deps.db, pid);

  /**
   * Imports `file` in preview while asking GET /api/health over and over, one turn of the event loop
   * apart, and counts the health checks answered after the import's last database answer and
   * before the import's own. Before that last answer the import waits for the database, when any
   * server answers; after it, only a server that parses and checks the file in slices does.
   */
  const importWithHealthChecks = async (file: string) => {
    let importing = true;
    const answersSeen: number[] = [];
    const healthChecks = (async () => {
      while (importing) {
        await nextTurn();
        const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
        expect(res.statusCode).toBe(200);
        if (importing) answersSeen.push(databaseAnswers);
      }
    })();
    const res = await importCsv(file, 'preview').finally(() => {
      importing = false;
    });
    const lastAnswer = databaseAnswers;
    await healthChecks;
    return { res, answeredWhileParsing: answersSeen.filter((n) => n === lastAnswer).length };
  };

  beforeAll(async () => {
    ctx = await buildTestApp({ ...db(), db: db().db.withPlugin(countAnswers) });
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    periodId = await createPeriod(staff, 'Import period');
  });
  afterAll(() => ctx.close());

  it('previews with automatic mapping and writes nothing', async () => {
    const res = await importCsv(csv(row('a@example.org'), row('b@example.org', { role: 'Mentor', capacity: '2' })), 'preview');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.unmapped).toEqual([]);
    expect(body.mapping.email).toBe('email');
    expect(body.counts).toEqual({ total: 2, good: 2, bad: 0, imported: 0 });
    expect(body.imported).toBe(false);
    expect(body.rows.map((r: { line: number }) => r.line)).toEqual([2, 3]);
    expect(await applicationCount()).toBe(0);
  });

  it('maps friendly headings by itself, and odd ones as staff choose', async () => {
    const friendly = [
      'E-mail,Full Name,Applying as,Library type,Years of experience,Stage,Region,Time zone,Interests,Goals,Channels,In person,Languages,Nickname',
      'c@example.org,Cee Example,mentee,school,0,student,US-NY,America/New_York,Books,3,chat,no,English;French,Cee',
    ].join('\n');
    const auto = (await importCsv(friendly, 'preview')).json();
    expect(auto.mapping).toMatchObject({
      email: 'E-mail',
      name: 'Full Name',
      workplace_type: 'Library type',
      years_experience: 'Years of experience',
    });
    expect(auto).toMatchObject({ unmapped: [], counts: { good: 1, bad: 0 } });

    const odd = friendly.replace('E-mail,Full Name', 'Contact,Person');
    const unmapped = (await importCsv(odd, 'preview')).json();
    expect(unmapped.unmapped).toEqual(['email', 'name']);
    expect(unmapped.rows).toEqual([]);
    const mapping = { ...unmapped.mapping, email: 'Contact', name: 'Person' };
    const explicit = await importCsv(odd, 'preview', { mapping });
    expect(explicit.json()).toMatchObject({
      unmapped: [],
      counts: { good: 1, bad: 0 },
      rows: [{ email: 'c@example.org', name: 'Cee Example' }],
    });
    const unknown = await importCsv(odd, 'preview', { mapping: { ...mapping, hopes: 'Dreams' } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('CSV_UNKNOWN_HEADING');
  });

  it('reports a missing required column as unmapped', async () => {
    const res = await importCsv('email,name\nx@example.org,X\n', 'all-or-nothing');
    expect(res.statusCode).toBe(200);
    expect(res.json().unmapped).toEqual(expect.arrayContaining(['role', 'interests', 'program_goals']));
    expect(res.json().imported).toBe(false);
  });

  it('all-or-nothing: one bad row means nothing is written, and the row is named by its line', async () => {
    const file = csv(
      row('d@example.org'),
      row('e@example.org', { years_experience: 'many', program_goals: '1;999' }),
      row('f@example.org'),
    );
    const res = await importCsv(file, 'all-or-nothing');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ imported: false, counts: { total: 3, good: 2, bad: 1, imported: 0 } });
    const bad = body.rows.find((r: { errors: unknown[] }) => r.errors.length > 0);
    expect(bad.line).toBe(3);
    expect(bad.errors.map((e: { field: string }) => e.field)).toEqual(['years_experience']);
    expect(bad.errors[0].message).toBe('Use a whole number of years from 0 to 70.');
    expect(await applicationCount()).toBe(0);
  });

  it('good-rows: writes the good rows, creates accounts without a password and sends no e-mail', async () => {
    const outboxBefore = Number(
      (
        await ctx.deps.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const file = csv(
      row('g@example.org', { name: 'Gee Good' }),
      row('h@example.org', { program_goals: '1;999' }),
      row('g@example.org', { name: 'Gee Twice' }),
      row('i@example.org', { role: 'mentor', channels: 'email;carrier pigeon' }),
    );
    const res = await importCsv(file, 'good-rows');
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ imported: true, counts: { total: 4, good: 1, bad: 3, imported: 1 } });
    const errorsByLine = Object.fromEntries(
      body.rows.map((r: { line: number; errors: { field: string }[] }) => [r.line, r.errors.map((e) => e.field)]),
    );
    expect(errorsByLine).toEqual({ 2: [], 3: ['program_goals'], 4: ['email'], 5: ['channels'] });
    const user = await ctx.deps.db
      .selectFrom('users')
      .select(['name', 'password_hash'])
      .where('email', '=', 'g@example.org')
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ name: 'Gee Good', password_hash: null });
    expect(await applicationCount()).toBe(1);
    const outboxAfter = Number(
      (
        await ctx.deps.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(outboxAfter).toBe(outboxBefore);
    // Already applied in this period: a row error the next time.
    const again = (await importCsv(csv(row('g@example.org')), 'preview')).json();
    expect(again.rows[0].errors[0].message).toMatch(/already applied/);
  });

  it('takes program goals by title (any case, spaces around) as well as by id, and names a title it does not know', async () => {
    const goals = await ctx.deps.db.selectFrom('program_goals').select(['id', 'title']).orderBy('position').limit(2).execute();
    const [first, second] = goals;
    if (!first || !second) throw new Error('the program has no goals');
    // A period of its own: the export test below counts what this one holds.
    const into = await createPeriod(staff, 'Goals by title');
    const byTitle = `  ${first.title.toUpperCase()} ;${second.id}`;
    const res = await importCsv(
      csv(
        row('titles@example.org', { program_goals: `"${byTitle}"` }),
        row('typo@example.org', { program_goals: `"${first.title}; Underwater basket weaving"` }),
      ),
      'good-rows',
      {},
      into,
    );
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.counts).toEqual({ total: 2, good: 1, bad: 1, imported: 1 });
    expect(body.rows[1]).toMatchObject({
      line: 3,
      errors: [{ field: 'program_goals', message: expect.stringContaining('The program has no goal called "Underwater basket weaving"') }],
    });
    const stored = await ctx.deps.db
      .selectFrom('applications')
      .innerJoin('users', 'users.id', 'applications.user_id')
      .select('applications.program_goal_ids')
      .where('users.email', '=', 'titles@example.org')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.program_goal_ids)).toEqual([first.id, second.id]);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from(row('j@example.org', { name: 'Ren\u00e9e' }) + '\n', 'latin1')]);
    const res = await importCsv(latin1, 'preview');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('CSV_NOT_UTF8');
  });

  it('accepts a BOM, CRLF line ends and a quoted cell spanning lines, keeping line numbers physical', async () => {
    const file =
      '\uFEFF' +
      [HEADER, row('k@example.org', { hopes: '"Line one\r\nline two"' }), row('l@example.org', { years_experience: 'x' })].join('\r\n') +
      '\r\n';
    const body = (await importCsv(file, 'preview')).json();
    expect(body.headings[0]).toBe('email');
    expect(body.rows.map((r: { line: number; errors: unknown[] }) => [r.line, r.errors.length])).toEqual([
      [2, 0],
      [4, 1],
    ]);
  });

  it('keeps answering other requests while it reads and checks 5,000 rows', async () => {
    const { res, answeredWhileParsing } = await importWithHealthChecks(csv(...manyRows(5000, 'busy')));
    expect(res.statusCode).toBe(200);
    expect(res.json().counts).toEqual({ total: 5000, good: 5000, bad: 0, imported: 0 });
    expect(res.json().rows.at(-1).line).toBe(5001);
    // Parsing and checking in slices gives the event loop well over a hundred turns here; a server
    // that does it in one go answers nothing until it is done.
    expect(answeredWhileParsing).toBeGreaterThanOrEqual(20);
  });

  it('refuses a file of 60,000 rows without reading it all, and keeps answering meanwhile', async () => {
    const file = ['email,name', ...Array.from({ length: 60_000 }, (_, i) => `x${i}@example.org,X`)].join('\n');
    const { res, answeredWhileParsing } = await importWithHealthChecks(file);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'CSV_TOO_MANY_ROWS', message: expect.stringContaining('more than 5,000 rows') });
    expect(answeredWhileParsing).toBeGreaterThanOrEqual(5);
  });

  it('writes a file of many good rows in one transaction, a slice at a time', async () => {
    const into = await createPeriod(staff, 'Many rows');
    const res = await importCsv(csv(...manyRows(180, 'many')), 'all-or-nothing', {}, into);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().counts).toEqual({ total: 180, good: 180, bad: 0, imported: 180 });
    expect(await applicationCount(into)).toBe(180);
  });

  it('turns a control character in a cell into an error on its row and column, never a 500', async () => {
    const into = await createPeriod(staff, 'Control characters');
    const file = csv(
      row('nul@example.org', { name: 'Nul\u0000Name' }),
      row('bell@example.org', { employer: 'Harbor\u0007Library', hopes: 'Fine text' }),
      row('fine@example.org'),
    );
    const res = await importCsv(file, 'good-rows', {}, into);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.counts).toEqual({ total: 3, good: 1, bad: 2, imported: 1 });
    expect(Object.fromEntries(body.rows.map((r: { line: number; errors: unknown[] }) => [r.line, r.errors]))).toEqual({
      2: [
        {
          field: 'name',
          message: 'Contains an invisible control character (U+0000) that text cannot hold; delete it and type the text again.',
        },
      ],
      3: [
        {
          field: 'employer',
          message: 'Contains an invisible control character (U+0007) that text cannot hold; delete it and type the text again.',
        },
      ],
      4: [],
    });
    expect(await applicationCount(into)).toBe(1);
    const people = await ctx.deps.db
      .selectFrom('users')
      .select('email')
      .where('email', 'in', ['nul@example.org', 'bell@example.org'])
      .execute();
    expect(people).toEqual([]);
  });

  it('refuses an unreadable file and a period that does not exist without a 500', async () => {
    expect((await importCsv('email,name\n"unclosed,x\n', 'preview')).json().code).toBe('CSV_MALFORMED');
    expect((await importCsv('', 'preview')).json().code).toBe('CSV_EMPTY');
    expect((await importCsv(csv(row('m@example.org')), 'preview', {}, 999999)).statusCode).toBe(404);
    expect((await importCsv(csv(row('m@example.org')), 'everything')).statusCode).toBe(400);
  });

  it('exports formula-safe CSV without confidential preferences that re-imports into another period', async () => {
    const { client } = await signedIn(ctx, []);
    const applied = await client.post('/api/applications', {
      periodId,
      role: 'mentor',
      answers: answers({
        employer: '=HYPERLINK("http://evil.example","click")',
        jobTitle: '@SUM(1)',
        hopes: 'Share what I know; "quote" and, comma',
        capacity: 2,
        confidential: { preferSameGender: true, gender: '', notes: 'Secret note' },
        eligibilityAnswers: { association_member: 'yes' },
      }),
    });
    expect(applied.statusCode, applied.body).toBe(201);

    const res = await staff.get(`/api/periods/${periodId}/exports/applications.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="applications-import-period.csv"');
    const text = res.body;
    // The headings are the import's fields in words, which the import maps by itself (below).
    expect(text.split('\r\n')[0]).toBe(APPLICATION_COLUMNS.join(','));
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(text).toContain("'@SUM(1)");
    expect(text).toContain("'+1 312 555 0100");
    expect(text).not.toContain('Secret note');
    // Personal data leaving the program is recorded, as the exports page's downloads are.
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('entity_type', '=', 'period')
      .where('entity_id', '=', String(periodId))
      .where('action', '=', 'export.applications')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ rows: 2 });

    const next = await createPeriod(staff, 'Round trip');
    const back = await importCsv(text, 'all-or-nothing', {}, next);
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json().counts).toMatchObject({ total: 2, good: 2, imported: 2 });
    const copies = (await staff.get(`/api/periods/${next}/applications?role=mentor`)).json().applications;
    expect(copies).toHaveLength(1);
    expect(copies[0].answers).toMatchObject({
      employer: '=HYPERLINK("http://evil.example","click")',
      jobTitle: '@SUM(1)',
      phone: '+1 312 555 0100',
      hopes: 'Share what I know; "quote" and, comma',
      capacity: 2,
      interests: ['Storytime', 'Early literacy'],
      programGoalIds: [1, 2],
      channels: ['email', 'video'],
    });
  });

  it('guards fullwidth formula signs and invisible characters before a sign too, and still round-trips them', async () => {
    const { client } = await signedIn(ctx, []);
    const tricky = { employer: '＝HYPERLINK("http://evil.example")', jobTitle: '\u200B=1+1', hopes: '\u2060＠SUM(1)' };
    const source = await createPeriod(staff, 'Fullwidth source');
    expect((await client.post('/api/applications', { periodId: source, role: 'mentee', answers: answers(tricky) })).statusCode).toBe(201);
    const text = (await staff.get(`/api/periods/${source}/exports/applications.csv`)).body;
    for (const cell of Object.values(tricky)) expect(text).toContain(`'${cell.replaceAll('"', '""')}`);

    const next = await createPeriod(staff, 'Fullwidth round trip');
    const back = await importCsv(text, 'all-or-nothing', {}, next);
    expect(back.statusCode, back.body).toBe(201);
    const copies = (await staff.get(`/api/periods/${next}/applications?role=mentee`)).json().applications;
    expect(copies[0].answers).toMatchObject(tricky);
  });

  it('lets the committee import, and keeps participants out', async () => {
    const committee = (await signedIn(ctx, ['committee'])).client;
    const res = await committee.post(`/api/periods/${periodId}/applications/import`, {
      fileBase64: base64(csv(row('n@example.org'))),
      mode: 'preview',
    });
    expect(res.statusCode).toBe(200);
    const mentee = (await signedIn(ctx, ['mentee'])).client;
    expect(
      (
        await mentee.post(`/api/periods/${periodId}/applications/import`, {
          fileBase64: base64(csv(row('n@example.org'))),
          mode: 'preview',
        })
      ).statusCode,
    ).toBe(403);
  });
});
