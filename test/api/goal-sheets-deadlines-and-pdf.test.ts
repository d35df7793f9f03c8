import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import type { TestMatch } from '../setup/match-fixtures.ts';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { pdfText } from '../setup/pdf-text.ts';
import { buildTestApp, Client, createPerson, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import type { Role } from '../../src/shared/roles.ts';
import { OPEN_DATES } from '../fixtures/applications/helpers.ts';

const sheetGoal = (o: Record<string, unknown> = {}) => ({
  title: 'Plan a summer reading kickoff',
  programGoalIds: [1, 3],
  activities: 'Shadow two storytimes; draft the plan together.',
  successMeasure: 'A written plan the branch manager approves.',
  targetDate: '2027-05-01',
  ...o,
});
const completeSheet = (goals = [sheetGoal()], cadence = 'A video call every other week') => ({
  goals,
  communication: { channels: ['video', 'email'], cadence },
});

describeEachDialect('goal sheets: deadlines, the staff list and PDFs', (db) => {
  let ctx: TestContext;
  let staffId: number;
  let staff: Client;
  const MATCHED_AT = '2026-09-01T15:00:00.000Z';

  const clientFor = async (id: number) => {
    const c = new Client(ctx.app);
    await c.useSession(await startSession(ctx.deps, id));
    return c;
  };
  /** Moving the clock far ends idle sessions, as it would in real life: start fresh ones. */
  const at = async (instant: string) => {
    ctx.clock.set(instant);
    staff = await clientFor(staffId);
  };
  const pair = async (periodId: number, o: { mentee?: string; mentor?: string; matchedAt?: string } = {}) => {
    const mentee = await createPerson(ctx.deps, ['mentee'], o.mentee);
    const mentor = await createPerson(ctx.deps, ['mentor'], o.mentor);
    const match = await createTestMatch(ctx.deps, {
      periodId,
      mentorId: mentor.id,
      menteeId: mentee.id,
      matchedAt: o.matchedAt ?? MATCHED_AT,
    });
    return { match, mentee, mentor, menteeClient: () => clientFor(mentee.id), mentorClient: () => clientFor(mentor.id) };
  };
  const url = (m: TestMatch, suffix = '') => `/api/matches/${m.id}/goal-sheet${suffix}`;
  const save = (c: Client, m: TestMatch, baseRevision: number, content: unknown) => c.request('PUT', url(m), { baseRevision, content });
  const newPeriod = async (name: string) => (await staff.post('/api/periods', { name, ...OPEN_DATES })).json().id as number;

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    staffId = (await setUpProgram(ctx.deps)).staffId;
    staff = await clientFor(staffId);
  });
  afterAll(() => ctx.close());

  describe('on time or late, in the program time zone', () => {
    it('counts a sheet sent before local midnight on the due date as on time, and one a moment later as late', async () => {
      await at(MATCHED_AT);
      expect(
        (
          await staff.patch('/api/settings', {
            timeZone: 'America/Chicago',
            goalSheetContact: { name: 'Dana Office', email: 'office@example.org' },
          })
        ).statusCode,
      ).toBe(200);
      const periodId = await newPeriod('Deadline period');
      const early = await pair(periodId);
      const late = await pair(periodId);
      for (const p of [early, late]) expect((await save(await p.menteeClient(), p.match, 0, completeSheet())).statusCode).toBe(200);

      // Due 1 October; in Chicago (UTC−5 in October) that day ends at 05:00 UTC on 2 October.
      // In UTC the first submission below would already be on 2 October, and late.
      await at('2026-10-02T04:59:59.999Z');
      const early1 = await early.menteeClient();
      expect((await early1.get(url(early.match))).json()).toMatchObject({ dueOn: '2026-10-01', daysLeft: 0, overdue: false, onTime: null });
      const sent = await early1.post(url(early.match, '/submit'), { revision: 1 });
      expect(sent.statusCode, sent.body).toBe(200);
      expect(sent.json()).toMatchObject({ onTime: true, overdue: false });

      await at('2026-10-02T05:00:00.000Z');
      const late1 = await late.menteeClient();
      expect((await late1.get(url(late.match))).json()).toMatchObject({ daysLeft: -1, overdue: true, onTime: null });
      const list = (await staff.get(`/api/goal-sheets?periodId=${periodId}`)).json();
      expect(list.rows.map((r: { matchId: number; overdue: boolean }) => [r.matchId, r.overdue])).toEqual([
        [late.match.id, true],
        [early.match.id, false],
      ]);
      const lateSent = await late1.post(url(late.match, '/submit'), { revision: 1 });
      expect(lateSent.statusCode, lateSent.body).toBe(200);
      expect(lateSent.json()).toMatchObject({ status: 'submitted', onTime: false, overdue: false });

      const office = await ctx.deps.db
        .selectFrom('outbox')
        .select('text_body')
        .where('to_address', '=', 'office@example.org')
        .orderBy('id')
        .execute();
      expect(office.map((m) => /counts as late/.test(m.text_body))).toEqual([false, true]);

      // The same instants in Tokyo: the match was made on 2 September there, so everything moves a day.
      expect((await staff.patch('/api/settings', { timeZone: 'Asia/Tokyo' })).statusCode).toBe(200);
      try {
        expect((await staff.get(url(early.match))).json()).toMatchObject({ matchedOn: '2026-09-02', dueOn: '2026-10-02', onTime: true });
      } finally {
        await staff.patch('/api/settings', { timeZone: 'America/Chicago', goalSheetContact: null });
      }
    });
  });

  describe('the staff list', () => {
    it('shows every match of the period, overdue first, then waiting for review, then by due date; filters and counts', async () => {
      await at('2026-09-20T15:00:00.000Z');
      const periodId = await newPeriod('List period');
      const notStarted = await pair(periodId, { mentee: 'Ada NotStarted', matchedAt: '2026-09-10T15:00:00.000Z' });
      const draft = await pair(periodId, { mentee: 'Bea Draft', matchedAt: '2026-09-05T15:00:00.000Z' });
      const waiting = await pair(periodId, { mentee: 'Cy Waiting', matchedAt: '2026-09-15T15:00:00.000Z' });
      const done = await pair(periodId, { mentee: 'Di Done', matchedAt: '2026-09-01T15:00:00.000Z' });
      const overdue = await pair(periodId, { mentee: 'Ed Overdue', matchedAt: '2026-08-01T15:00:00.000Z' });
      const ended = await pair(periodId, { mentee: 'Flo Ended', matchedAt: '2026-08-01T15:00:00.000Z' });
      await ctx.deps.db
        .updateTable('matches')
        .set({ status: 'ended', ended_at: '2026-09-10T15:00:00.000Z' })
        .where('id', '=', ended.match.id)
        .execute();

      await save(await draft.mentorClient(), draft.match, 0, completeSheet([sheetGoal({ activities: '' })]));
      for (const p of [waiting, done]) {
        const c = await p.menteeClient();
        await save(c, p.match, 0, completeSheet());
        expect((await c.post(url(p.match, '/submit'), { revision: 1 })).statusCode).toBe(200);
      }
      expect((await staff.post(url(done.match, '/acknowledge'), { revision: 2, comment: 'Lovely.' })).statusCode).toBe(200);

      const res = await staff.get(`/api/goal-sheets?periodId=${periodId}`);
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json();
      expect(list.period).toEqual({ id: periodId, name: 'List period' });
      expect(list.counts).toEqual({ draft: 4, submitted: 1, returned: 0, acknowledged: 1, overdue: 1 });
      expect(list.rows.map((r: { mentee: { name: string } }) => r.mentee.name)).toEqual([
        'Ed Overdue',
        'Cy Waiting',
        'Flo Ended',
        'Di Done',
        'Bea Draft',
        'Ada NotStarted',
      ]);
      const row = (name: string) => list.rows.find((r: { mentee: { name: string } }) => r.mentee.name === name);
      expect(row('Ed Overdue')).toMatchObject({
        status: 'draft',
        started: false,
        overdue: true,
        dueOn: '2026-08-31',
        daysLeft: -20,
        onTime: null,
      });
      expect(row('Flo Ended')).toMatchObject({ matchStatus: 'ended', overdue: false });
      expect(row('Ada NotStarted')).toMatchObject({ status: 'draft', started: false, goals: 0, dueOn: '2026-10-10', daysLeft: 20 });
      expect(row('Bea Draft')).toMatchObject({ status: 'draft', started: true, goals: 1 });
      expect(row('Cy Waiting')).toMatchObject({ status: 'submitted', onTime: true, submittedAt: '2026-09-20T15:00:00.000Z' });
      expect(row('Di Done')).toMatchObject({
        status: 'acknowledged',
        reviewedAt: '2026-09-20T15:00:00.000Z',
        mentor: { name: done.mentor.name },
      });

      const overdueOnly = (await staff.get(`/api/goal-sheets?periodId=${periodId}&status=overdue`)).json();
      expect(overdueOnly.rows.map((r: { matchId: number }) => r.matchId)).toEqual([overdue.match.id]);
      expect(overdueOnly.counts.draft).toBe(4);
      const drafts = (await staff.get(`/api/goal-sheets?periodId=${periodId}&status=draft`)).json();
      expect(drafts.rows.map((r: { matchId: number }) => r.matchId).sort()).toEqual(
        [notStarted.match.id, draft.match.id, overdue.match.id, ended.match.id].sort(),
      );

      expect((await staff.get('/api/goal-sheets?periodId=999999')).statusCode).toBe(404);
      expect((await staff.get('/api/goal-sheets?status=lost')).statusCode).toBe(400);
      for (const roles of [['mentor'], ['committee'], ['taskforce']] as Role[][]) {
        expect((await (await clientFor((await createPerson(ctx.deps, roles)).id)).get('/api/goal-sheets')).statusCode).toBe(403);
      }
    });

    it('opens on the latest active period, or else the latest one with matches', async () => {
      const periods = await ctx.deps.db.selectFrom('periods').select(['id', 'name']).orderBy('id').execute();
      const listPeriod = periods.find((p) => p.name === 'List period');
      const deadlinePeriod = periods.find((p) => p.name === 'Deadline period');
      await staff.post('/api/periods', { name: 'Empty newer period', ...OPEN_DATES });
      // Approval moves a period with matches to active and on; the fixtures made theirs directly.
      await ctx.deps.db
        .updateTable('periods')
        .set({ status: 'closed' })
        .where('id', '=', listPeriod?.id ?? 0)
        .execute();
      const first = (await staff.get('/api/goal-sheets')).json();
      expect(first.period).toEqual({ id: listPeriod?.id, name: 'List period' });
      expect(first.periods.map((p: { name: string }) => p.name)).toContain('Empty newer period');
      await ctx.deps.db
        .updateTable('periods')
        .set({ status: 'active' })
        .where('id', '=', deadlinePeriod?.id ?? 0)
        .execute();
      expect((await staff.get('/api/goal-sheets')).json().period.name).toBe('Deadline period');
    });
  });

  describe('PDFs', () => {
    it('prints the filled sheet: program, the pair, the dates, each goal with its program goals, the plan and the note', async () => {
      await at(MATCHED_AT);
      const periodId = await newPeriod('PDF period');
      const p = await pair(periodId, { mentee: 'Rosa Reyes', mentor: 'Sam Okafor' });
      const mentee = await p.menteeClient();
      await save(
        mentee,
        p.match,
        0,
        completeSheet(
          [
            sheetGoal({ title: 'Lead a bilingual storytime' }),
            sheetGoal({ title: 'Join a division committee', programGoalIds: [5], targetDate: '2027-08-15' }),
          ],
          'Video call on the first Monday of each month',
        ),
      );
      await mentee.post(url(p.match, '/submit'), { revision: 1 });
      await staff.post(url(p.match, '/return'), { revision: 2, comment: 'Please say how many storytimes.' });

      const res = await mentee.get(url(p.match, '.pdf'));
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe('attachment; filename="goal-sheet-rosa-reyes-sam-okafor.pdf"');
      const { text } = await pdfText(res.rawPayload);
      const goals = (await staff.get('/api/program-goals')).json().goals as { id: number; title: string }[];
      const titleOf = (id: number) => goals.find((g) => g.id === id)?.title ?? '';
      for (const expected of [
        'Goal sheet',
        'Test Mentoring Program',
        'PDF period',
        'Mentee: Rosa Reyes',
        'Mentor: Sam Okafor',
        'Match made: September 1, 2026',
        'Due: October 1, 2026',
        'Returned for changes on September 1, 2026',
        'Please say how many storytimes.',
        'Goal 1: Lead a bilingual storytime',
        'Goal 2: Join a division committee',
        titleOf(1),
        titleOf(3),
        titleOf(5),
        'Shadow two storytimes; draft the plan together.',
        'A written plan the branch manager approves.',
        'Target date: May 1, 2027',
        'Target date: August 15, 2027',
        'Channels: Video call, E-mail',
        'How often: Video call on the first Monday of each month',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).not.toContain('cannot be shown in a PDF');

      expect((await staff.get(url(p.match, '.pdf'))).statusCode).toBe(200);
      expect((await (await clientFor((await createPerson(ctx.deps, ['mentee'])).id)).get(url(p.match, '.pdf'))).statusCode).toBe(404);
      expect((await new Client(ctx.app).get(url(p.match, '.pdf'))).statusCode).toBe(401);
    });

    it('prints names in every script the fonts cover, and says so when a character has no glyph; long sheets flow onto more pages', async () => {
      const periodId = await newPeriod('Unicode period');
      const p = await pair(periodId, { mentee: '王小明', mentor: 'Zoë Łukasiewicz' });
      const mentee = await p.menteeClient();
      const long = `${'Read, plan, try it out and talk it over. '.repeat(40)}https://example.org/${'x'.repeat(300)}`;
      const saved = await save(
        mentee,
        p.match,
        0,
        completeSheet(
          [
            sheetGoal({ title: '读书会 planning 👍🏽', activities: long }),
            sheetGoal({ activities: long }),
            sheetGoal({ activities: long, successMeasure: 'Ежемесячно ✓' }),
          ],
          'Weekly → on Zoom 🎉',
        ),
      );
      expect(saved.statusCode, saved.body).toBe(200);
      const res = await mentee.get(url(p.match, '.pdf'));
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="goal-sheet-zoe-lukasiewicz.pdf"');
      const { text, pages } = await pdfText(res.rawPayload);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(text).toContain('Goal 1: 读书会 planning');
      expect(text).toContain('Mentor: Zoë Łukasiewicz');
      expect(text).toContain('Mentee: 王小明');
      expect(text).toContain('Ежемесячно ✓');
      expect(text).toContain('Weekly → on Zoom');
      expect(text).not.toContain('?');
      // The emoji have no glyph in the embedded fonts: they show as boxes, and the sheet says so.
      expect(text).toContain('appear as empty boxes');
    });

    it('prints Zoë Łukasiewicz, 李雷 and محمد as text, the Arabic shaped and in its reading order', async () => {
      const periodId = await newPeriod('Three scripts period');
      const p = await pair(periodId, { mentee: 'Zoë Łukasiewicz', mentor: '李雷' });
      const mentee = await p.menteeClient();
      const saved = await save(
        mentee,
        p.match,
        0,
        completeSheet([sheetGoal({ title: 'Introduce محمد to the board', activities: 'Coffee with محمد علي (٢٠٢٦) every month' })]),
      );
      expect(saved.statusCode, saved.body).toBe(200);
      const res = await mentee.get(url(p.match, '.pdf'));
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      const { text } = await pdfText(res.rawPayload);
      expect(text).toContain('Mentee: Zoë Łukasiewicz');
      expect(text).toContain('Mentor: 李雷');
      // pdf.js gives right-to-left text back in logical order: محمد reads as its letters م ح م د.
      expect(text).toContain('Goal 1: Introduce محمد to the board');
      expect(text).toContain('محمد');
      expect(text).not.toContain('?');
      expect(text).not.toContain('empty boxes');
      // Every name's font is in the file: DejaVu, Noto Sans SC and Noto Sans Arabic.
      const doc = await PDFDocument.load(res.rawPayload);
      const fontNames = doc.context
        .enumerateIndirectObjects()
        .flatMap(([, o]) =>
          o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Font') ? [String(o.get(PDFName.of('BaseFont')))] : [],
        );
      expect(fontNames.some((n) => n.includes('DejaVuSans'))).toBe(true);
      expect(fontNames.some((n) => n.includes('NotoSansSC'))).toBe(true);
      expect(fontNames.some((n) => n.includes('NotoSansArabic'))).toBe(true);
    });

    it('gives anyone signed in a blank template with the program goals, N goal blocks and the communication plan', async () => {
      const mentor = await clientFor((await createPerson(ctx.deps, ['mentor'])).id);
      await staff.patch('/api/settings', { goalSheetContact: { name: 'Dana Office', email: 'office@example.org' } });
      await staff.post('/api/program-goals', { title: '阅读推广 outreach' });
      try {
        const res = await mentor.get('/api/goal-sheets/blank.pdf');
        expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toBe('attachment; filename="goal-sheet-template.pdf"');
        const { text } = await pdfText(res.rawPayload);
        const goals = (await staff.get('/api/program-goals')).json().goals as { title: string; retired: boolean }[];
        for (const g of goals.filter((x) => !x.retired && /^[\x20-\x7e]+$/.test(x.title))) expect(text).toContain(g.title);
        for (const expected of [
          'Goal 1',
          'Goal 2',
          'Goal 3',
          'Program goals this serves',
          'Planned activities',
          'How you will measure success',
          'Target date',
          'How you will keep in touch',
          'Video call',
          'In person',
          'How often',
          'Dana Office',
          '阅读推广 outreach',
        ]) {
          expect(text).toContain(expected);
        }
        expect(text).not.toContain('Goal 4');
      } finally {
        await staff.patch('/api/settings', { goalSheetContact: null });
      }
      expect((await new Client(ctx.app).get('/api/goal-sheets/blank.pdf')).statusCode).toBe(401);
    });
  });
});
