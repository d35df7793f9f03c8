import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { pdfText } from '../setup/pdf-text.ts';
import { buildTestApp, Client, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { OPEN_DATES } from '../fixtures/applications/helpers.ts';

const MATCHED_AT = '2026-10-15T15:00:00.000Z';
/** The program's last day is 2027-09-30 (Chicago); this is the morning after. */
const AFTER_END = '2027-10-01T14:00:00.000Z';

describeEachDialect('recognition letters', (db) => {
  let ctx: TestContext;
  let staffId: number;
  let periodId: number;
  const zoe = { id: 0, name: 'Zoë Ångström 王芳' };
  const ravi = { id: 0, name: 'Ravi Okafor' };
  const early = { id: 0, name: 'Elena Early' };

  const clientFor = async (id: number) => {
    const c = new Client(ctx.app);
    await c.useSession(await startSession(ctx.deps, id));
    return c;
  };
  const counts = async () => ({
    outbox: Number(
      (
        await ctx.deps.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    mailings: Number(
      (
        await ctx.deps.db
          .selectFrom('recognition_letter_mailings')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
    audit: Number(
      (
        await ctx.deps.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  });
  const letterUrl = (userId: number) => `/api/periods/${periodId}/recognition-letters/${userId}.pdf`;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    staffId = (await setUpProgram(ctx.deps)).staffId;
    const staff = await clientFor(staffId);
    periodId = (await staff.post('/api/periods', { name: '2026–27 cohort', ...OPEN_DATES })).json().id as number;
    for (const p of [zoe, ravi, early]) p.id = (await createPerson(ctx.deps, ['mentor'], p.name)).id;
    await createTestMatch(ctx.deps, { periodId, mentorId: zoe.id, matchedAt: MATCHED_AT });
    // Ravi's first mentee moved on early; a second one stayed to the end: two partners.
    const firstOfRavi = await createTestMatch(ctx.deps, { periodId, mentorId: ravi.id, matchedAt: '2026-10-10T15:00:00.000Z' });
    const second = await createTestMatch(ctx.deps, { periodId, matchedAt: MATCHED_AT });
    await ctx.deps.db.updateTable('matches').set({ mentor_user_id: ravi.id }).where('id', '=', second.id).execute();
    const parted = await createTestMatch(ctx.deps, { periodId, mentorId: early.id, matchedAt: MATCHED_AT });
    await ctx.deps.db
      .updateTable('matches')
      .set({ status: 'ended', ended_at: '2027-02-01T15:00:00.000Z', end_reason: 'The pair parted.' })
      .where('id', 'in', [parted.id, firstOfRavi.id])
      .execute();
  });
  afterAll(() => ctx.close());

  describe('before the program year ends', () => {
    it('offers no letter yet, and says so with 422 NOT_COMPLETED', async () => {
      const mentor = await clientFor(zoe.id);
      expect((await mentor.get('/api/recognition-letters/mine')).json()).toEqual({ letters: [] });
      const res = await mentor.get(letterUrl(zoe.id));
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('NOT_COMPLETED');
      const staff = await clientFor(staffId);
      const all = await staff.get(`/api/periods/${periodId}/recognition-letters.pdf`);
      expect(all.statusCode).toBe(422);
      expect(all.json().code).toBe('NO_LETTERS');
    });
  });

  describe('after the program year ends', () => {
    beforeAll(() => ctx.clock.set(AFTER_END));

    it('lets a mentor who completed the period download her letter, with her name in any script', async () => {
      const mentor = await clientFor(zoe.id);
      const mine = (await mentor.get('/api/recognition-letters/mine')).json();
      expect(mine.letters).toEqual([
        {
          periodId,
          periodName: '2026–27 cohort',
          programEndsOn: '2027-09-30',
          partners: 1,
          months: 11,
          downloadUrl: letterUrl(zoe.id),
        },
      ]);
      const res = await mentor.get(mine.letters[0].downloadUrl);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="recognition-letter-zoe-angstrom-2026-27-cohort\.pdf"$/);
      const { text, pages } = await pdfText(res.rawPayload);
      expect(pages).toBe(1);
      expect(text).toContain('Letter of recognition');
      expect(text).toContain('Zoë Ångström 王芳');
      expect(text).toContain('Test Mentoring Program');
      expect(text).toContain('2026–27 cohort, October 15, 2026 to September 30, 2027');
      expect(text).toContain('11 months as a mentor to 1 mentee');
      // No signer yet: the program signs.
      expect(text).toContain('On behalf of Test Mentoring Program');
    });

    it("answers 404 for another mentor's letter", async () => {
      const mentor = await clientFor(zoe.id);
      const res = await mentor.get(letterUrl(ravi.id));
      expect(res.statusCode).toBe(404);
    });

    it('answers 422 NOT_COMPLETED for a mentor whose match ended early, and changes nothing', async () => {
      const before = await counts();
      const own = await (await clientFor(early.id)).get(letterUrl(early.id));
      expect(own.statusCode).toBe(422);
      expect(own.json()).toMatchObject({ code: 'NOT_COMPLETED', message: expect.stringContaining('ended before') });
      const byStaff = await (await clientFor(staffId)).get(letterUrl(early.id));
      expect(byStaff.statusCode).toBe(422);
      expect(byStaff.json().code).toBe('NOT_COMPLETED');
      expect((await (await clientFor(early.id)).get('/api/recognition-letters/mine')).json()).toEqual({ letters: [] });
      expect(await counts()).toEqual(before);
    });

    it('shows staff the mentors who completed, and gives every letter in one PDF', async () => {
      const staff = await clientFor(staffId);
      const list = (await staff.get(`/api/periods/${periodId}/recognition-letters`)).json();
      expect(list.period).toMatchObject({ id: periodId, over: true });
      expect(list.signer).toBeNull();
      expect(list.endedEarly).toBe(1);
      expect(list.letters.map((l: { name: string; partners: number; mailedAt: null }) => [l.name, l.partners, l.mailedAt])).toEqual([
        ['Ravi Okafor', 2, null],
        ['Zoë Ångström 王芳', 1, null],
      ]);
      const res = await staff.get(list.allUrl);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const { text, pages } = await pdfText(res.rawPayload);
      expect(pages).toBe(2);
      expect(text).toContain('Ravi Okafor');
      expect(text).toContain('Zoë Ångström 王芳');
      expect(text).toContain('to 2 mentees');
      expect(text).not.toContain('Elena Early');
    });

    it('refuses to send before a signer is named, and changes nothing', async () => {
      const before = await counts();
      const res = await (await clientFor(staffId)).post(`/api/periods/${periodId}/recognition-letters/send`);
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'NO_LETTER_SIGNER', message: expect.stringContaining('Settings') });
      expect(await counts()).toEqual(before);
    });

    it('keeps the signer in settings, checked', async () => {
      const staff = await clientFor(staffId);
      expect((await staff.patch('/api/settings', { letterSigner: { name: 'Dana Whitaker', title: '' } })).statusCode).toBe(400);
      const saved = await staff.patch('/api/settings', { letterSigner: { name: ' Dana Whitaker ', title: 'Program Coordinator' } });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().letterSigner).toEqual({ name: 'Dana Whitaker', title: 'Program Coordinator' });
      expect((await staff.get('/api/settings')).json().letterSigner).toEqual({ name: 'Dana Whitaker', title: 'Program Coordinator' });
    });

    it('signs the letter with the name and title from settings', async () => {
      const res = await (await clientFor(zoe.id)).get(letterUrl(zoe.id));
      const { text } = await pdfText(res.rawPayload);
      expect(text).toContain('Dana Whitaker Program Coordinator');
      expect(text).not.toContain('On behalf of');
    });

    it('e-mails each mentor who completed exactly once, with a link to their letters', async () => {
      const staff = await clientFor(staffId);
      const url = `/api/periods/${periodId}/recognition-letters/send`;
      const first = await staff.post(url);
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ sent: 2, alreadySent: 0, skipped: 0 });
      const second = await staff.post(url);
      expect(second.json()).toEqual({ sent: 0, alreadySent: 2, skipped: 0 });

      const mails = await ctx.deps.db
        .selectFrom('outbox')
        .select(['to_name', 'subject', 'text_body'])
        .where('kind', '=', 'recognition-letter')
        .orderBy('to_name')
        .execute();
      expect(mails.map((m) => m.to_name)).toEqual(['Ravi Okafor', 'Zoë Ångström 王芳']);
      expect(mails[0]?.subject).toBe('Test Mentoring Program: your letter of recognition');
      expect(mails[0]?.text_body).toMatch(/https?:\/\/[^\s]+\/letters/);
      expect(mails.some((m) => m.text_body.includes('Elena'))).toBe(false);

      const list = (await staff.get(`/api/periods/${periodId}/recognition-letters`)).json();
      expect(list.letters.every((l: { mailedAt: string | null }) => l.mailedAt !== null)).toBe(true);
    });

    it('answers 404 for a period that does not exist', async () => {
      const staff = await clientFor(staffId);
      expect((await staff.get('/api/periods/999999/recognition-letters')).statusCode).toBe(404);
      expect((await staff.get(`/api/periods/999999/recognition-letters/${zoe.id}.pdf`)).statusCode).toBe(404);
    });
  });
});
