import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { countActiveMatches } from '../../src/features/matches/matches.service.ts';

const DATES = {
  applicationsOpenOn: '2026-09-01',
  applicationsCloseOn: '2026-09-30',
  matchesAnnouncedOn: '2026-10-15',
  programEndsOn: '2027-09-30',
  surveyOpensOn: '2027-09-01',
  surveyClosesOn: '2027-09-21',
};

describeEachDialect('program settings and periods', (db) => {
  let ctx: TestContext;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
  });
  afterAll(() => ctx.close());

  describe('settings', () => {
    it('starts from the model program defaults', async () => {
      const s = (await staff.get('/api/settings')).json();
      expect(s).toMatchObject({
        programName: 'Test Mentoring Program',
        timeZone: 'America/Chicago',
        goalSheetDeadlineDays: 30,
        goalsPerSheetMin: 1,
        goalsPerSheetMax: 3,
        guaranteeWindowDays: 45,
        contactsPerMonth: 2,
        channels: ['phone', 'email', 'video', 'chat', 'in_person'],
      });
      expect(s.eligibilityQuestions.map((q: { key: string }) => q.key)).toEqual([
        'association_member',
        'adult_or_consent',
        'field_connection',
      ]);
    });

    it('saves a change and refuses an inconsistent one without changing anything', async () => {
      const ok = await staff.patch('/api/settings', {
        guaranteeWindowDays: 60,
        goalSheetContact: { name: 'Dan Office', email: 'Office@Example.org' },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ guaranteeWindowDays: 60, goalSheetContact: { name: 'Dan Office', email: 'office@example.org' } });

      const before = (await staff.get('/api/settings')).json();
      for (const bad of [
        { goalsPerSheetMin: 3, goalsPerSheetMax: 2 },
        { timeZone: 'Europe/Atlantis' },
        {
          eligibilityQuestions: [
            { key: 'same', text: 'One?', appliesTo: 'both', requiredAnswer: null },
            { key: 'same', text: 'Two?', appliesTo: 'both', requiredAnswer: null },
          ],
        },
      ]) {
        const res = await staff.patch('/api/settings', bad);
        expect(res.statusCode, JSON.stringify(bad)).toBe(422);
        expect(res.json().code).toBe('INVALID_SETTINGS');
      }
      for (const bad of [{ channels: [] }, { channels: ['carrier pigeon'] }, { guaranteeWindowDays: -1 }, { colour: 'blue' }]) {
        expect((await staff.patch('/api/settings', bad)).statusCode, JSON.stringify(bad)).toBe(400);
      }
      expect((await staff.get('/api/settings')).json()).toEqual(before);
    });
  });

  describe('program goals', () => {
    it('adds, edits, reorders, retires and restores goals, never deleting one', async () => {
      let goals = (await staff.post('/api/program-goals', { title: 'Mentor the mentors', description: 'Train new mentors.' })).json().goals;
      expect(goals).toHaveLength(8);
      const added = goals.at(-1);
      expect(added).toMatchObject({ title: 'Mentor the mentors', position: 8, retired: false });

      goals = (await staff.patch(`/api/program-goals/${added.id}`, { title: 'Support new mentors', retired: true })).json().goals;
      expect(goals.find((g: { id: number }) => g.id === added.id)).toMatchObject({ title: 'Support new mentors', retired: true });

      const ids = goals.map((g: { id: number }) => g.id).reverse();
      goals = (await staff.post('/api/program-goals/reorder', { ids })).json().goals;
      expect(goals.map((g: { id: number }) => g.id)).toEqual(ids);

      const partial = await staff.post('/api/program-goals/reorder', { ids: ids.slice(1) });
      expect(partial.statusCode).toBe(422);
      expect((await staff.patch('/api/program-goals/99999', { retired: true })).statusCode).toBe(404);

      goals = (await staff.patch(`/api/program-goals/${added.id}`, { retired: false })).json().goals;
      expect(goals.find((g: { id: number }) => g.id === added.id).retired).toBe(false);
      expect((await ctx.app.inject({ method: 'DELETE', url: `/api/program-goals/${added.id}` })).statusCode).toBe(404);
    });
  });

  describe('periods', () => {
    it('creates a draft period and walks it through its statuses', async () => {
      const created = await staff.post('/api/periods', { name: '2026–27', ...DATES });
      expect(created.statusCode).toBe(201);
      const period = created.json();
      expect(period).toMatchObject({ status: 'draft', nextStatuses: ['applications_open'] });

      const illegal = await staff.post(`/api/periods/${period.id}/transition`, { to: 'active' });
      expect(illegal.statusCode).toBe(409);
      expect(illegal.json().code).toBe('ILLEGAL_TRANSITION');

      const path = ['applications_open', 'matching', 'active', 'evaluation', 'closed'];
      for (const to of path) {
        const res = await staff.post(`/api/periods/${period.id}/transition`, { to });
        expect(res.statusCode, to).toBe(200);
        expect(res.json().status).toBe(to);
      }
      expect((await staff.get(`/api/periods/${period.id}`)).json().nextStatuses).toEqual([]);
      expect((await staff.patch(`/api/periods/${period.id}`, { name: 'Renamed' })).json().code).toBe('PERIOD_CLOSED');
    });

    it("closing a period ends its active pairs, with the reason in each one's history, and nobody else's", async () => {
      const walk = async (periodId: number, path: string[]) => {
        for (const to of path) expect((await staff.post(`/api/periods/${periodId}/transition`, { to })).statusCode, to).toBe(200);
      };
      const closing = (await staff.post('/api/periods', { name: 'Year ending', ...DATES })).json();
      const other = (await staff.post('/api/periods', { name: 'Year going on', ...DATES })).json();
      await walk(closing.id, ['applications_open', 'matching', 'active']);
      await walk(other.id, ['applications_open', 'matching', 'active']);
      const pairs = [await createTestMatch(ctx.deps, { periodId: closing.id }), await createTestMatch(ctx.deps, { periodId: closing.id })];
      const staying = await createTestMatch(ctx.deps, { periodId: other.id });

      await walk(closing.id, ['evaluation']);
      const beforeClose = await ctx.deps.db.selectFrom('matches').select(['id', 'status']).where('period_id', '=', closing.id).execute();
      expect(beforeClose.every((m) => m.status === 'active')).toBe(true);
      await walk(closing.id, ['closed']);

      const after = await ctx.deps.db
        .selectFrom('matches')
        .select(['id', 'status', 'end_reason', 'ended_at'])
        .where('id', 'in', [...pairs.map((p) => p.id), staying.id])
        .orderBy('id')
        .execute();
      expect(after.map((m) => [m.status, m.end_reason])).toEqual([
        ['ended', 'The program year ended.'],
        ['ended', 'The program year ended.'],
        ['active', null],
      ]);
      const loads = await countActiveMatches(ctx.deps.db, [pairs[0]!.menteeId, pairs[0]!.mentorId]);
      expect(loads.get(pairs[0]!.menteeId)).toEqual({ mentor: 0, mentee: 0 });
      const history = (await staff.get(`/api/matches/${pairs[1]!.id}/history`)).json();
      expect(JSON.stringify(history)).toContain('The program year ended.');
      const audit = await ctx.deps.db
        .selectFrom('audit_log')
        .select('details')
        .where('entity_type', '=', 'period')
        .where('entity_id', '=', String(closing.id))
        .where('action', '=', 'period.status_changed')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(audit.details)).toEqual({ from: 'evaluation', to: 'closed', matchesEnded: 2 });
    });

    it('refuses dates out of order, a duplicate name, and opening applications after they were due to close', async () => {
      const outOfOrder = await staff.post('/api/periods', { name: 'Backwards', ...DATES, applicationsCloseOn: '2026-08-01' });
      expect(outOfOrder.statusCode).toBe(422);
      expect(outOfOrder.json()).toMatchObject({ code: 'PERIOD_DATES_OUT_OF_ORDER' });
      expect(outOfOrder.json().details[0].path).toBe('applicationsCloseOn');
      expect((await staff.post('/api/periods', { name: 'Not a date', ...DATES, programEndsOn: '2027-02-30' })).statusCode).toBe(422);
      expect((await staff.post('/api/periods', { name: 'Bad format', ...DATES, programEndsOn: 'next year' })).statusCode).toBe(400);

      const dup = await staff.post('/api/periods', { name: '2026–27', ...DATES });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().code).toBe('PERIOD_NAME_TAKEN');

      const late = (await staff.post('/api/periods', { name: 'Late', ...DATES })).json();
      ctx.clock.set('2026-10-01T12:00:00Z'); // the day after applications were due to close, in Chicago
      staff = (await signedIn(ctx, ['staff'])).client;
      const refused = await staff.post(`/api/periods/${late.id}/transition`, { to: 'applications_open' });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('APPLICATION_WINDOW_PASSED');
      const moved = await staff.patch(`/api/periods/${late.id}`, { applicationsCloseOn: '2026-10-10' });
      expect(moved.statusCode).toBe(200);
      expect((await staff.post(`/api/periods/${late.id}/transition`, { to: 'applications_open' })).statusCode).toBe(200);

      const names = (await staff.get('/api/periods')).json().periods.map((p: { name: string }) => p.name);
      expect(names).not.toContain('Backwards');
    });

    it('lets exactly one of two simultaneous status changes through', async () => {
      const p = (
        await staff.post('/api/periods', { name: 'Race', ...DATES, applicationsCloseOn: '2026-10-20', matchesAnnouncedOn: '2026-10-25' })
      ).json();
      const results = await Promise.all([1, 2].map(() => staff.post(`/api/periods/${p.id}/transition`, { to: 'applications_open' })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    });
  });
});
