import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForRun } from '../../src/features/matching-runs/run-executor.ts';
import type { MatchingRun } from '../../src/shared/api/matching.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, setUpProgram, signedIn, sessionClient } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';
import { addApplicant, answersFor, del, periodIn, runMatching, seedPool } from './matching-fixtures.ts';
import type { Applicant } from './matching-fixtures.ts';

type RunPair = NonNullable<MatchingRun['result']>['pairs'][number];
const pairOf = (run: MatchingRun, menteeApplicationId: number): RunPair | undefined =>
  run.result?.pairs.find((p) => p.menteeApplicationId === menteeApplicationId);
const outboxTo = async (ctx: TestContext, address: string): Promise<{ subject: string; text_body: string; kind: string }[]> =>
  ctx.deps.db.selectFrom('outbox').select(['subject', 'text_body', 'kind']).where('to_address', '=', address).orderBy('id').execute();

describeEachDialect('matching workspace', (db) => {
  let ctx: TestContext;
  let committee: Client;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    committee = (await signedIn(ctx, ['committee'])).client;
    staff = (await signedIn(ctx, ['staff'])).client;
  });
  afterAll(() => ctx.close());

  const sessionFor = (person: Applicant): Promise<Client> => sessionClient(ctx, person.userId);

  describe('runs', () => {
    it('runs the matcher off the request and saves an explained proposal', async () => {
      const periodId = await periodIn(ctx.deps);
      await seedPool(ctx.deps, periodId);
      const started = await committee.post(`/api/periods/${periodId}/matching-runs`, {});
      expect(started.statusCode).toBe(202);
      expect(started.json()).toMatchObject({
        status: 'running',
        progress: 0,
        result: null,
        objective: 'most-matched',
        minScore: null,
        stale: false,
      });
      // One run at a time per period.
      expect((await committee.post(`/api/periods/${periodId}/matching-runs`, {})).json().code).toBe('RUN_IN_PROGRESS');
      await waitForRun(ctx.deps, started.json().id);
      expect((await committee.get(`/api/matching-runs/${started.json().id}`)).json()).toMatchObject({ status: 'done', progress: 1 });

      const run = await runMatching(committee, ctx.deps, periodId);
      expect(run).toMatchObject({ status: 'done', progress: 1, stale: false, error: null });
      const result = run.result!;
      expect(result.summary).toMatchObject({ matched: 10, unmatched: 2, total: expect.any(Number) });
      for (const p of result.pairs) {
        expect(p.explanation.length).toBeGreaterThan(10);
        expect(p.reasons.length).toBeGreaterThan(0);
        expect(p.menteeName).toMatch(/\w+ \w+ \d+/);
        expect(p.editedByHand).toBe(false);
      }
      expect(result.unmatched.every((u) => u.reason === 'mentors-full')).toBe(true);
      expect(result.mentors.map((m) => [m.capacity, m.assigned])).toEqual([
        [3, 3],
        [3, 3],
        [2, 2],
        [2, 2],
      ]);
      // Confidential preferences shape the score but never appear in words.
      expect(JSON.stringify(run)).not.toContain('CONFIDENTIAL-NOTE');
      expect(JSON.stringify(run)).not.toContain('woman');

      const workspace = (await staff.get(`/api/periods/${periodId}/matching`)).json();
      expect(workspace.pool).toEqual({ mentees: 12, mentors: 4, mentorPlaces: 10 });
      expect(workspace.latestRun).toMatchObject({ id: run.id, status: 'done' });
      expect(workspace.previousSummary).not.toBeNull();
      expect(workspace.weights).toEqual(run.weights);
    });

    it('starts from the defaults with an empty pool, and still saves a (empty) run', async () => {
      const periodId = await periodIn(ctx.deps, 'applications_open');
      const workspace = (await committee.get(`/api/periods/${periodId}/matching`)).json();
      expect(workspace).toMatchObject({
        pool: { mentees: 0, mentors: 0, mentorPlaces: 0 },
        latestRun: null,
        previousSummary: null,
        rules: [],
      });
      expect(workspace.weights.goals).toEqual({ weight: 3, must: false });
      const run = await runMatching(committee, ctx.deps, periodId, { objective: 'total-score', minScore: 20 });
      expect(run).toMatchObject({
        status: 'done',
        objective: 'total-score',
        minScore: 20,
        result: { pairs: [], unmatched: [], mentors: [], summary: { matched: 0, meanScore: null } },
      });
    });

    it('saves the weights a run used, and refuses weights the engine cannot use', async () => {
      const periodId = await periodIn(ctx.deps);
      await seedPool(ctx.deps, periodId, { mentees: 3, mentors: 2 });
      const weights = (await committee.get(`/api/periods/${periodId}/matching`)).json().weights;
      const languageFirst = { ...weights, language: { weight: 9, must: true } };
      const run = await runMatching(committee, ctx.deps, periodId, { weights: languageFirst });
      expect(run.weights.language).toEqual({ weight: 9, must: true });
      expect((await committee.get(`/api/periods/${periodId}/matching`)).json().weights.language).toEqual({ weight: 9, must: true });

      const inverted = { ...weights, experience: { ...weights.experience, idealMin: 20, idealMax: 5 } };
      const bad = await committee.post(`/api/periods/${periodId}/matching-runs`, { weights: inverted });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().code).toBe('INVALID_WEIGHTS');
      for (const body of [
        { weights: { goals: { weight: 3, must: false } } },
        { objective: 'fastest' },
        { minScore: 101 },
        { colour: 'blue' },
      ]) {
        expect((await committee.post(`/api/periods/${periodId}/matching-runs`, body)).statusCode, JSON.stringify(body)).toBe(400);
      }
    });

    it('refuses to run for a period that is not taking applications or matching', async () => {
      for (const status of ['draft', 'active'] as const) {
        const periodId = await periodIn(ctx.deps, status);
        const res = await committee.post(`/api/periods/${periodId}/matching-runs`, {});
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('PERIOD_NOT_MATCHING');
      }
      expect((await committee.post('/api/periods/999999/matching-runs', {})).statusCode).toBe(404);
      expect((await committee.get('/api/matching-runs/999999')).statusCode).toBe(404);
      // Beyond a 32-bit id: bad input, never a database range error.
      expect((await committee.get('/api/matching-runs/99999999999')).statusCode).toBe(400);
      expect((await committee.post('/api/periods/99999999999/matching-runs', {})).statusCode).toBe(400);
    });

    it('reports a run whose instance died as failed, and lets a new run start', async () => {
      const periodId = await periodIn(ctx.deps);
      const old = new Date(ctx.clock.now().getTime() - 3 * 60_000).toISOString();
      const { id } = await ctx.deps.db
        .insertInto('matching_runs')
        .values({
          period_id: periodId,
          status: 'running',
          progress: 0.4,
          weights: '{}',
          objective: 'most-matched',
          min_score: null,
          pool_fingerprint: 'x',
          created_at: old,
          heartbeat_at: old,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const run = (await committee.get(`/api/matching-runs/${id}`)).json();
      expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Interrupted.*run it again/) });
      expect((await runMatching(committee, ctx.deps, periodId)).status).toBe('done');
    });
  });

  describe('pair rules', () => {
    it('keeps a locked pair, never proposes a forbidden one, and marks older runs stale', async () => {
      const periodId = await periodIn(ctx.deps);
      const { mentees, mentors } = await seedPool(ctx.deps, periodId);
      const first = await runMatching(committee, ctx.deps, periodId);
      // Lock a mentee to a mentor the matcher did not choose for them.
      const mentee = mentees.find((m) => pairOf(first, m.applicationId) !== undefined)!;
      const notChosen = mentors.find((m) => m.applicationId !== pairOf(first, mentee.applicationId)!.mentorApplicationId)!;
      const lock = await committee.post(`/api/periods/${periodId}/pair-rules`, {
        kind: 'lock',
        menteeApplicationId: mentee.applicationId,
        mentorApplicationId: notChosen.applicationId,
      });
      expect(lock.statusCode).toBe(201);
      expect(lock.json()).toMatchObject({ kind: 'lock', menteeName: mentee.name, mentorName: notChosen.name });
      // Forbid a pair the matcher did choose (another mentee).
      const chosen = first.result!.pairs.find((p) => p.menteeApplicationId !== mentee.applicationId)!;
      const forbid = await committee.post(`/api/periods/${periodId}/pair-rules`, {
        kind: 'forbid',
        menteeApplicationId: chosen.menteeApplicationId,
        mentorApplicationId: chosen.mentorApplicationId,
      });
      expect(forbid.statusCode).toBe(201);

      expect((await committee.get(`/api/matching-runs/${first.id}`)).json().stale).toBe(true);
      const second = await runMatching(committee, ctx.deps, periodId);
      expect(second.stale).toBe(false);
      expect(pairOf(second, mentee.applicationId)).toMatchObject({ mentorApplicationId: notChosen.applicationId, locked: true });
      expect(pairOf(second, chosen.menteeApplicationId)?.mentorApplicationId).not.toBe(chosen.mentorApplicationId);
      expect(second.result!.notes).toBeUndefined();

      const workspace = (await committee.get(`/api/periods/${periodId}/matching`)).json();
      expect(workspace.rules.map((r: { kind: string }) => r.kind)).toEqual(['lock', 'forbid']);
      expect(workspace.previousSummary).toEqual(first.result!.summary);
    });

    it('lets a new rule replace an older one on the same pair, and removes rules', async () => {
      const periodId = await periodIn(ctx.deps, 'applications_open');
      const { mentees, mentors } = await seedPool(ctx.deps, periodId, { mentees: 2, mentors: 2 });
      const pair = { menteeApplicationId: mentees[0]!.applicationId, mentorApplicationId: mentors[0]!.applicationId };
      await committee.post(`/api/periods/${periodId}/pair-rules`, { kind: 'lock', ...pair });
      const forbid = (await committee.post(`/api/periods/${periodId}/pair-rules`, { kind: 'forbid', ...pair })).json();
      // A second lock for the same mentee replaces the first: a mentee has one mentor.
      await committee.post(`/api/periods/${periodId}/pair-rules`, {
        kind: 'lock',
        menteeApplicationId: mentees[1]!.applicationId,
        mentorApplicationId: mentors[0]!.applicationId,
      });
      const relock = (
        await committee.post(`/api/periods/${periodId}/pair-rules`, {
          kind: 'lock',
          menteeApplicationId: mentees[1]!.applicationId,
          mentorApplicationId: mentors[1]!.applicationId,
        })
      ).json();
      let rules = (await committee.get(`/api/periods/${periodId}/matching`)).json().rules;
      expect(rules.map((r: { id: number; kind: string }) => [r.id, r.kind])).toEqual([
        [forbid.id, 'forbid'],
        [relock.id, 'lock'],
      ]);

      expect((await del(committee, `/api/pair-rules/${forbid.id}`)).json()).toEqual({ ok: true });
      expect((await del(committee, `/api/pair-rules/${forbid.id}`)).statusCode).toBe(404);
      rules = (await committee.get(`/api/periods/${periodId}/matching`)).json().rules;
      expect(rules).toHaveLength(1);
    });

    it('accepts rules only between accepted mentees and mentors of the period', async () => {
      const periodId = await periodIn(ctx.deps);
      const { mentees, mentors } = await seedPool(ctx.deps, periodId, { mentees: 1, mentors: 1 });
      const waitlisted = await addApplicant(ctx.deps, periodId, 'mentee', answersFor('mentee', 5), 'waitlisted');
      const elsewhere = await seedPool(ctx.deps, await periodIn(ctx.deps), { mentees: 1, mentors: 1 });
      const cases = [
        { menteeApplicationId: mentors[0]!.applicationId, mentorApplicationId: mentees[0]!.applicationId },
        { menteeApplicationId: waitlisted.applicationId, mentorApplicationId: mentors[0]!.applicationId },
        { menteeApplicationId: elsewhere.mentees[0]!.applicationId, mentorApplicationId: mentors[0]!.applicationId },
        { menteeApplicationId: mentees[0]!.applicationId, mentorApplicationId: 999999 },
      ];
      for (const body of cases) {
        const res = await committee.post(`/api/periods/${periodId}/pair-rules`, { kind: 'forbid', ...body });
        expect(res.statusCode, JSON.stringify(body)).toBe(422);
        expect(res.json().code).toBe('NOT_IN_POOL');
      }
      expect(
        (await committee.post(`/api/periods/${periodId}/pair-rules`, { kind: 'maybe', menteeApplicationId: 1, mentorApplicationId: 2 }))
          .statusCode,
      ).toBe(400);
    });

    it('sets aside a lock that can no longer hold, with a note, instead of failing the run', async () => {
      const periodId = await periodIn(ctx.deps);
      const { mentees, mentors } = await seedPool(
        ctx.deps,
        periodId,
        { mentees: 4, mentors: 2 },
        { mentee: (k) => (k === 1 ? { employer: 'Mentor Library 1' } : {}) },
      );
      await committee.post(`/api/periods/${periodId}/pair-rules`, {
        kind: 'lock',
        menteeApplicationId: mentees[0]!.applicationId,
        mentorApplicationId: mentors[0]!.applicationId,
      });
      // Colleagues (same employer) can never be paired, locked or not.
      await committee.post(`/api/periods/${periodId}/pair-rules`, {
        kind: 'lock',
        menteeApplicationId: mentees[1]!.applicationId,
        mentorApplicationId: mentors[1]!.applicationId,
      });
      await ctx.deps.db.updateTable('applications').set({ status: 'withdrawn' }).where('id', '=', mentees[0]!.applicationId).execute();
      const run = await runMatching(committee, ctx.deps, periodId);
      expect(run.status).toBe('done');
      expect(run.result!.notes).toEqual([
        expect.stringMatching(
          new RegExp(`lock on ${mentees[0]!.name} and ${mentors[0]!.name} was set aside: one of them is no longer in the matching pool`),
        ),
        expect.stringMatching(
          new RegExp(`lock on ${mentees[1]!.name} and ${mentors[1]!.name} was set aside: no eligible mentor \\(1 at the same employer\\)`),
        ),
      ]);
      expect(pairOf(run, mentees[1]!.applicationId)?.mentorApplicationId).not.toBe(mentors[1]!.applicationId);
    });
  });

  describe('preview and hand edits', () => {
    it('previews any pair, warning about a shared employer and a full mentor', async () => {
      const periodId = await periodIn(ctx.deps);
      const { mentees, mentors } = await seedPool(ctx.deps, periodId, undefined, {
        mentee: (k) => (k === 0 ? { employer: ' mentor  library 2 ' } : {}),
      });
      const run = await runMatching(committee, ctx.deps, periodId);
      const url = (e: number, o: number) => `/api/matching-runs/${run.id}/pair-preview?menteeApplicationId=${e}&mentorApplicationId=${o}`;

      const colleague = (await committee.get(url(mentees[0]!.applicationId, mentors[2]!.applicationId))).json();
      expect(colleague.score).toEqual(expect.any(Number));
      expect(colleague.explanation.length).toBeGreaterThan(5);
      expect(colleague.warnings.map((w: { code: string }) => w.code)).toContain('SAME_EMPLOYER');
      expect(pairOf(run, mentees[0]!.applicationId)?.mentorApplicationId).not.toBe(mentors[2]!.applicationId);

      // Every mentor is full (10 places, 12 mentees): moving anyone elsewhere overfills someone.
      const p = run.result!.pairs[0]!;
      const other = mentors.find((m) => m.applicationId !== p.mentorApplicationId)!;
      const full = (await committee.get(url(p.menteeApplicationId, other.applicationId))).json();
      expect(full.warnings).toContainEqual({ code: 'OVER_CAPACITY', message: expect.stringMatching(/already has/) });
      // The pair as proposed warns about nothing and scores what the run said.
      const same = (await committee.get(url(p.menteeApplicationId, p.mentorApplicationId))).json();
      expect(same).toMatchObject({ score: p.score, explanation: p.explanation, warnings: [] });

      expect((await committee.get(url(mentors[0]!.applicationId, mentors[1]!.applicationId))).statusCode).toBe(422);
      expect(
        (await committee.get(`/api/matching-runs/${run.id}/pair-preview?menteeApplicationId=abc&mentorApplicationId=1`)).statusCode,
      ).toBe(400);
      expect((await committee.get(`/api/matching-runs/${run.id}/pair-preview`)).statusCode).toBe(400);
    });

    it('moves a mentee by hand only with the warnings accepted, and recomputes the proposal', async () => {
      const periodId = await periodIn(ctx.deps);
      const { mentors } = await seedPool(ctx.deps, periodId);
      const run = await runMatching(committee, ctx.deps, periodId);
      const p = run.result!.pairs[0]!;
      const target = mentors.find((m) => m.applicationId !== p.mentorApplicationId)!;
      const move = { menteeApplicationId: p.menteeApplicationId, mentorApplicationId: target.applicationId };

      const refused = await committee.post(`/api/matching-runs/${run.id}/reassign`, move);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'WARNINGS_NOT_ACCEPTED',
        details: [{ path: 'OVER_CAPACITY', message: expect.any(String) }],
      });
      expect((await committee.get(`/api/matching-runs/${run.id}`)).json().result).toEqual(run.result);

      const moved = await committee.post(`/api/matching-runs/${run.id}/reassign`, { ...move, acceptWarnings: true });
      expect(moved.statusCode).toBe(200);
      const edited = moved.json() as MatchingRun;
      expect(pairOf(edited, p.menteeApplicationId)).toMatchObject({
        mentorApplicationId: target.applicationId,
        mentorName: target.name,
        editedByHand: true,
        locked: false,
      });
      const load = (id: number) => edited.result!.mentors.find((m) => m.mentorApplicationId === id)!;
      expect(load(target.applicationId).assigned).toBe(load(target.applicationId).capacity + 1);
      expect(load(p.mentorApplicationId).assigned).toBe(load(p.mentorApplicationId).capacity - 1);
      expect(edited.result!.summary.matched).toBe(10);

      // Taking someone out frees a place; an unmatched mentee can then take it with no warning.
      const out = (
        await committee.post(`/api/matching-runs/${run.id}/reassign`, {
          menteeApplicationId: p.menteeApplicationId,
          mentorApplicationId: null,
        })
      ).json() as MatchingRun;
      expect(out.result!.summary).toMatchObject({ matched: 9, unmatched: 3 });
      expect(out.result!.unmatched.find((u) => u.menteeApplicationId === p.menteeApplicationId)).toMatchObject({
        reason: 'removed-by-hand',
      });
      const waiting = run.result!.unmatched[0]!.menteeApplicationId;
      const fill = await committee.post(`/api/matching-runs/${run.id}/reassign`, {
        menteeApplicationId: waiting,
        mentorApplicationId: p.mentorApplicationId,
      });
      expect(fill.statusCode).toBe(200);
      expect(fill.json().result.summary).toMatchObject({ matched: 10, unmatched: 2 });
      expect(pairOf(fill.json(), waiting)).toMatchObject({ mentorApplicationId: p.mentorApplicationId, editedByHand: true });
    });
  });

  describe('approval', () => {
    it('creates the matches, moves the period to active and tells everyone', async () => {
      const periodId = await periodIn(ctx.deps);
      const { mentees, mentors } = await seedPool(ctx.deps, periodId);
      const run = await runMatching(committee, ctx.deps, periodId);
      const res = await committee.post(`/api/matching-runs/${run.id}/approve`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        matchesCreated: 10,
        unmatchedNotified: 2,
        period: { id: periodId, status: 'active', nextStatuses: ['evaluation'] },
      });

      const matches = await ctx.deps.db.selectFrom('matches').selectAll().where('period_id', '=', periodId).execute();
      expect(matches).toHaveLength(10);
      expect(
        matches.every((m) => m.matching_run_id === run.id && m.status === 'active' && m.matched_at === ctx.clock.now().toISOString()),
      ).toBe(true);
      const statuses = await ctx.deps.db.selectFrom('applications').select(['id', 'status']).where('period_id', '=', periodId).execute();
      const unmatchedIds = run.result!.unmatched.map((u) => u.menteeApplicationId);
      for (const s of statuses) expect(s.status, String(s.id)).toBe(unmatchedIds.includes(s.id) ? 'unmatched' : 'matched');
      expect((await committee.get(`/api/matching-runs/${run.id}`)).json()).toMatchObject({
        status: 'approved',
        stale: false,
        approvedAt: ctx.clock.now().toISOString(),
      });
      // The audit log says the approval moved the period, as a status change of its own.
      const moves = await ctx.deps.db
        .selectFrom('audit_log')
        .select(['actor_id', 'details', 'created_at'])
        .where('action', '=', 'period.status_changed')
        .where('entity_type', '=', 'period')
        .where('entity_id', '=', String(periodId))
        .execute();
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({ created_at: ctx.clock.now().toISOString() });
      expect(JSON.parse(moves[0]!.details)).toEqual({ from: 'matching', to: 'active', by: 'matching_run.approved', runId: run.id });

      // Both sides hear who their partner is and how to reach them.
      const p = run.result!.pairs.find((x) => mentors.find((m) => m.applicationId === x.mentorApplicationId)!.answers.phone !== '')!;
      const mentee = mentees.find((m) => m.applicationId === p.menteeApplicationId)!;
      const mentor = mentors.find((m) => m.applicationId === p.mentorApplicationId)!;
      const [toMentee] = await outboxTo(ctx, mentee.email);
      expect(toMentee).toMatchObject({ kind: 'match-announcement', subject: `Meet your mentor: ${mentor.name}` });
      expect(toMentee!.text_body).toContain(mentor.email);
      expect(toMentee!.text_body).toContain(`Phone: ${mentor.answers.phone}`);
      const labels = { video: 'Video call', email: 'E-mail', phone: 'Phone', chat: 'Online chat', in_person: 'In person' } as const;
      expect(toMentee!.text_body).toContain(`Prefers: ${mentor.answers.channels.map((c) => labels[c]).join(', ')}`);
      expect(toMentee!.text_body).toMatch(/goal sheet.*by October 1, 2026 \(30 days from today\)/s);
      expect(toMentee!.text_body).toMatch(/until October 16, 2026 \(45 days from today\)/);
      expect(toMentee!.text_body).not.toContain('CONFIDENTIAL-NOTE');
      const toMentor = (await outboxTo(ctx, mentor.email)).find((m) => m.text_body.includes(mentee.name))!;
      expect(toMentor).toMatchObject({ subject: `Meet your mentee: ${mentee.name}` });
      expect(toMentor.text_body).toContain(mentee.email);
      // Everyone left without a partner gets a kind note with the way forward.
      for (const id of unmatchedIds) {
        const person = mentees.find((m) => m.applicationId === id)!;
        const [note] = await outboxTo(ctx, person.email);
        expect(note).toMatchObject({ kind: 'match-none-mentee' });
        expect(note!.text_body).toMatch(/carried to the next period/);
        expect(note!.text_body).toContain('http://localhost:3000');
      }

      // Each participant sees their own match, with their partner's contact details and nothing private.
      const menteeView = (await (await sessionFor(mentee)).get('/api/my/matches')).json();
      expect(menteeView.matches).toEqual([
        expect.objectContaining({
          periodId,
          myRole: 'mentee',
          status: 'active',
          partner: expect.objectContaining({
            name: mentor.name,
            email: mentor.email,
            channels: mentor.answers.channels,
            employer: mentor.answers.employer,
          }),
        }),
      ]);
      expect(JSON.stringify(menteeView)).not.toMatch(/CONFIDENTIAL-NOTE|woman|hopes|give back/);
      // "Why we paired you": what the run gave as reasons for the pair, never its downsides.
      const why: string = menteeView.matches[0].explanation;
      expect(why).not.toBe('');
      for (const reason of why.split('; ')) expect(p.reasons.filter((r) => r.polarity === 'for').map((r) => r.text)).toContain(reason);
      const mentorView = (await (await sessionFor(mentor)).get('/api/my/matches')).json();
      expect(mentorView.matches.map((m: { partner: { name: string } }) => m.partner.name)).toContain(mentee.name);
      expect(mentorView.matches.every((m: { myRole: string }) => m.myRole === 'mentor')).toBe(true);
      const left = mentees.find((m) => m.applicationId === unmatchedIds[0])!;
      expect((await (await sessionFor(left)).get('/api/my/matches')).json()).toEqual({ matches: [] });
      expect((await new Client(ctx.app).get('/api/my/matches')).statusCode).toBe(401);

      // Approved is final.
      expect((await committee.post(`/api/matching-runs/${run.id}/approve`)).json().code).toBe('ALREADY_APPROVED');
      expect(
        (
          await committee.post(`/api/matching-runs/${run.id}/reassign`, {
            menteeApplicationId: p.menteeApplicationId,
            mentorApplicationId: null,
          })
        ).statusCode,
      ).toBe(409);
    });

    it('refuses a stale proposal and writes nothing', async () => {
      const periodId = await periodIn(ctx.deps);
      const { mentees } = await seedPool(ctx.deps, periodId, { mentees: 4, mentors: 2 });
      const run = await runMatching(committee, ctx.deps, periodId);
      const outboxBefore = (await ctx.deps.db.selectFrom('outbox').select('id').execute()).length;
      await ctx.deps.db
        .updateTable('applications')
        .set({ job_title: 'Branch Librarian', updated_at: new Date(ctx.clock.now().getTime() + 1000).toISOString() })
        .where('id', '=', mentees[1]!.applicationId)
        .execute();
      expect((await committee.get(`/api/matching-runs/${run.id}`)).json().stale).toBe(true);
      const res = await committee.post(`/api/matching-runs/${run.id}/approve`);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'STALE_RUN', message: expect.stringMatching(/Run the matching again/) });
      expect(await ctx.deps.db.selectFrom('matches').select('id').where('period_id', '=', periodId).execute()).toEqual([]);
      expect((await ctx.deps.db.selectFrom('outbox').select('id').execute()).length).toBe(outboxBefore);
      expect((await staff.get(`/api/periods/${periodId}`)).json().status).toBe('matching');
      expect((await committee.get(`/api/matching-runs/${run.id}`)).json().status).toBe('done');
      const statuses = await ctx.deps.db.selectFrom('applications').select('status').distinct().where('period_id', '=', periodId).execute();
      expect(statuses).toEqual([{ status: 'accepted' }]);

      // A fresh run can be approved; the older one, no longer the latest, cannot.
      const fresh = await runMatching(committee, ctx.deps, periodId);
      expect((await committee.post(`/api/matching-runs/${run.id}/approve`)).json()).toMatchObject({
        code: 'STALE_RUN',
        message: expect.stringMatching(/newer run/),
      });
      expect((await committee.post(`/api/matching-runs/${fresh.id}/approve`)).statusCode).toBe(200);
    });

    it('lets exactly one of two simultaneous approvals win', async () => {
      const periodId = await periodIn(ctx.deps);
      await seedPool(ctx.deps, periodId, { mentees: 6, mentors: 3 });
      const run = await runMatching(committee, ctx.deps, periodId);
      const results = await Promise.all([
        committee.post(`/api/matching-runs/${run.id}/approve`),
        staff.post(`/api/matching-runs/${run.id}/approve`),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('ALREADY_APPROVED');
      const matches = await ctx.deps.db.selectFrom('matches').select('id').where('period_id', '=', periodId).execute();
      expect(matches).toHaveLength(run.result!.pairs.length);
    });

    it('approves only in the matching phase', async () => {
      const periodId = await periodIn(ctx.deps, 'applications_open');
      await seedPool(ctx.deps, periodId, { mentees: 2, mentors: 1 });
      const run = await runMatching(committee, ctx.deps, periodId);
      const res = await committee.post(`/api/matching-runs/${run.id}/approve`);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('PERIOD_NOT_MATCHING');
    });
  });

  describe('access', () => {
    it('is for staff and the committee only', async () => {
      const periodId = await periodIn(ctx.deps);
      const { mentees, mentors } = await seedPool(ctx.deps, periodId, { mentees: 1, mentors: 1 });
      const run = await runMatching(staff, ctx.deps, periodId);
      for (const person of [mentees[0]!, mentors[0]!]) {
        const client = await sessionFor(person);
        const calls = [
          client.get(`/api/periods/${periodId}/matching`),
          client.post(`/api/periods/${periodId}/matching-runs`, {}),
          client.get(`/api/matching-runs/${run.id}`),
          client.post(`/api/periods/${periodId}/pair-rules`, {
            kind: 'lock',
            menteeApplicationId: mentees[0]!.applicationId,
            mentorApplicationId: mentors[0]!.applicationId,
          }),
          client.get(
            `/api/matching-runs/${run.id}/pair-preview?menteeApplicationId=${mentees[0]!.applicationId}&mentorApplicationId=${mentors[0]!.applicationId}`,
          ),
          client.post(`/api/matching-runs/${run.id}/reassign`, {
            menteeApplicationId: mentees[0]!.applicationId,
            mentorApplicationId: null,
          }),
          client.post(`/api/matching-runs/${run.id}/approve`),
          del(client, '/api/pair-rules/1'),
        ];
        for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(403);
      }
      expect((await new Client(ctx.app).get(`/api/periods/${periodId}/matching`)).statusCode).toBe(401);
      expect((await committee.get(`/api/matching-runs/${run.id}`)).json().status).toBe('done');
    });
  });
});
