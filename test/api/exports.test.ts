import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/background-jobs.ts';
import { withoutFormulaGuard } from '../../src/csv/spreadsheet-cell.ts';
import type { JobRunner } from '../../src/features/jobs/job-runner.ts';
import type { Question } from '../../src/shared/api/surveys.ts';
import { answers, base64, createPeriod } from '../fixtures/applications/helpers.ts';
import { surveyQuestion } from '../fixtures/survey-question.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import type { TestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

/** Names and notes someone could type to plant a formula in a staff member's spreadsheet. */
const EVIL_NAME = '=HYPERLINK("http://evil.example","click")';
const EVIL_NOTE = '@SUM(A1:A9)';
const BOM = '\uFEFF';

type Row = Record<string, string>;
/** The CSV parsed back by heading; the BOM, if any, is refused here (a test asks for it explicitly). */
const rowsOf = (text: string): Row[] => parse(text, { columns: true, bom: false }) as Row[];
const headingsOf = (text: string): string[] => (parse(text, { to_line: 1 }) as string[][])[0] ?? [];

describeEachDialect('CSV exports', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let staffId: number;
  let periodId: number;
  let match: TestMatch;
  let quiet: TestMatch;

  const as = (userId: number) => sessionClient(ctx, userId);
  /** A name typed by the person themselves (e-mail addresses are made from names, so it is set afterwards). */
  const rename = (userId: number, name: string) => ctx.deps.db.updateTable('users').set({ name }).where('id', '=', userId).execute();
  const auditCount = async (action: string) =>
    (await ctx.deps.db.selectFrom('audit_log').select('id').where('action', '=', action).execute()).length;
  const drain = async (runner: JobRunner) => {
    for (let empty = 0; empty < 2;) empty = (await runner.runOnce()).claimed === 0 ? empty + 1 : 0;
  };
  /** Moves the clock; sessions go idle over days, so staff sign in afresh. */
  const at = async (instant: string) => {
    ctx.clock.set(instant);
    staff = await as(staffId);
  };
  const download = async (client: Client, url: string) => {
    const res = await client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+\.csv"$/);
    return res.body;
  };

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    ({ staffId } = await setUpProgram(ctx.deps)); // America/Chicago; the clock says 2026-09-01
    staff = await as(staffId);
    periodId = await createPeriod(staff, 'Export year 2026');
    match = await createTestMatch(ctx.deps, { periodId, names: ['Evil Mentor', 'Zoë Mentee'], matchedAt: '2026-09-01T14:00:00.000Z' });
    await rename(match.mentorId, EVIL_NAME);
    quiet = await createTestMatch(ctx.deps, { periodId, names: ['Quinn Mentor', 'Quentin Mentee'], matchedAt: '2026-09-01T14:30:00.000Z' });
  });
  afterAll(() => ctx.close());

  describe('applications', () => {
    it('writes formula-safe rows without confidential answers, with or without a BOM, and audits the download', async () => {
      const applicant = await createPerson(ctx.deps, [], 'Ann Applicant');
      await rename(applicant.id, '+Ann Applicant');
      const applied = await (
        await as(applicant.id)
      ).post('/api/applications', {
        periodId,
        role: 'mentor',
        answers: answers({
          employer: EVIL_NAME,
          hopes: 'Share what I know; "quote" and, comma',
          capacity: 2,
          confidential: { preferSameGender: true, gender: '', notes: 'Secret note' },
        }),
      });
      expect(applied.statusCode, applied.body).toBe(201);
      const before = await auditCount('export.applications');

      const text = await download(staff, `/api/periods/${periodId}/exports/applications.csv`);
      expect(text.startsWith(BOM)).toBe(false);
      expect(headingsOf(text)).toEqual(expect.arrayContaining(['E-mail', 'Name', 'Job title', 'Program goal ids', 'Applied at (UTC)']));
      expect(text).not.toContain('Secret note');
      const row = rowsOf(text).find((r) => r['E-mail'] === applicant.email)!;
      expect(row).toMatchObject({
        Name: "'+Ann Applicant",
        Role: 'mentor',
        Employer: `'${EVIL_NAME}`,
        Hopes: 'Share what I know; "quote" and, comma',
        'Program goal ids': '1; 2',
        'Meet in person': 'no',
        Capacity: '2',
        Status: 'submitted',
        'Applied at (UTC)': '2026-09-01T15:00:00.000Z',
      });
      // The two accepted applications of each test match are there too.
      expect(rowsOf(text)).toHaveLength(5);

      const withBom = await download(staff, `/api/periods/${periodId}/exports/applications.csv?bom=1`);
      expect(withBom).toBe(BOM + text);
      expect(await auditCount('export.applications')).toBe(before + 2);
    });

    it('re-imports through the application import into another period, unchanged', async () => {
      const text = await download(staff, `/api/periods/${periodId}/exports/applications.csv?bom=1`);
      const next = await createPeriod(staff, 'Round trip 2027');
      const back = await staff.post(`/api/periods/${next}/applications/import`, { fileBase64: base64(text), mode: 'all-or-nothing' });
      expect(back.statusCode, back.body).toBe(201);
      expect(back.json()).toMatchObject({ unmapped: [], counts: { total: 5, good: 5, imported: 5 } });
      const strip = (r: Row) => {
        const { Status: _s, 'Decision reason': _d, 'Applied at (UTC)': _a, ...rest } = r;
        return rest;
      };
      const again = await download(staff, `/api/periods/${next}/exports/applications.csv`);
      const byEmail = (rows: Row[]) => rows.map(strip).sort((a, b) => a['E-mail']!.localeCompare(b['E-mail']!));
      expect(byEmail(rowsOf(again))).toEqual(byEmail(rowsOf(text.slice(1))));
      const copy = (await staff.get(`/api/periods/${next}/applications?role=mentor`)).json().applications;
      expect(copy.find((a: { answers: { employer: string } }) => a.answers.employer === EVIL_NAME)).toBeDefined();
    });

    it('answers an unknown period with 404 and a bad query with 400, writing nothing', async () => {
      const before = await auditCount('export.applications');
      const missing = await staff.get('/api/periods/999999/exports/applications.csv');
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({ code: 'NOT_FOUND', message: 'No such period.' });
      expect((await staff.get(`/api/periods/${periodId}/exports/applications.csv?bom=yes`)).statusCode).toBe(400);
      expect((await staff.get(`/api/periods/${periodId}/exports/applications.csv?format=xlsx`)).statusCode).toBe(400);
      expect((await staff.get('/api/periods/abc/exports/applications.csv')).statusCode).toBe(400);
      expect(await auditCount('export.applications')).toBe(before);
    });
  });

  describe('matches, goal sheets and contacts', () => {
    it('lists every match of the period with both people, formula-safe', async () => {
      const text = await download(staff, `/api/periods/${periodId}/exports/matches.csv?bom=1`);
      expect(text.startsWith(BOM)).toBe(true);
      const rows = rowsOf(text.slice(1));
      expect(rows.map((r) => r.Match)).toEqual([String(match.id), String(quiet.id)]);
      expect(rows[0]).toMatchObject({
        Mentor: `'${EVIL_NAME}`,
        Mentee: 'Zoë Mentee',
        Status: 'Active',
        'Matched at (UTC)': '2026-09-01T14:00:00.000Z',
        'Ended at (UTC)': '',
        Score: '0.80',
      });
      expect(withoutFormulaGuard(rows[0]!.Mentor!)).toBe(EVIL_NAME);
      expect(await auditCount('export.matches')).toBe(1);
    });

    it('flattens goal sheets to one row per goal, and shows a sheet nobody started', async () => {
      const mentee = await as(match.menteeId);
      const goal = (title: string, programGoalIds: number[]) => ({
        title,
        programGoalIds,
        activities: EVIL_NOTE,
        successMeasure: 'A mock interview that goes well',
        targetDate: '2027-03-01',
      });
      const saved = await mentee.request('PUT', `/api/matches/${match.id}/goal-sheet`, {
        baseRevision: 0,
        content: {
          goals: [goal('Interview with confidence', [1, 2]), goal('-Lead a storytime', [2])],
          communication: { channels: ['video', 'email'], cadence: 'Every other Tuesday' },
        },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const goals = (await staff.get('/api/program-goals')).json().goals as { id: number; title: string }[];
      const title = (id: number) => goals.find((g) => g.id === id)!.title;

      const rows = rowsOf(await download(staff, `/api/periods/${periodId}/exports/goal-sheets.csv`));
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatchObject({
        Match: String(match.id),
        Mentor: `'${EVIL_NAME}`,
        'Sheet status': 'Draft',
        'Due on': '2026-10-01',
        'Goal number': '1',
        Goal: 'Interview with confidence',
        'Program goals': `${title(1)}; ${title(2)}`,
        'Planned activities': `'${EVIL_NOTE}`,
        'Target date': '2027-03-01',
        Channels: 'Video call; E-mail',
        'How they keep in touch': 'Every other Tuesday',
      });
      expect(rows[1]).toMatchObject({ 'Goal number': '2', Goal: "'-Lead a storytime", 'Program goals': title(2) });
      expect(rows[2]).toMatchObject({ Match: String(quiet.id), 'Sheet status': 'Not started', 'Goal number': '', Goal: '' });
    });

    it('writes the contact logs of every pair, notes made inert', async () => {
      await at('2026-09-10T15:00:00.000Z');
      const mentor = await as(match.mentorId);
      const logged = await mentor.post(`/api/matches/${match.id}/contacts`, {
        occurredOn: '2026-09-08',
        channel: 'video',
        note: EVIL_NOTE,
      });
      expect(logged.statusCode, logged.body).toBe(201);
      const rows = rowsOf(await download(staff, `/api/periods/${periodId}/exports/contacts.csv`));
      expect(rows).toEqual([
        {
          Match: String(match.id),
          Mentor: `'${EVIL_NAME}`,
          Mentee: 'Zoë Mentee',
          Date: '2026-09-08',
          Channel: 'Video call',
          Activity: '',
          Note: `'${EVIL_NOTE}`,
          'Logged by': `'${EVIL_NAME}`,
          'Logged at (UTC)': '2026-09-10T15:00:00.000Z',
        },
      ]);
    });

    it('answers an unknown period with 404 for each of them, and refuses people the pages refuse', async () => {
      for (const what of ['matches', 'goal-sheets', 'contacts', 'attendance', 'survey-results']) {
        const res = await staff.get(`/api/periods/999999/exports/${what}.csv`);
        expect(res.statusCode, what).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
      const mentee = await as(match.menteeId);
      expect((await mentee.get(`/api/periods/${periodId}/exports/contacts.csv`)).statusCode).toBe(403);
      expect((await mentee.get(`/api/periods/${periodId}/exports/matches.csv`)).statusCode).toBe(403);
    });
  });

  describe('event attendance', () => {
    let eventId: number;
    it('writes one row per person invited, per event held, by event and for the period', async () => {
      await at('2026-10-18T15:00:00.000Z');
      const created = await staff.post('/api/events', {
        kind: 'forum',
        title: '=Forum: goals',
        description: '',
        date: '2026-10-20',
        time: '18:00',
        timeZone: 'America/Chicago',
        durationMinutes: 60,
        joinUrl: 'https://meet.example.org/j/1',
        place: '',
        audience: 'period_matches',
        periodId,
        capacity: null,
        rsvpDeadline: null,
        host: 'Program office',
      });
      expect(created.statusCode, created.body).toBe(201);
      eventId = created.json().id;
      expect((await staff.post(`/api/events/${eventId}/publish`)).statusCode).toBe(200);
      await drain(createJobRunner(ctx.deps, { workerId: 'test' }));
      const before = rowsOf(await download(staff, `/api/events/${eventId}/exports/attendance.csv`));
      expect(before).toHaveLength(4);
      expect(before.every((r) => r.Attended === '' && r.Answer === 'No answer' && r.Event === "'=Forum: goals")).toBe(true);
      // Not held yet: the period's export leaves it out.
      expect(rowsOf(await download(staff, `/api/periods/${periodId}/exports/attendance.csv`))).toEqual([]);

      await at('2026-10-21T15:00:00.000Z');
      const marked = await staff.request('PUT', `/api/events/${eventId}/attendance`, {
        marks: [
          { userId: match.mentorId, attended: true },
          { userId: match.menteeId, attended: false },
        ],
      });
      expect(marked.statusCode, marked.body).toBe(200);
      const rows = rowsOf(await download(staff, `/api/periods/${periodId}/exports/attendance.csv?bom=0`));
      expect(rows).toHaveLength(4);
      expect(rows.find((r) => r.Name === `'${EVIL_NAME}`)).toMatchObject({
        Attended: 'Yes',
        'Event starts at (UTC)': '2026-10-20T23:00:00.000Z',
        Roles: 'mentor',
      });
      expect(rows.find((r) => r.Name === 'Zoë Mentee')).toMatchObject({ Attended: 'No' });
      expect(rows.find((r) => r.Name === 'Quinn Mentor')).toMatchObject({ Attended: '' });
      expect((await staff.get('/api/events/999999/exports/attendance.csv')).statusCode).toBe(404);
    });
  });

  describe('survey results', () => {
    const LIKERT = ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'];
    const QUESTIONS: Question[] = [
      surveyQuestion({ id: 'score', kind: 'likert', text: 'How was your year?', required: true, options: LIKERT, section: 'Overall' }),
      surveyQuestion({ id: 'note', kind: 'short-text', text: 'One thing to change' }),
      surveyQuestion({ id: 'hours', kind: 'number', text: 'Hours a month', min: 0, max: 100 }),
    ];

    it('writes aggregates only: no free text, groups under the minimum hidden as on the results page', async () => {
      const matches = [];
      for (let i = 0; i < 5; i++) matches.push(await createTestMatch(ctx.deps, { periodId }));
      const created = await staff.post('/api/surveys', { periodId, kind: 'check-in' });
      expect(created.statusCode, created.body).toBe(201);
      const surveyId = created.json().id as number;
      const patched = await staff.patch(`/api/surveys/${surveyId}`, { questions: QUESTIONS, named: false, title: '=Autumn check-in' });
      expect(patched.statusCode, patched.body).toBe(200);
      expect((await staff.post(`/api/surveys/${surveyId}/publish`)).statusCode).toBe(200);
      const taskforce = await as((await createPerson(ctx.deps, ['taskforce'])).id);
      // Open: no results yet, as on the page.
      expect((await taskforce.get(`/api/surveys/${surveyId}/exports/survey-results.csv`)).statusCode).toBe(409);

      // Six mentees answer, three mentors (fewer than the minimum of five): the role breakdown is hidden.
      const mentees = [match.menteeId, ...matches.map((m) => m.menteeId)];
      for (const [i, id] of mentees.entries()) {
        const res = await (
          await as(id)
        ).post(`/api/surveys/${surveyId}/response`, { answers: { score: 4, note: `SECRET ${i}`, hours: 2 } });
        expect(res.statusCode, res.body).toBe(201);
      }
      for (const m of matches.slice(0, 3))
        await (await as(m.mentorId)).post(`/api/surveys/${surveyId}/response`, { answers: { score: 5 } });
      expect((await staff.post(`/api/surveys/${surveyId}/close`)).statusCode).toBe(200);

      const text = await download(taskforce, `/api/surveys/${surveyId}/exports/survey-results.csv?bom=1`);
      expect(text.startsWith(BOM)).toBe(true);
      expect(text).not.toContain('SECRET');
      const rows = rowsOf(text.slice(1));
      const figure = (question: string, group: string, name: string) =>
        rows.find((r) => r.Question === question && r.Group === group && r.Figure === name)?.Value;
      expect(rows.every((r) => r.Survey === "'=Autumn check-in")).toBe(true);
      expect(figure('How was your year?', 'Everyone', 'Answers')).toBe('9');
      expect(figure('How was your year?', 'Everyone', '4 · Good')).toBe('6');
      expect(figure('How was your year?', 'Everyone', '5 · Very good')).toBe('3');
      expect(figure('How was your year?', 'By role', 'Hidden')).toBeTruthy();
      // The three mentors never show as a group; mentees only where they are everyone who answered.
      expect(rows.some((r) => r.Group === 'Mentors')).toBe(false);
      expect(rows.some((r) => r.Question === 'How was your year?' && r.Group === 'Mentees')).toBe(false);
      expect(figure('One thing to change', 'Everyone', 'Answers')).toBe('6');
      expect(rows.filter((r) => r.Question === 'One thing to change').map((r) => [r.Group, r.Figure, r.Value])).toEqual([
        ['Everyone', 'Answers', '6'],
        ['Mentees', 'Answers', '6'],
      ]);
      expect(figure('Hours a month', 'Everyone', 'Mean')).toBe('2');

      // The period's export holds the same rows (the only closed survey of the period).
      const period = await download(staff, `/api/periods/${periodId}/exports/survey-results.csv`);
      expect(rowsOf(period)).toEqual(rows);
      const mentor = await as(match.mentorId);
      expect((await mentor.get(`/api/surveys/${surveyId}/exports/survey-results.csv`)).statusCode).toBe(403);
    });
  });
});
