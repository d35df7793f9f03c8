import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { insertApplication } from '../../src/features/applications/applications.store.ts';
import type { Report, RichNode } from '../../src/shared/api/reports.ts';
import { MAX_CHARTS_PER_REPORT, MAX_SECTION_CHARS, MAX_SECTIONS } from '../../src/shared/reports.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { testAnswers } from '../setup/match-fixtures.ts';
import { pdfText } from '../setup/pdf-text.ts';
import { buildTestApp, Client, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';

const ANSWERS = testAnswers({ channels: ['email'], meetInPerson: false });

const p = (text: string): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const doc = (...content: RichNode[]): RichNode => ({ type: 'doc', content });

/** The decoded drawing operators of every page, and whether the file holds any image. */
async function pdfDrawing(body: Buffer): Promise<{ operators: string; hasImage: boolean }> {
  const pdf = await PDFDocument.load(new Uint8Array(body));
  const decode = (s: unknown) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : '');
  const operators = pdf
    .getPages()
    .map((page) => {
      const contents = page.node.Contents();
      return contents instanceof PDFArray
        ? contents
            .asArray()
            .map((r) => decode(pdf.context.lookup(r)))
            .join('\n')
        : decode(contents);
    })
    .join('\n');
  const hasImage = pdf.context
    .enumerateIndirectObjects()
    .some(
      ([, o]) =>
        (o instanceof PDFRawStream || o instanceof PDFDict) &&
        (o instanceof PDFRawStream ? o.dict : o).get(PDFName.of('Subtype')) === PDFName.of('Image'),
    );
  return { operators, hasImage };
}

