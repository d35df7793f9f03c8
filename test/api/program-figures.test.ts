import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { figureChart } from '../../src/features/program-figures/program-figures.service.ts';
import { surveyQuestionChart } from '../../src/features/surveys/survey-charts.service.ts';
import type { ChartData } from '../../src/shared/api/reports.ts';
import type { Question } from '../../src/shared/api/surveys.ts';
import { surveyQuestion } from '../fixtures/survey-question.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import type { TestMatch } from '../setup/match-fixtures.ts';
import { buildTestApp, Client, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';

// Inside the period's survey window (1–21 August 2027), 10:00 in Chicago.
const NOW = '2027-08-02T15:00:00.000Z';
const MATCHED_AT = '2026-09-15T15:00:00.000Z';

const q = (over: Partial<Question> & Pick<Question, 'id' | 'kind' | 'text'>): Question => surveyQuestion(over);
const QUESTIONS: Question[] = [
  q({
    id: 'overall',
    kind: 'likert',
    text: 'How was your year?',
    required: true,
    options: ['Very poor', 'Poor', 'Fair', 'Good', 'Very good'],
  }),
  q({ id: 'again', kind: 'single', text: 'Would you take part again?', options: ['Yes', 'No'] }),
  q({ id: 'hours', kind: 'number', text: 'Hours a month', min: 0, max: 100 }),
  q({ id: 'change', kind: 'short-text', text: 'One thing to change' }),
];

type Figures = { figures: { key: string; data: ChartData }[]; minGroupSize: number; periodName: string };
const figureOf = (body: Figures, key: string) => body.figures.find((f) => f.key === key)!.data;

describeEachDialect('program figures', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let taskforce: Client;
  let periodId: number;
  const matches: TestMatch[] = [];

  const as = async (userId: number): Promise<Client> => {
    const client = new Client(ctx.app);
    await client.useSession(await startSession(ctx.deps, userId));
    return client;
  };
  const figures = async (client: Client = taskforce): Promise<Figures> => {
    const res = await client.get(`/api/program-figures?periodId=${periodId}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    ctx.clock.set(NOW);
    staff = await as(staffId);
    taskforce = (await signedIn(ctx, ['taskforce'])).client;
    periodId = await periodIn(ctx.deps, 'active');
    for (let i = 0; i < 6; i++) {
      matches.push(await createTestMatch(ctx.deps, { periodId, names: [`Zelda Mentor ${i}`, `Yusuf Mentee ${i}`], matchedAt: MATCHED_AT }));
    }
    await ctx.deps.db.updateTable('applications').set({ status: 'matched' }).where('period_id', '=', periodId).execute();
    // Every goal sheet sent on 1 October 2026, before its due day (30 days after the match).
    for (const m of matches) {
      await ctx.deps.db
        .insertInto('goal_sheets')
        .values({
          match_id: m.id,
          status: 'submitted',
          revision: 2,
          content: JSON.stringify({ goals: [], communicationPlan: '' }),
          updated_by: m.menteeId,
          updated_at: '2026-10-01T15:00:00.000Z',
          submitted_by: m.menteeId,
          submitted_at: '2026-10-01T15:00:00.000Z',
          first_submitted_at: '2026-10-01T15:00:00.000Z',
          reviewed_by: null,
          reviewed_at: null,
          review_comment: null,
          created_at: MATCHED_AT,
        })
        .execute();
    }
  });
  afterAll(() => ctx.close());

  it("counts a small program's figures, with nothing that names anyone", async () => {
    const res = await taskforce.get(`/api/program-figures?periodId=${periodId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toMatch(/Zelda|Yusuf|@/);
    const body = res.json() as Figures;
    expect(body.minGroupSize).toBe(5);
    expect(body.figures.map((f) => f.key)).toEqual([
      'applications',
      'outcomes',
      'unmatched-reasons',
      'goal-sheets',
      'rematch',
      'contacts',
      'events',
      'survey-response',
    ]);
    expect(figureOf(body, 'applications')).toMatchObject({
      suppressed: false,
      total: 12,
      bars: [
        { label: 'Mentors', value: 6 },
        { label: 'Mentees', value: 6 },
      ],
    });
    expect(figureOf(body, 'outcomes')).toMatchObject({
      suppressed: false,
      total: 12,
      bars: expect.arrayContaining([{ label: 'Matched', value: 12 }]),
    });
    expect(figureOf(body, 'unmatched-reasons')).toMatchObject({ suppressed: false, total: 0 });
    expect(figureOf(body, 'goal-sheets')).toMatchObject({
      suppressed: false,
      total: 6,
      bars: expect.arrayContaining([{ label: 'On time', value: 6 }]),
    });
    expect(figureOf(body, 'contacts')).toMatchObject({
      suppressed: false,
      total: 6,
      bars: expect.arrayContaining([{ label: 'No contacts', value: 6 }]),
    });
    expect(figureOf(body, 'rematch')).toMatchObject({ suppressed: false, total: 0 });
    expect(figureOf(body, 'survey-response')).toMatchObject({ suppressed: false, total: 0 });
    // Staff read the same.
    expect(await figures(staff)).toEqual(body);
  });

  it('hides a figure whose small group would show by difference with another, and the report chart hides it too', async () => {
    // One match logs a contact: "no contacts" 5 and "1 to 2" 1; all six sheets were on time, so goal sheets stay.
    await ctx.deps.db
      .insertInto('contacts')
      .values({
        match_id: matches[0]!.id,
        logged_by: matches[0]!.menteeId,
        occurred_on: '2026-10-02',
        channel: 'email',
        activity_id: null,
        note: '',
        created_at: NOW,
      })
      .execute();
    const body = await figures();
    expect(figureOf(body, 'goal-sheets').suppressed).toBe(false);
    expect(figureOf(body, 'contacts')).toMatchObject({ suppressed: true, reason: expect.stringContaining('smaller than 5') });
    expect(await figureChart(ctx.deps, periodId, 'contacts')).toEqual(figureOf(body, 'contacts'));
    await ctx.deps.db.deleteFrom('contacts').where('match_id', '=', matches[0]!.id).execute();
  });

  it('refuses an unknown period (404) and a malformed one (400)', async () => {
    expect((await taskforce.get('/api/program-figures?periodId=999999')).statusCode).toBe(404);
    expect((await taskforce.get('/api/report-charts/options?periodId=999999')).statusCode).toBe(404);
    expect((await taskforce.get('/api/program-figures?periodId=abc')).statusCode).toBe(400);
    expect((await taskforce.get('/api/program-figures')).statusCode).toBe(400);
  });

  it('is for staff and the task force only', async () => {
    for (const role of ['mentor', 'mentee', 'committee'] as const) {
      const { client } = await signedIn(ctx, [role]);
      expect((await client.get(`/api/program-figures?periodId=${periodId}`)).statusCode).toBe(403);
      expect((await client.get(`/api/report-charts/options?periodId=${periodId}`)).statusCode).toBe(403);
      expect((await client.get('/api/survey-results/across-years?questionId=overall')).statusCode).toBe(403);
    }
    expect((await new Client(ctx.app).get(`/api/program-figures?periodId=${periodId}`)).statusCode).toBe(401);
  });

  describe('with a wrap-up survey', () => {
    let surveyId: number;

    beforeAll(async () => {
      const created = await staff.post('/api/surveys', { periodId, kind: 'wrap-up' });
      expect(created.statusCode, created.body).toBe(201);
      surveyId = created.json().id;
      const patched = await staff.patch(`/api/surveys/${surveyId}`, { questions: QUESTIONS, title: 'Wrap-up 2027' });
      expect(patched.statusCode, patched.body).toBe(200);
      expect((await staff.post(`/api/surveys/${surveyId}/publish`)).statusCode).toBe(200);
    });

    it('an open survey cannot be charted yet; its response rate hides a group under the threshold', async () => {
      await expect(surveyQuestionChart(ctx.deps, surveyId, 'overall')).rejects.toMatchObject({ code: 'RESULTS_NOT_YET' });
      // 8 of the 12 answer: "did not answer" is 4 people, under 5.
      const answers = [5, 4, 4, 4, 3, 5, 4, 2];
      for (const [i, m] of matches.slice(0, 4).entries()) {
        for (const [k, userId] of [m.mentorId, m.menteeId].entries()) {
          const client = await as(userId);
          const res = await client.post(`/api/surveys/${surveyId}/response`, {
            answers: { overall: answers[i * 2 + k]!, again: 'Yes', hours: 2 + i, change: 'More coffee' },
          });
          expect(res.statusCode, res.body).toBe(201);
        }
      }
      expect(figureOf(await figures(), 'survey-response')).toMatchObject({ suppressed: true });
      // Then the other four answer: 12 and 0, shown (an empty bar tells nothing about anyone).
      for (const m of matches.slice(4)) {
        for (const userId of [m.mentorId, m.menteeId]) {
          expect((await (await as(userId)).post(`/api/surveys/${surveyId}/response`, { answers: { overall: 3 } })).statusCode).toBe(201);
        }
      }
      expect(figureOf(await figures(), 'survey-response')).toMatchObject({
        suppressed: false,
        total: 12,
        bars: [
          { label: 'Answered', value: 12 },
          { label: 'Did not answer', value: 0 },
        ],
      });
      expect((await staff.post(`/api/surveys/${surveyId}/close`)).statusCode).toBe(200);
    });

    it('charts each closed question: counts for scale and choice, a spread for numbers, never free text', async () => {
      const overall = await surveyQuestionChart(ctx.deps, surveyId, 'overall');
      expect(overall).toMatchObject({ suppressed: false, total: 12, unit: 'people who answered' });
      if (!overall.suppressed) expect(overall.bars.map((b) => b.value)).toEqual([0, 1, 5, 4, 2]);
      // Only 8 answered the choice and the number: shown, as 8 ≥ 5.
      expect(await surveyQuestionChart(ctx.deps, surveyId, 'again')).toMatchObject({
        suppressed: false,
        total: 8,
        bars: [
          { label: 'Yes', value: 8 },
          { label: 'No', value: 0 },
        ],
      });
      const hours = await surveyQuestionChart(ctx.deps, surveyId, 'hours');
      expect(hours).toMatchObject({ suppressed: false, total: 8 });
      if (!hours.suppressed) expect(hours.bars).toEqual(['2', '3', '4', '5'].map((label) => ({ label, value: 2 })));
      await expect(surveyQuestionChart(ctx.deps, surveyId, 'change')).rejects.toMatchObject({ code: 'NOT_A_CHART' });
      await expect(surveyQuestionChart(ctx.deps, surveyId, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('offers the report editor the figures and the closed survey’s chartable questions', async () => {
      const res = await taskforce.get(`/api/report-charts/options?periodId=${periodId}`);
      expect(res.statusCode, res.body).toBe(200);
      const { options } = res.json() as { options: { ref: Record<string, unknown>; group: string; label: string; data: ChartData }[] };
      expect(options.filter((o) => o.group === 'Program figures')).toHaveLength(8);
      expect(options.filter((o) => o.group === 'Wrap-up 2027').map((o) => o.ref)).toEqual(
        ['overall', 'again', 'hours'].map((questionId) => ({ source: 'survey', surveyId, questionId })),
      );
    });

    it('follows a question across years, and refuses one no closed wrap-up asked', async () => {
      const questions = (await taskforce.get('/api/survey-results/across-years/questions')).json();
      expect(questions.questions.map((x: { questionId: string }) => x.questionId)).toEqual(['overall', 'again', 'hours']);
      const res = await taskforce.get('/api/survey-results/across-years?questionId=overall');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        questionId: 'overall',
        kind: 'likert',
        minGroupSize: 5,
        periods: [{ periodId, surveyId, surveyTitle: 'Wrap-up 2027', data: { suppressed: false, total: 12 } }],
      });
      expect((await taskforce.get('/api/survey-results/across-years?questionId=change')).statusCode).toBe(404);
      expect((await taskforce.get('/api/survey-results/across-years?questionId=Not%20an%20id')).statusCode).toBe(400);
    });
  });
});
