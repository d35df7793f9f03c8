import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import type { Resource } from '../../src/shared/api/resources.ts';
import type { Role } from '../../src/shared/roles.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

/** A multipart/form-data body as a browser would send it, built by the platform's own FormData. */
async function multipart(
  fields: Record<string, string>,
  files: { name: string; type: string; bytes: Buffer }[] = [],
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

/** 1000 bytes that differ from position to position, so a wrong slice cannot pass for a right one. */
const VIDEO = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7 + 3) % 256));
const FIELDS = {
  kind: 'video',
  title: 'Welcome to the program',
  description: 'What to expect in your first month.',
  audience: 'everyone',
  topic: 'Getting started',
};

describeEachDialect('resources', (db) => {
  let ctx: TestContext;
  let staff: Client;
  const clients = new Map<string, Client>();
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    for (const roles of [['mentor'], ['mentee'], ['mentee', 'mentor'], ['committee'], ['taskforce']] as Role[][]) {
      clients.set(roles.join('+'), (await signedIn(ctx, roles)).client);
    }
  });
  afterAll(() => ctx.close());

  const as = (roles: string) => clients.get(roles) as Client;
  const upload = async (client: Client, fields: Record<string, string>, files: { name: string; type: string; bytes: Buffer }[]) => {
    const { body, contentType } = await multipart(fields, files);
    return client.request('POST', '/api/resources/upload', body, { 'content-type': contentType });
  };
  const rowCount = async () =>
    Number(
      (
        await ctx.deps.db
          .selectFrom('resources')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const stored = (dir = ctx.deps.config.uploadDir) => fs.readdirSync(dir).sort();
  const titles = async (client: Client, query = '') =>
    ((await client.get(`/api/resources${query}`)).json().resources as Resource[]).map((r) => r.title);

  describe('links', () => {
    it('shows each person what is meant for them, grouped by topic whatever its case', async () => {
      const add = async (title: string, audience: string, topic: string, kind = 'link', url = 'https://example.org/guide') => {
        const res = await staff.post('/api/resources', { kind, title, audience, topic, url, description: `About ${title}.` });
        expect(res.statusCode, res.body).toBe(201);
        return res.json() as Resource;
      };
      const first = await add('Program handbook', 'everyone', 'Getting started');
      await add('How to guide a mentee', 'mentors', 'being a mentor', 'video', 'https://video.example.org/watch?v=guide');
      await add('Making the most of mentoring', 'mentees', 'Being a mentee', 'document');
      await add('Calendar of the year', 'everyone', 'Getting started');
      expect(first).toMatchObject({
        kind: 'link',
        audience: 'everyone',
        topic: 'Getting started',
        url: 'https://example.org/guide',
        file: null,
        description: 'About Program handbook.',
      });

      expect(await titles(as('mentor'))).toEqual(['How to guide a mentee', 'Program handbook', 'Calendar of the year']);
      expect(await titles(as('mentee'))).toEqual(['Making the most of mentoring', 'Program handbook', 'Calendar of the year']);
      expect(await titles(as('mentee+mentor'))).toEqual([
        'Making the most of mentoring',
        'How to guide a mentee',
        'Program handbook',
        'Calendar of the year',
      ]);
      expect(await titles(as('committee'))).toEqual(['Program handbook', 'Calendar of the year']);
      expect(await titles(as('taskforce'))).toEqual(['Program handbook', 'Calendar of the year']);
      expect(await titles(staff)).toEqual([
        'Making the most of mentoring',
        'How to guide a mentee',
        'Program handbook',
        'Calendar of the year',
      ]);
      expect(await titles(staff, '?audience=mentees')).toEqual(['Making the most of mentoring']);
      // Asking for an audience one is not in shows nothing, never more.
      expect(await titles(as('mentee'), '?audience=mentors')).toEqual([]);
      expect((await staff.get('/api/resources?audience=alumni')).statusCode).toBe(400);
      expect((await staff.get('/api/resources')).json().maxUploadBytes).toBe(ctx.deps.config.maxUploadBytes);
    });

    it('refuses an address that is not a web address, writing nothing', async () => {
      const before = await rowCount();
      for (const url of [
        'javascript:alert(document.cookie)',
        'JavaScript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'ftp://example.org/file',
        'not a url',
        '//example.org',
        '',
      ]) {
        const res = await staff.post('/api/resources', { kind: 'link', title: 'Sneaky', audience: 'everyone', topic: 'Tricks', url });
        expect(res.statusCode, url).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'url' }] });
      }
      for (const body of [
        { kind: 'link', title: '', audience: 'everyone', topic: 'T', url: 'https://example.org' },
        { kind: 'podcast', title: 'X', audience: 'everyone', topic: 'T', url: 'https://example.org' },
        { kind: 'link', title: 'X', audience: 'alumni', topic: 'T', url: 'https://example.org' },
      ]) {
        expect((await staff.post('/api/resources', body)).statusCode, JSON.stringify(body)).toBe(400);
      }
      expect(await rowCount()).toBe(before);
      expect(
        (
          await as('mentor').post('/api/resources', {
            kind: 'link',
            title: 'Mine',
            audience: 'everyone',
            topic: 'T',
            url: 'https://example.org',
          })
        ).statusCode,
      ).toBe(403);
    });

    it('lets staff edit a link, but never to an unsafe address', async () => {
      const link = (
        await staff.post('/api/resources', {
          kind: 'link',
          title: 'Old title',
          audience: 'everyone',
          topic: 'Misc',
          url: 'https://example.org/old',
        })
      ).json() as Resource;
      const res = await staff.patch(`/api/resources/${link.id}`, {
        title: 'New title',
        audience: 'mentees',
        topic: 'Being a mentee',
        url: 'https://example.org/new',
        kind: 'document',
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        id: link.id,
        title: 'New title',
        audience: 'mentees',
        topic: 'Being a mentee',
        url: 'https://example.org/new',
        kind: 'document',
      });
      expect(await titles(as('mentor'))).not.toContain('New title');
      expect(await titles(as('mentee'))).toContain('New title');
      const unsafe = await staff.patch(`/api/resources/${link.id}`, { url: 'javascript:alert(1)' });
      expect(unsafe.statusCode).toBe(400);
      expect(((await staff.get('/api/resources')).json().resources as Resource[]).find((r) => r.id === link.id)?.url).toBe(
        'https://example.org/new',
      );
      expect((await staff.patch('/api/resources/999999', { title: 'Ghost' })).statusCode).toBe(404);
      expect((await as('mentee').patch(`/api/resources/${link.id}`, { title: 'Mine now' })).statusCode).toBe(403);
      // A link has no file to stream.
      expect((await staff.get(`/api/resources/${link.id}/file`)).statusCode).toBe(404);
    });
  });

  describe('uploads', () => {
    let video: Resource;

    it('streams an upload to disk under a random key, never the name it was sent with', async () => {
      const before = stored();
      const res = await upload(staff, FIELDS, [{ name: '../../Welcome "video".mp4', type: 'video/mp4', bytes: VIDEO }]);
      expect(res.statusCode, res.body).toBe(201);
      video = res.json() as Resource;
      expect(video).toMatchObject({
        kind: 'video',
        title: 'Welcome to the program',
        audience: 'everyone',
        topic: 'Getting started',
        url: null,
        file: { name: 'Welcome "video".mp4', type: 'video/mp4', size: 1000, href: `/api/resources/${video.id}/file` },
      });
      const added = stored().filter((f) => !before.includes(f));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatch(/^[0-9a-f]{32}$/);
      expect(fs.readFileSync(path.join(ctx.deps.config.uploadDir, added[0] as string)).equals(VIDEO)).toBe(true);
      // Nothing was written outside the upload directory.
      expect(fs.existsSync(path.join(ctx.deps.config.uploadDir, '..', '..', 'Welcome "video".mp4'))).toBe(false);
      const audit = await ctx.deps.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', '=', 'resource')
        .where('entity_id', '=', String(video.id))
        .execute();
      expect(audit).toEqual([{ action: 'resource.uploaded' }]);
    });

    it('serves the whole file with its type, a safe inline disposition and validators', async () => {
      const res = await as('mentee').get(`/api/resources/${video.id}/file`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(VIDEO)).toBe(true);
      expect(res.headers).toMatchObject({
        'content-type': 'video/mp4',
        'content-length': '1000',
        'accept-ranges': 'bytes',
        'content-disposition': `inline; filename="Welcome _video_.mp4"; filename*=UTF-8''Welcome%20%22video%22.mp4`,
        'cache-control': 'private, no-cache',
        'x-content-type-options': 'nosniff',
      });
      expect(res.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
      expect(new Date(String(res.headers['last-modified'])).getTime()).toBe(new Date(video.createdAt).setMilliseconds(0));

      const again = await as('mentee').request('GET', `/api/resources/${video.id}/file`, undefined, {
        'if-none-match': String(res.headers.etag),
      });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
    });

    it('answers range requests with exactly the bytes asked for', async () => {
      const get = (range: string, extra: Record<string, string> = {}) =>
        as('mentor').request('GET', `/api/resources/${video.id}/file`, undefined, { range, ...extra });

      const head = await get('bytes=0-99');
      expect(head.statusCode).toBe(206);
      expect(head.headers['content-range']).toBe('bytes 0-99/1000');
      expect(head.headers['content-length']).toBe('100');
      expect(head.rawPayload.equals(VIDEO.subarray(0, 100))).toBe(true);

      const middle = await get('bytes=500-509');
      expect(middle.rawPayload.equals(VIDEO.subarray(500, 510))).toBe(true);

      const open = await get('bytes=990-');
      expect(open.statusCode).toBe(206);
      expect(open.headers['content-range']).toBe('bytes 990-999/1000');
      expect(open.rawPayload.equals(VIDEO.subarray(990))).toBe(true);

      const suffix = await get('bytes=-10');
      expect(suffix.statusCode).toBe(206);
      expect(suffix.headers['content-range']).toBe('bytes 990-999/1000');
      expect(suffix.rawPayload.equals(VIDEO.subarray(990))).toBe(true);

      const beyond = await get('bytes=900-5000');
      expect(beyond.headers['content-range']).toBe('bytes 900-999/1000');
      expect(beyond.rawPayload.equals(VIDEO.subarray(900))).toBe(true);

      const unsatisfiable = await get('bytes=1000-');
      expect(unsatisfiable.statusCode).toBe(416);
      expect(unsatisfiable.headers['content-range']).toBe('bytes */1000');
      expect(unsatisfiable.json().code).toBe('RANGE_NOT_SATISFIABLE');

      // Several ranges, or a range of another version of the file: the whole current file.
      const several = await get('bytes=0-1,5-6');
      expect(several.statusCode).toBe(200);
      expect(several.rawPayload.equals(VIDEO)).toBe(true);
      const stale = await get('bytes=0-9', { 'if-range': '"an-older-version"' });
      expect(stale.statusCode).toBe(200);
      expect(stale.rawPayload.length).toBe(1000);
      const current = await get('bytes=0-9', { 'if-range': String(head.headers.etag) });
      expect(current.statusCode).toBe(206);

      const headOnly = await ctx.app.inject({
        method: 'HEAD',
        url: `/api/resources/${video.id}/file`,
        headers: { cookie: `tandem_session=${as('mentor').sessionToken()}` },
      });
      expect(headOnly.statusCode).toBe(200);
      expect(headOnly.headers['content-length']).toBe('1000');
      expect(headOnly.rawPayload.length).toBe(0);
    });

    it('keeps a file to the audience it is for (404 for anyone else, as if it did not exist)', async () => {
      const doc = (
        await upload(staff, { ...FIELDS, kind: 'document', title: 'Guide for mentors', audience: 'mentors' }, [
          { name: 'guide.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4 guide') },
        ])
      ).json() as Resource;
      for (const who of ['mentor', 'mentee+mentor']) expect((await as(who).get(`/api/resources/${doc.id}/file`)).statusCode, who).toBe(200);
      for (const who of ['mentee', 'committee', 'taskforce'])
        expect((await as(who).get(`/api/resources/${doc.id}/file`)).statusCode, who).toBe(404);
      const res = await staff.get(`/api/resources/${doc.id}/file`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^inline; filename="guide.pdf"/);
      expect((await new Client(ctx.app).get(`/api/resources/${doc.id}/file`)).statusCode).toBe(401);
      expect((await staff.get('/api/resources/999999/file')).statusCode).toBe(404);
    });

    it('keeps only allowed content types, and serves everything else as a download', async () => {
      const cases = [
        { name: 'page.html', type: 'text/html', stored: 'application/octet-stream', disposition: 'attachment' },
        { name: 'logo.svg', type: 'image/svg+xml', stored: 'application/octet-stream', disposition: 'attachment' },
        { name: 'notes.txt', type: 'text/plain', stored: 'text/plain', disposition: 'attachment' },
        { name: 'photo.png', type: 'image/png', stored: 'image/png', disposition: 'inline' },
        {
          name: 'plan.docx',
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          stored: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          disposition: 'attachment',
        },
      ];
      for (const c of cases) {
        const res = await upload(staff, { ...FIELDS, kind: 'document', title: c.name }, [
          { name: c.name, type: c.type, bytes: Buffer.from('<script>alert(1)</script>') },
        ]);
        expect(res.statusCode, c.name).toBe(201);
        expect(res.json().file.type, c.name).toBe(c.stored);
        const file = await as('mentee').get(res.json().file.href);
        expect(file.headers['content-type'], c.name).toBe(c.stored);
        expect(String(file.headers['content-disposition']).split(';')[0], c.name).toBe(c.disposition);
      }
    });

    it('refuses a broken upload with a clear error and leaves no file or row behind', async () => {
      const files = stored();
      const rows = await rowCount();
      const file = { name: 'clip.mp4', type: 'video/mp4', bytes: VIDEO };
      const missingTitle = await upload(staff, { ...FIELDS, title: '' }, [file]);
      expect(missingTitle.statusCode).toBe(400);
      expect(missingTitle.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'title' }] });
      const badKind = await upload(staff, { ...FIELDS, kind: 'link' }, [file]);
      expect(badKind.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'kind' }] });
      const extra = await upload(staff, { ...FIELDS, url: 'https://example.org' }, [file]);
      expect(extra.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'url' }] });
      expect((await upload(staff, FIELDS, [])).json()).toMatchObject({ code: 'NO_FILE' });
      expect((await upload(staff, FIELDS, [{ ...file, bytes: Buffer.alloc(0) }])).json()).toMatchObject({ code: 'NO_FILE' });
      const two = await upload(staff, FIELDS, [file, { ...file, name: 'second.mp4' }]);
      expect(two.statusCode).toBe(400);
      expect(two.json().code).toBe('ONE_FILE_ONLY');
      const json = await staff.post('/api/resources/upload', FIELDS);
      expect(json.statusCode).toBe(415);
      expect(json.json().code).toBe('NOT_MULTIPART');
      // Multipart belongs to the upload route alone.
      const { body, contentType } = await multipart({
        kind: 'link',
        title: 'X',
        audience: 'everyone',
        topic: 'T',
        url: 'https://example.org',
      });
      expect((await staff.request('POST', '/api/resources', body, { 'content-type': contentType })).statusCode).toBe(415);
      expect((await upload(as('mentor'), FIELDS, [file])).statusCode).toBe(403);
      expect((await upload(new Client(ctx.app), FIELDS, [file])).statusCode).toBe(401);
      expect(stored()).toEqual(files);
      expect(await rowCount()).toBe(rows);
    });

    it('refuses a file over the size limit with 413, keeping nothing', async () => {
      const small = await buildTestApp(db(), { maxUploadBytes: 1024 });
      try {
        const { id: staffId } = await signedIn(small, ['staff']);
        const client = new Client(small.app);
        await client.useSession(await startSession(small.deps, staffId));
        const rows = await rowCount();
        const send = async (bytes: Buffer) => {
          const { body, contentType } = await multipart(FIELDS, [{ name: 'big.mp4', type: 'video/mp4', bytes }]);
          return client.request('POST', '/api/resources/upload', body, { 'content-type': contentType });
        };
        const tooBig = await send(Buffer.alloc(5000, 1));
        expect(tooBig.statusCode).toBe(413);
        expect(tooBig.json()).toEqual({
          code: 'FILE_TOO_LARGE',
          message: expect.stringMatching(/larger than the 1 MB the program allows/),
        });
        expect(fs.readdirSync(small.deps.config.uploadDir)).toEqual([]);
        // A body announced as far beyond the limit is refused before any of it is stored.
        const huge = await send(Buffer.alloc(2 * 1024 * 1024 + 10, 1));
        expect(huge.statusCode).toBe(413);
        expect(fs.readdirSync(small.deps.config.uploadDir)).toEqual([]);
        expect(await rowCount()).toBe(rows);
        // Exactly at the limit is fine.
        const atLimit = await send(Buffer.alloc(1024, 2));
        expect(atLimit.statusCode, atLimit.body).toBe(201);
        expect(fs.readdirSync(small.deps.config.uploadDir)).toHaveLength(1);
      } finally {
        await small.close();
      }
    });

    it('lets staff edit an upload’s details but not give it a web address', async () => {
      const res = await staff.patch(`/api/resources/${video.id}`, { title: 'Welcome, mentors', audience: 'mentors', description: '' });
      expect(res.json()).toMatchObject({ title: 'Welcome, mentors', audience: 'mentors', description: '', file: { size: 1000 } });
      const url = await staff.patch(`/api/resources/${video.id}`, { url: 'https://example.org' });
      expect(url.statusCode).toBe(422);
      expect(url.json().code).toBe('FILE_HAS_NO_URL');
      expect((await staff.patch(`/api/resources/${video.id}`, { kind: 'link' })).json().code).toBe('FILE_IS_NOT_A_LINK');
      // Now for mentors only.
      expect((await as('mentee').get(`/api/resources/${video.id}/file`)).statusCode).toBe(404);
      expect((await as('mentor').get(`/api/resources/${video.id}/file`)).statusCode).toBe(200);
    });

    it('deletes the row and then the file; a file missing from disk is a 404, not an error', async () => {
      const key = JSON.parse((await staff.get(`/api/resources/${video.id}/file`)).headers.etag as string) as string;
      expect(stored()).toContain(key);
      const res = await staff.request('DELETE', `/api/resources/${video.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
      expect(stored()).not.toContain(key);
      expect((await staff.get(`/api/resources/${video.id}/file`)).statusCode).toBe(404);
      expect((await staff.request('DELETE', `/api/resources/${video.id}`)).statusCode).toBe(404);
      expect((await as('mentor').request('DELETE', '/api/resources/1')).statusCode).toBe(403);

      const lost = (await upload(staff, FIELDS, [{ name: 'lost.mp4', type: 'video/mp4', bytes: VIDEO }])).json() as Resource;
      const lostKey = JSON.parse((await staff.get(`/api/resources/${lost.id}/file`)).headers.etag as string) as string;
      fs.rmSync(path.join(ctx.deps.config.uploadDir, lostKey));
      expect((await staff.get(`/api/resources/${lost.id}/file`)).statusCode).toBe(404);
      // Deleting it still works.
      expect((await staff.request('DELETE', `/api/resources/${lost.id}`)).statusCode).toBe(200);
    });
  });
});