describeEachDialect('reports', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let taskforce: Client;
  let mentee: Client;
  let committee: Client;
  let anonymous: Client;
  let periodId: number;
  let taskforceName: string;

  const as = async (userId: number): Promise<Client> => {
    const client = new Client(ctx.app);
    await client.useSession(await startSession(ctx.deps, userId));
    return client;
  };
  const put = (c: Client, url: string, body: unknown) => c.request('PUT', url, body);
  const create = async (c: Client = taskforce, body: Record<string, unknown> = { periodId }): Promise<Report> => {
    const res = await c.post('/api/reports', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Report;
  };
  const save = (c: Client, r: Report, i: number, body: RichNode, revision = r.sections[i]!.revision, title = r.sections[i]!.title) =>
    put(c, `/api/reports/${r.id}/sections/${r.sections[i]!.id}`, { title, body, revision });
  const snapshot = async () => ({
    reports: await ctx.deps.db.selectFrom('reports').selectAll().orderBy('id').execute(),
    sections: await ctx.deps.db.selectFrom('report_sections').selectAll().orderBy('id').execute(),
    versions: await ctx.deps.db.selectFrom('report_section_versions').selectAll().orderBy('id').execute(),
  });
  /** Applications in the period: enough people for the application charts to show. */
  const apply = async (mentors: number, mentees: number) => {
    const at = ctx.deps.clock.now().toISOString();
    for (const [role, n] of [['mentor', mentors] as const, ['mentee', mentees] as const]) {
      for (let i = 0; i < n; i++) {
        const person = await createPerson(ctx.deps, []);
        await insertApplication(ctx.deps.db, { periodId, userId: person.id, role, answers: ANSWERS, at });
      }
    }
  };

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await as(staffId);
    const tf = await createPerson(ctx.deps, ['taskforce'], 'Tomás Taskforce');
    taskforceName = tf.name;
    taskforce = await as(tf.id);
    mentee = await as((await createPerson(ctx.deps, ['mentee'])).id);
    committee = await as((await createPerson(ctx.deps, ['committee'])).id);
    anonymous = new Client(ctx.app);
    periodId = await periodIn(ctx.deps, 'active');
  });
  afterAll(() => ctx.close());

  it('a new report is a draft with the default outline (no charts while the period has nothing to show)', async () => {
    const report = await create();
    expect(report).toMatchObject({ status: 'draft', visibility: 'staff', periodId, basedOnId: null, publishedAt: null });
    expect(report.title).toContain('Annual report');
    expect(report.sections.map((s) => s.title)).toEqual([
      'The year in numbers',
      'What participants said',
      'What worked',
      'What to change',
      'Recommendations',
    ]);
    expect(report.sections.every((s) => s.revision === 1 && JSON.stringify(s.body).length > 50)).toBe(true);
    expect(report.charts).toEqual([]);
    const list = (await staff.get('/api/reports')).json() as { reports: { id: number; status: string }[] };
    expect(list.reports).toContainEqual(expect.objectContaining({ id: report.id, status: 'draft' }));
  });

  it('saves as people type, keeps every revision, and a save from an older revision is 409 naming who saved first', async () => {
    const report = await create();
    const mine = await save(taskforce, report, 1, doc(p('Mentors said the monthly calls helped. Дмитрий wrote the summary.')));
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ revision: 2 });
    const before = await snapshot();
    const theirs = await save(staff, report, 1, doc(p('A different text from the same start')));
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json().code).toBe('SECTION_CHANGED');
    expect(theirs.json().message).toContain(taskforceName);
    expect(await snapshot()).toEqual(before);
    // The first text stays; the second person saves again on top of it once they have looked.
    const current = (await staff.get(`/api/reports/${report.id}`)).json() as Report;
    expect(JSON.stringify(current.sections[1]!.body)).toContain('Дмитрий');
    expect(current.sections[1]).toMatchObject({ revision: 2, updatedByName: taskforceName });
    const again = await save(staff, report, 1, doc(p('Merged: calls helped, Дмитрий summarised.')), 2);
    expect(again.json()).toMatchObject({ revision: 3 });
    const history = (await taskforce.get(`/api/reports/${report.id}/sections/${report.sections[1]!.id}/history`)).json();
    expect(history.versions.map((v: { revision: number }) => v.revision)).toEqual([3, 2, 1]);
    expect(history.versions[1]).toMatchObject({ savedByName: taskforceName });
  });

  it('strips scripts, event handlers and unsafe links from a saved section and returns the clean body', async () => {
    const report = await create();
    const dirty = {
      type: 'doc',
      content: [
        { type: 'paragraph', attrs: { onclick: 'alert(1)' }, content: [{ type: 'text', text: '<script>alert(1)</script>' }] },
        { type: 'iframe', attrs: { src: 'https://evil.example' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'javascript:alert(2)' } }] }] },
      ],
    };
    const res = await put(taskforce, `/api/reports/${report.id}/sections/${report.sections[0]!.id}`, {
      title: 'Numbers',
      body: dirty,
      revision: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().body).toEqual(doc(p('<script>alert(1)</script>'), p('link')));
  });

  it('refuses a section over the size limit, too many charts and too many sections, changing nothing', async () => {
    const report = await create();
    const before = await snapshot();
    const big = doc(...Array.from({ length: Math.ceil(MAX_SECTION_CHARS / 20_000) + 1 }, () => p('x'.repeat(19_990))));
    const tooLarge = await save(taskforce, report, 0, big);
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.json().code).toBe('SECTION_TOO_LARGE');
    const huge = await save(taskforce, report, 0, doc(...Array.from({ length: 60 }, () => p('y'.repeat(19_990)))));
    expect([413, 422]).toContain(huge.statusCode);
    // A document nested thousands deep is a clear 4xx too, not a stack overflow.
    // (Short nodes, so the body stays under the request size limit and reaches validation.)
    const depth = 9000;
    const deep = `${'{"type":"q","content":['.repeat(depth)}${JSON.stringify(p('deep'))}${']}'.repeat(depth)}`;
    const payload = `{"title":"Deep","revision":1,"body":{"type":"doc","content":[${deep}]}}`;
    const nested = await taskforce.request('PUT', `/api/reports/${report.id}/sections/${report.sections[0]!.id}`, payload, {
      'content-type': 'application/json',
    });
    expect(nested.statusCode).toBeGreaterThanOrEqual(400);
    expect(nested.statusCode).toBeLessThan(500);
    expect(await snapshot()).toEqual(before);
    const charts = Array.from({ length: MAX_CHARTS_PER_REPORT + 1 }, (_, i) => ({
      type: 'chart',
      attrs: { ref: { source: 'survey', surveyId: 999, questionId: `q${i}` } },
    }));
    const tooManyCharts = await save(taskforce, report, 0, doc(...charts));
    expect(tooManyCharts.statusCode).toBe(422);
    expect(tooManyCharts.json().code).toBe('TOO_MANY_CHARTS');
    expect(await snapshot()).toEqual(before);
    for (let i = report.sections.length; i < MAX_SECTIONS; i++) {
      expect((await taskforce.post(`/api/reports/${report.id}/sections`, { title: `Extra ${i}` })).statusCode).toBe(201);
    }
    const over = await taskforce.post(`/api/reports/${report.id}/sections`, { title: 'One too many' });
    expect(over.statusCode).toBe(422);
    expect(over.json().code).toBe('TOO_MANY_SECTIONS');
    expect((await taskforce.request('DELETE', `/api/reports/${report.id}`)).statusCode).toBe(200);
  });

  it('refuses to publish an empty report or one with a hidden chart, changing nothing', async () => {
    const empty = await create();
    for (const [i] of empty.sections.entries()) expect((await save(taskforce, empty, i, doc())).statusCode).toBe(200);
    const before = await snapshot();
    const res = await taskforce.post(`/api/reports/${empty.id}/publish`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('REPORT_EMPTY');
    expect(await snapshot()).toEqual(before);

    // Two applications: the period's figures are hidden, so a new outline starts without them…
    await apply(1, 1);
    const fresh = await create();
    expect(fresh.charts).toEqual([]);
    // …and one inserted anyway may sit in the draft, but cannot be published.
    const chart: RichNode = { type: 'chart', attrs: { ref: { source: 'figures', periodId, figure: 'applications' } } };
    expect((await save(taskforce, fresh, 0, doc(p('Two people applied.'), chart))).statusCode).toBe(200);
    const hidden = (await taskforce.get(`/api/reports/${fresh.id}`)).json() as Report;
    expect(hidden.charts.some((c) => c.data.suppressed)).toBe(true);
    const snap = await snapshot();
    const refused = await taskforce.post(`/api/reports/${hidden.id}/publish`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('CHART_SUPPRESSED');
    expect(refused.json().message).toContain('The year in numbers');
    expect(await snapshot()).toEqual(snap);
  });

  let published: Report;

  it('publishes: figures frozen, no more edits; the PDF has the text, names in any script, page numbers and vector charts', async () => {
    await apply(6, 6);
    const report = await create(taskforce, { periodId, title: 'Our year together' });
    // Now the period has figures to show, the outline starts with two of them.
    expect(report.charts.map((c) => c.key)).toEqual([`figures:${periodId}:applications`, `figures:${periodId}:outcomes`]);
    const live = report.charts.find((c) => c.key.endsWith(':applications'))!;
    expect(live.data.suppressed).toBe(false);
    const body = doc(
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Voices' }] },
      p('Thank you to 王芳 and Дмитрий for leading the reading circle, and to Zoë Ångström.'),
      { type: 'bulletList', content: [{ type: 'listItem', content: [p('Monthly calls')] }] },
    );
    expect((await save(taskforce, report, 1, body)).statusCode).toBe(200);
    const res = await taskforce.post(`/api/reports/${report.id}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    published = res.json() as Report;
    expect(published).toMatchObject({ status: 'published' });
    expect(published.publishedAt).not.toBeNull();

    // Frozen: new applications do not change the published charts.
    await apply(3, 0);
    const again = (await staff.get(`/api/reports/${report.id}`)).json() as Report;
    expect(again.charts).toEqual(published.charts);
    const edit = await save(taskforce, again, 0, doc(p('Too late')));
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('REPORT_PUBLISHED');
    expect((await taskforce.request('DELETE', `/api/reports/${report.id}`)).statusCode).toBe(409);
    expect((await taskforce.post(`/api/reports/${report.id}/publish`)).statusCode).toBe(409);

    const pdf = await taskforce.get(`/api/reports/${report.id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text, pages } = await pdfText(pdf.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (const expected of [
      'Test Mentoring Program',
      'Our year together',
      'Contents',
      'The year in numbers',
      'What participants said',
      'Recommendations',
      'Voices',
    ]) {
      expect(text).toContain(expected);
    }
    for (const name of ['王芳', 'Дмитрий', 'Zoë Ångström']) expect(text).toContain(name);
    expect(text).toContain('Page 1 of');
    expect(text).toContain(`Page ${pages} of ${pages}`);
    const mentors = (live.data.suppressed ? [] : live.data.bars).find((b) => b.label === 'Mentors')!;
    expect(mentors.value).toBe(7);
    expect(text).toContain('Mentors');
    expect(text).toContain('7 (50%)');
    const { operators, hasImage } = await pdfDrawing(pdf.rawPayload);
    // Each bar is a filled vector path in the bar colour (pdf-lib draws rectangles as m/l/h + f).
    const bars = operators.match(/0\.12 0\.37 0\.6 rg\s[^Q]*?\bl\s+h\s+f\s/g) ?? [];
    expect(bars.length).toBeGreaterThanOrEqual(2);
    expect(hasImage).toBe(false);
  });

  it('the HTML page is standalone: no script, no event handler, a strict Content-Security-Policy, inline SVG charts with tables', async () => {
    const res = await taskforce.get(`/api/reports/${published.id}/report.html`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    const html = res.body;
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)="(?!#|https?:|mailto:)/);
    expect(html).toContain('<svg');
    expect(html).toContain('<table>');
    expect(html).toContain('王芳');
    expect(html).toContain('<h2 id="section-1">The year in numbers</h2>');
  });

  it('participants and the committee never see drafts or staff-only reports; participants and public visibility open the page', async () => {
    const draft = await create();
    for (const c of [mentee, committee]) {
      expect((await c.get(`/api/reports/${draft.id}/report.html`)).statusCode).toBe(404);
      expect((await c.get(`/api/reports/${draft.id}/report.pdf`)).statusCode).toBe(404);
      expect((await c.get(`/api/reports/${published.id}/report.html`)).statusCode).toBe(404);
      expect((await c.get(`/api/reports/${draft.id}`)).statusCode).toBe(403);
      expect((await c.get('/api/reports')).statusCode).toBe(403);
    }
    expect((await anonymous.get(`/api/reports/${draft.id}/report.html`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/reports/${published.id}/report.pdf`)).statusCode).toBe(404);
    // A draft previews for the task force, marked as a draft.
    const preview = await taskforce.get(`/api/reports/${draft.id}/report.html`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Draft: not published yet');

    const listed = async (c: Client) =>
      ((await c.get('/api/reports/published')).json() as { reports: { id: number }[] }).reports.map((r) => r.id);
    expect(await listed(mentee)).not.toContain(published.id);
    expect(await listed(mentee)).not.toContain(draft.id);
    expect(await listed(taskforce)).toContain(published.id);
    expect(await listed(taskforce)).not.toContain(draft.id);

    expect((await staff.patch(`/api/reports/${published.id}`, { visibility: 'participants' })).statusCode).toBe(200);
    expect(await listed(mentee)).toContain(published.id);
    expect(await listed(mentee)).not.toContain(draft.id);
    expect((await mentee.get(`/api/reports/${published.id}/report.html`)).statusCode).toBe(200);
    expect((await mentee.get(`/api/reports/${published.id}/report.pdf`)).statusCode).toBe(200);
    expect((await anonymous.get(`/api/reports/${published.id}/report.html`)).statusCode).toBe(401);
    expect((await staff.patch(`/api/reports/${published.id}`, { visibility: 'public' })).statusCode).toBe(200);
    const open = await anonymous.get(`/api/reports/${published.id}/report.html`);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain('Our year together');
    expect((await anonymous.get(`/api/reports/${published.id}/report.pdf`)).statusCode).toBe(200);
    // Its title is frozen with it.
    expect((await staff.patch(`/api/reports/${published.id}`, { title: 'Renamed' })).statusCode).toBe(409);
  });

  it('a new draft can start from a published report, and only from a published one', async () => {
    const next = await create(taskforce, { periodId, basedOnId: published.id, title: 'Next year' });
    expect(next).toMatchObject({ status: 'draft', basedOnId: published.id, visibility: 'public' });
    expect(next.sections.map((s) => s.title)).toEqual(published.sections.map((s) => s.title));
    expect(JSON.stringify(next.sections[1]!.body)).toContain('王芳');
    const draft = await create();
    const refused = await taskforce.post('/api/reports', { periodId, basedOnId: draft.id });
    expect(refused.statusCode).toBe(422);
  });

  it('sections can be added, reordered and removed', async () => {
    const report = await create();
    const added = await taskforce.post(`/api/reports/${report.id}/sections`, { title: 'Thanks' });
    expect(added.statusCode).toBe(201);
    const ids = [added.json().id as number, ...report.sections.map((s) => s.id)];
    const reordered = await put(taskforce, `/api/reports/${report.id}/sections/order`, { sectionIds: ids });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect((reordered.json() as Report).sections.map((s) => s.title)[0]).toBe('Thanks');
    expect((await put(taskforce, `/api/reports/${report.id}/sections/order`, { sectionIds: ids.slice(1) })).statusCode).toBe(422);
    expect((await taskforce.request('DELETE', `/api/reports/${report.id}/sections/${ids[0]}`)).statusCode).toBe(200);
    expect(((await taskforce.get(`/api/reports/${report.id}`)).json() as Report).sections).toHaveLength(5);
  });

  it('unknown or malformed ids are a 4xx, never a 500', async () => {
    const report = await create();
    const section = report.sections[0]!;
    const cases: [string, string, unknown?][] = [
      ['GET', '/api/reports/999999'],
      ['GET', '/api/reports/999999/report.html'],
      ['GET', '/api/reports/999999/report.pdf'],
      ['PATCH', '/api/reports/999999', { title: 'x' }],
      ['DELETE', '/api/reports/999999'],
      ['POST', '/api/reports/999999/publish', {}],
      ['POST', '/api/reports/999999/sections', { title: 'x' }],
      ['PUT', `/api/reports/999999/sections/${section.id}`, { title: 'x', body: doc(), revision: 1 }],
      ['PUT', `/api/reports/${report.id}/sections/999999`, { title: 'x', body: doc(), revision: 1 }],
      ['GET', `/api/reports/${report.id}/sections/999999/history`],
      ['DELETE', `/api/reports/${report.id}/sections/999999`],
    ];
    for (const [method, url, body] of cases) {
      const res = await taskforce.request(method as 'GET', url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    for (const url of ['/api/reports/abc', '/api/reports/0', '/api/reports/99999999999999999999', '/api/reports/1.5/report.html']) {
      const res = await taskforce.get(url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
    }
    const other = await create();
    // A section of another report is not this report's.
    const cross = await put(taskforce, `/api/reports/${report.id}/sections/${other.sections[0]!.id}`, {
      title: 'x',
      body: doc(),
      revision: 1,
    });
    expect(cross.statusCode).toBe(404);
    expect((await taskforce.post('/api/reports', { periodId: 999999 })).statusCode).toBe(422);
  });
});
