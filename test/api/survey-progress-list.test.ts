import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../src/background-jobs.ts';
import { encodeCursor } from '../../src/shared/api/list-query.ts';
import type { Question } from '../../src/shared/api/surveys.ts';
import { addDays } from '../../src/time/zoned.ts';
import { surveyQuestion } from '../fixtures/survey-question.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { pageThrough } from '../setup/page-through.ts';
import { buildTestApp, Client, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';

// The period's survey window is 1–21 August 2027 (matching-fixtures DATES); 10:00 in Chicago.
const NOW = '2027-08-02T15:00:00.000Z';
const NEXT_DAY = '2027-08-03T15:00:00.000Z';

const QUESTIONS: Question[] = [
  surveyQuestion({ id: 'score', kind: 'likert', required: true, options: ['1', '2', '3', '4', '5'] }),
  surveyQuestion({ id: 'note', kind: 'short-text' }),
];
/** Written in answers and drafts: none of it may ever show in the rates or the list. */
const SECRET = 'only-i-know-this';

/** Mentor and mentee of each pair; the last mentee shares the first mentor's name (the id breaks the tie). */
const PAIRS: [string, string][] = [
  ['Avery Stone', 'Iris Vale'],
  ['Blair Stone', 'Jules Vale'],
  ['Casey Stone', 'Kit Vale'],
  ['Drew Stone', 'Lane Vale'],
  ['Emery Stone', 'Morgan Vale'],
  ['Finley Stone', 'Noor Vale'],
  ['Gray Stone', 'Oak Vale'],
  ['Harper Stone', 'Avery Stone'],
];

interface Person {
  userId: number;
  name: string;
  email: string;
  role: 'mentor' | 'mentee';
  invitedAt: string | null;
  remindersSent: number;
  started: boolean;
}
interface NotYetPage {
  people: Person[];
  nextCursor: string | null;
  total: number;
}
interface Progress {
  invited: number;
  responded: number;
  byRole: { role: string; invited: number; responded: number }[];
  overTime: { date: string; responded: number; rate: number }[];
}

/**
 * A running survey as staff follow it (GET /api/surveys/:id/progress and /not-yet): the rates
 * counted by the database, and who has not answered, searched, filtered and a page at a time.
 */
describeEachDialect("a survey's progress and who has not answered", (db) => {
  let ctx: TestContext;
  let staff: Client;
  let surveyId: number;
  let untouchedId: number;
  const people = new Map<string, { id: number; role: 'mentor' | 'mentee' }[]>();
  const idOf = (name: string, role: 'mentor' | 'mentee') => people.get(name)!.find((p) => p.role === role)!.id;

  const newSurvey = async (periodId: number) => {
    const created = await staff.post('/api/surveys', { periodId, kind: 'check-in' });
    expect(created.statusCode, created.body).toBe(201);
    const id = (created.json() as { id: number }).id;
    expect((await staff.patch(`/api/surveys/${id}`, { questions: QUESTIONS })).statusCode).toBe(200);
    expect((await staff.post(`/api/surveys/${id}/publish`)).statusCode).toBe(200);
    return id;
  };
  const answer = async (userId: number, id = surveyId) => {
    const res = await (await sessionClient(ctx, userId)).post(`/api/surveys/${id}/response`, { answers: { score: 4, note: SECRET } });
    expect(res.statusCode, res.body).toBe(201);
  };
  const saveDraft = async (userId: number) => {
    const client = await sessionClient(ctx, userId);
    const res = await client.request('PUT', `/api/surveys/${surveyId}/draft`, { answers: { note: SECRET } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const list = async (query: string, id = surveyId): Promise<NotYetPage> => {
    const res = await staff.get(`/api/surveys/${id}/not-yet?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain(SECRET);
    return res.json() as NotYetPage;
  };
  const names = (page: NotYetPage) => page.people.map((p) => p.name);

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    ctx.clock.set(NOW);
    staff = await sessionClient(ctx, staffId);
    const periodId = await periodIn(ctx.deps, 'active');
    for (const [mentor, mentee] of PAIRS) {
      const m = await createTestMatch(ctx.deps, { periodId, names: [mentor, mentee] });
      people.set(mentor, [...(people.get(mentor) ?? []), { id: m.mentorId, role: 'mentor' }]);
      people.set(mentee, [...(people.get(mentee) ?? []), { id: m.menteeId, role: 'mentee' }]);
    }
    surveyId = await newSurvey(periodId);
    untouchedId = await newSurvey(periodId);
    const runner = createJobRunner(ctx.deps, { workerId: 'test' });
    for (let empty = 0; empty < 2;) empty = (await runner.runOnce()).claimed === 0 ? empty + 1 : 0;
    // Two answer on the first day, two the next; two have a draft under way; one had a reminder.
    await answer(idOf('Iris Vale', 'mentee'));
    await answer(idOf('Jules Vale', 'mentee'));
    ctx.clock.set(NEXT_DAY);
    staff = await sessionClient(ctx, staffId);
    await answer(idOf('Kit Vale', 'mentee'));
    await answer(idOf('Blair Stone', 'mentor'));
    await saveDraft(idOf('Casey Stone', 'mentor'));
    await saveDraft(idOf('Lane Vale', 'mentee'));
    await ctx.deps.db
      .updateTable('survey_invitations')
      .set({ reminders_sent: 1, last_reminder: 'week' })
      .where('survey_id', '=', surveyId)
      .where('user_id', '=', idOf('Drew Stone', 'mentor'))
      .execute();
  });
  afterAll(() => ctx.close());

  describe('the rates', () => {
    it('counts by role and by day what reading every invitation counted', async () => {
      const res = await staff.get(`/api/surveys/${surveyId}/progress`);
      expect(res.statusCode, res.body).toBe(200);
      const progress = res.json() as Progress;
      expect(progress).toEqual({
        invited: 16,
        responded: 4,
        byRole: [
          { role: 'mentor', invited: 8, responded: 1 },
          { role: 'mentee', invited: 8, responded: 3 },
        ],
        overTime: [
          { date: '2027-08-02', responded: 2, rate: 2 / 16 },
          { date: '2027-08-03', responded: 4, rate: 4 / 16 },
        ],
      });
      // The way it was worked out before: every invitation read and counted one by one.
      const rows = await ctx.deps.db
        .selectFrom('survey_invitations')
        .select(['role', 'responded_on'])
        .where('survey_id', '=', surveyId)
        .execute();
      const answered = rows.filter((r) => r.responded_on !== null);
      expect(progress.invited).toBe(rows.length);
      expect(progress.responded).toBe(answered.length);
      for (const r of progress.byRole) {
        expect(r.invited).toBe(rows.filter((x) => x.role === r.role).length);
        expect(r.responded).toBe(answered.filter((x) => x.role === r.role).length);
      }
      let total = 0;
      for (let date = '2027-08-02', i = 0; date <= '2027-08-03'; date = addDays(date, 1), i++) {
        total += answered.filter((r) => r.responded_on === date).length;
        expect(progress.overTime[i]).toEqual({ date, responded: total, rate: total / rows.length });
      }
    });

    it('gives a draft survey no days, no roles and nobody to list', async () => {
      const draft = (await staff.post('/api/surveys', { periodId: await periodIn(ctx.deps, 'active'), kind: 'check-in' })).json() as {
        id: number;
      };
      const res = await staff.get(`/api/surveys/${draft.id}/progress`);
      expect(res.json()).toEqual({ invited: 0, responded: 0, byRole: [], overTime: [] });
      expect(await list('', draft.id)).toEqual({ people: [], nextCursor: null, total: 0 });
    });
  });

  describe('who has not answered', () => {
    it('lists everyone not answered by name (ties by person), with the same fields as before and nothing anyone wrote', async () => {
      const whole = await list('limit=500');
      expect(whole.total).toBe(12);
      expect(whole.nextCursor).toBeNull();
      const expected = PAIRS.flatMap(([mentor, mentee]) => [
        { name: mentor, role: 'mentor' as const },
        { name: mentee, role: 'mentee' as const },
      ])
        .filter((p) => !['Iris Vale', 'Jules Vale', 'Kit Vale', 'Blair Stone'].includes(p.name))
        .map((p) => ({ ...p, userId: idOf(p.name, p.role) }))
        .sort((a, b) => (a.name === b.name ? a.userId - b.userId : a.name < b.name ? -1 : 1));
      expect(whole.people.map((p) => ({ name: p.name, role: p.role, userId: p.userId }))).toEqual(expected);
      for (const p of whole.people) {
        expect(Object.keys(p).sort()).toEqual(['email', 'invitedAt', 'name', 'remindersSent', 'role', 'started', 'userId']);
        expect(p.invitedAt).toMatch(/^2027-08-02T/);
        expect(p.started).toBe(p.name === 'Casey Stone' || p.name === 'Lane Vale');
        expect(p.remindersSent).toBe(p.name === 'Drew Stone' ? 1 : 0);
      }
      // Another survey of the same people, nobody answered: everyone, and only its own invitations.
      const untouched = await list('limit=500', untouchedId);
      expect(untouched.total).toBe(16);
      expect(untouched.people.every((p) => !p.started && p.remindersSent === 0)).toBe(true);
    });

    it('pages through every search and filter by two without gaps or duplicates, with the same total on every page', async () => {
      for (const query of ['', 'role=mentor', 'role=mentee', 'q=stone', 'q=vale&role=mentee', 'started=false', 'started=true', 'q=a']) {
        const whole = await list(`${query}&limit=500`);
        expect(whole.total, query).toBe(whole.people.length);
        for (const limit of [1, 2, 5]) {
          const seen = await pageThrough(list, query, limit, (p) => p.people.map((x) => x.userId));
          expect(seen, `${query} by ${limit}`).toEqual(whole.people.map((p) => p.userId));
          expect(new Set(seen).size).toBe(seen.length);
        }
      }
    });

    it('searches names and addresses ignoring case, with % and _ taken literally', async () => {
      expect(names(await list('q=VALE'))).toEqual(['Lane Vale', 'Morgan Vale', 'Noor Vale', 'Oak Vale']);
      const noor = await list(`q=${encodeURIComponent('noor.vale.')}`);
      expect(noor.people.map((p) => p.email)).toEqual([expect.stringMatching(/^noor\.vale\.\d+@example\.org$/)]);
      expect(noor.total).toBe(1);
      expect((await list('q=avery')).total).toBe(2);
      expect((await list('q=%25')).total).toBe(0);
      expect((await list('q=_')).total).toBe(0);
      expect((await list('q=nobody-by-this-name')).people).toEqual([]);
      // A search of nothing but spaces is no search.
      expect((await list('q=%20%20')).total).toBe(12);
    });

    it('filters by role and by whether a draft is under way, matching the counts by role', async () => {
      const progress = (await staff.get(`/api/surveys/${surveyId}/progress`)).json() as Progress;
      for (const role of ['mentor', 'mentee'] as const) {
        const page = await list(`role=${role}`);
        expect(page.people.every((p) => p.role === role)).toBe(true);
        const r = progress.byRole.find((x) => x.role === role)!;
        expect(page.total).toBe(r.invited - r.responded);
      }
      expect((await list('role=mentor')).total).toBe(7);
      expect(names(await list('started=true'))).toEqual(['Casey Stone', 'Lane Vale']);
      expect((await list('started=false')).total).toBe(10);
      expect(names(await list('started=true&role=mentee'))).toEqual(['Lane Vale']);
      expect(names(await list('q=stone&started=true'))).toEqual(['Casey Stone']);
    });

    it('refuses a cursor it did not hand out and bad filters with 400 {code, message}', async () => {
      const forged = [
        'not-a-cursor',
        encodeURIComponent('%%%'),
        encodeCursor(['Avery Stone', 1]).slice(0, -2) + '!!',
        Buffer.from(JSON.stringify({ name: 'Avery Stone', id: 1 })).toString('base64url'),
        Buffer.from(JSON.stringify(['Avery Stone', 0])).toString('base64url'),
        Buffer.from(JSON.stringify(['Avery Stone', 1.5])).toString('base64url'),
        'x'.repeat(1001),
      ];
      for (const after of forged) {
        const res = await staff.get(`/api/surveys/${surveyId}/not-yet?after=${after}`);
        expect(res.statusCode, after).toBe(400);
        expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
      for (const query of ['role=staff', 'started=yes', 'limit=0', 'limit=501', 'limit=two', 'sort=name', `q=${'x'.repeat(201)}`]) {
        const res = await staff.get(`/api/surveys/${surveyId}/not-yet?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    });

    it('is for staff only, like the rates; an unknown survey is a 404', async () => {
      const invited = idOf('Drew Stone', 'mentor');
      const callers = [
        await sessionClient(ctx, invited),
        await sessionClient(ctx, idOf('Oak Vale', 'mentee')),
        await sessionClient(ctx, (await createPerson(ctx.deps, ['committee'])).id),
        await sessionClient(ctx, (await createPerson(ctx.deps, ['taskforce'])).id),
      ];
      for (const path of ['progress', 'not-yet']) {
        for (const client of callers) expect((await client.get(`/api/surveys/${surveyId}/${path}`)).statusCode, path).toBe(403);
        const anonymous = await new Client(ctx.app).get(`/api/surveys/${surveyId}/${path}`);
        expect(anonymous.statusCode).toBe(401);
        const unknown = await staff.get(`/api/surveys/999999/${path}`);
        expect(unknown.statusCode).toBe(404);
        expect(unknown.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        expect((await staff.get(`/api/surveys/abc/${path}`)).statusCode).toBe(400);
      }
    });

    it('keeps its place when someone answers between pages: no gaps, no duplicates, and they leave the list', async () => {
      const before = await list('limit=500');
      const first = await list('limit=2');
      expect(names(first)).toEqual(['Avery Stone', 'Avery Stone']);
      await answer(idOf('Morgan Vale', 'mentee'));
      const seen = [...first.people.map((p) => p.userId)];
      let after = first.nextCursor;
      while (after !== null) {
        const page = await list(`limit=2&after=${after}`);
        expect(page.total).toBe(11);
        seen.push(...page.people.map((p) => p.userId));
        after = page.nextCursor;
      }
      const morgan = idOf('Morgan Vale', 'mentee');
      expect(seen).toEqual(before.people.map((p) => p.userId).filter((id) => id !== morgan));
      const progress = (await staff.get(`/api/surveys/${surveyId}/progress`)).json() as Progress;
      expect(progress).toMatchObject({ invited: 16, responded: 5 });
      expect(progress.overTime.at(-1)).toEqual({ date: '2027-08-03', responded: 5, rate: 5 / 16 });
    });
  });
});

/** More people still silent than PEOPLE_FIRST_FROM (survey-not-yet.store.ts): pages walk people in name order. */
const CROWD = 1_300;

describeEachDialect('who has not answered a large survey', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let surveyId: number;
  /** Everyone not answered as the database holds them, in the list's order. */
  let silent: { id: number; name: string; role: string }[];

  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    ctx.clock.set(NOW);
    staff = await sessionClient(ctx, staffId);
    const at = ctx.clock.now().toISOString();
    // Members 0000…1299, every tenth name given twice (the id breaks the tie); a hundred people in
    // between who were not asked, whom the walk in name order must pass over.
    const rows = Array.from({ length: CROWD + 100 }, (_, k) => ({
      name: k < CROWD ? `Member ${String(k - (k % 10 === 1 ? 1 : 0)).padStart(4, '0')}` : `Member ${String(k - CROWD).padStart(4, '0')}x`,
      email: `member.${k}@example.org`,
      password_hash: null,
      created_at: at,
      updated_at: at,
    }));
    const ids: number[] = [];
    for (let i = 0; i < rows.length; i += 200) {
      ids.push(
        ...(
          await ctx.deps.db
            .insertInto('users')
            .values(rows.slice(i, i + 200))
            .returning('id')
            .execute()
        ).map((r) => r.id),
      );
    }
    const period = await periodIn(ctx.deps, 'active');
    surveyId = (
      await staff.post('/api/surveys', {
        periodId: period,
        kind: 'check-in',
      })
    ).json().id as number;
    expect((await staff.patch(`/api/surveys/${surveyId}`, { questions: QUESTIONS })).statusCode).toBe(200);
    expect((await staff.post(`/api/surveys/${surveyId}/publish`)).statusCode).toBe(200);
    const asked = ids.slice(0, CROWD).map((userId, k) => ({ userId, role: k % 4 === 0 ? ('mentor' as const) : ('mentee' as const) }));
    for (let i = 0; i < asked.length; i += 500) {
      await ctx.deps.db
        .insertInto('survey_invitations')
        .values(asked.slice(i, i + 500).map((p) => ({ survey_id: surveyId, user_id: p.userId, role: p.role, invited_at: at })))
        .execute();
    }
    // One in seven has answered (on the day it opened).
    await ctx.deps.db
      .updateTable('survey_invitations')
      .set({ responded_on: '2027-08-02' })
      .where('survey_id', '=', surveyId)
      .where(
        'user_id',
        'in',
        asked.filter((_, k) => k % 7 === 3).map((p) => p.userId),
      )
      .execute();
    const left = await ctx.deps.db
      .selectFrom('survey_invitations as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['u.id', 'u.name', 'i.role'])
      .where('i.survey_id', '=', surveyId)
      .where('i.responded_on', 'is', null)
      .execute();
    silent = left.sort((a, b) => (a.name === b.name ? a.id - b.id : a.name < b.name ? -1 : 1));
  });
  afterAll(() => ctx.close());

  const list = async (query: string): Promise<NotYetPage> => {
    const res = await staff.get(`/api/surveys/${surveyId}/not-yet?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as NotYetPage;
  };

  it('pages through more than a thousand by name, ties by person, passing over people not asked', async () => {
    expect(silent.length).toBeGreaterThan(1_000);
    const seen = await pageThrough(list, '', 97, (p) => p.people.map((x) => x.userId));
    expect(seen).toEqual(silent.map((s) => s.id));
    // Across a tie at a page's edge, two at a time.
    const tie = silent.findIndex((s, k) => s.name === silent[k + 1]?.name);
    const start = await list(`limit=${tie + 1}`);
    const next = await list(`limit=2&after=${start.nextCursor}`);
    expect([...start.people, ...next.people].map((p) => p.userId)).toEqual(silent.slice(0, tie + 3).map((s) => s.id));
  });

  it('gives the same people whichever way a page is read: filtered (fewer) or searched (many)', async () => {
    const mentors = await list('role=mentor&limit=500');
    expect(mentors.total).toBeLessThan(1_000);
    expect(mentors.people.map((p) => p.userId)).toEqual(silent.filter((s) => s.role === 'mentor').map((s) => s.id));
    const searched = await pageThrough(list, 'q=MEMBER', 250, (p) => p.people.map((x) => x.userId));
    expect(searched).toEqual(silent.map((s) => s.id));
    const few = await list('q=member%20129');
    expect(few.people.map((p) => p.name)).toEqual(silent.filter((s) => s.name.startsWith('Member 129')).map((s) => s.name));
    expect(few.total).toBe(few.people.length);
  });

  it('counts the rates in the database as reading every invitation did', async () => {
    const progress = (await staff.get(`/api/surveys/${surveyId}/progress`)).json() as Progress;
    const answered = CROWD - silent.length;
    expect(progress).toMatchObject({ invited: CROWD, responded: answered });
    expect(progress.overTime).toEqual([{ date: '2027-08-02', responded: answered, rate: answered / CROWD }]);
    const mentors = Math.ceil(CROWD / 4);
    expect(progress.byRole).toEqual([
      { role: 'mentor', invited: mentors, responded: mentors - silent.filter((s) => s.role === 'mentor').length },
      { role: 'mentee', invited: CROWD - mentors, responded: CROWD - mentors - silent.filter((s) => s.role === 'mentee').length },
    ]);
  });
});
