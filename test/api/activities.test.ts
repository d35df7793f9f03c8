import { afterAll, beforeAll, expect, it } from 'vitest';
import { setUpProgramData } from '../../src/features/accounts/setup.service.ts';
import type { Activity } from '../../src/shared/api/activities.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, setUpProgram, signedIn } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

const titles = (list: Activity[]) => list.map((a) => a.title);

describeEachDialect('activity catalogue', (db) => {
  let ctx: TestContext;
  let staff: Client;
  let mentee: Client;
  let goalIds: number[];
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
    staff = (await signedIn(ctx, ['staff'])).client;
    mentee = (await signedIn(ctx, ['mentee'])).client;
    goalIds = (await staff.get('/api/program-goals')).json().goals.map((g: { id: number }) => g.id);
  });
  afterAll(() => ctx.close());

  const list = async (client: Client, query = ''): Promise<Activity[]> => (await client.get(`/api/activities${query}`)).json().activities;
  const count = async () =>
    Number(
      (
        await ctx.deps.db
          .selectFrom('activities')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('starts with the model program’s kinds of activity, each tied to existing program goals', async () => {
    const seeded = await list(mentee);
    expect(titles(seeded)).toEqual(
      expect.arrayContaining([
        'Résumé or CV review',
        'Mock interview with written feedback',
        'A shared document of program ideas',
        'A shared reading list',
        'Talk through a topic',
        'Meet up at a conference',
        'Shadow a program or a meeting',
        'Review an application together',
        'Introductions to people in your network',
      ]),
    );
    expect(seeded.map((a) => a.position)).toEqual(seeded.map((_, i) => i + 1));
    for (const a of seeded) {
      expect(a.programGoalIds.length, a.title).toBeGreaterThan(0);
      expect(
        a.programGoalIds.every((id) => goalIds.includes(id)),
        a.title,
      ).toBe(true);
      expect(a.description.length).toBeGreaterThan(20);
      expect(a.retired).toBe(false);
    }
    // The résumé review serves the first default goal (early-career confidence).
    expect(seeded.find((a) => a.title === 'Résumé or CV review')?.programGoalIds).toContain(goalIds[0]);
  });

  it('does not seed the catalogue twice', async () => {
    const before = await count();
    await setUpProgramData(ctx.deps.db, ctx.clock.now(), { programName: 'Again', timeZone: 'UTC' });
    expect(await count()).toBe(before);
  });

  it('lets staff add an activity at the end, its goals kept in the program goals’ order, and audits it', async () => {
    const res = await staff.post('/api/activities', {
      title: '  Plan a storytime together ',
      description: 'Design one session, start to finish.',
      programGoalIds: [goalIds[2], goalIds[0], goalIds[2]],
    });
    expect(res.statusCode).toBe(201);
    const added = (res.json().activities as Activity[]).at(-1);
    expect(added).toMatchObject({ title: 'Plan a storytime together', programGoalIds: [goalIds[0], goalIds[2]], retired: false });
    expect(titles(await list(mentee))).toContain('Plan a storytime together');
    const audit = await ctx.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'activity.added')
      .execute();
    expect(audit).toEqual([{ action: 'activity.added', entity_id: String(added?.id) }]);
  });

  it('refuses unknown or newly retired program goals, and bad input, writing nothing', async () => {
    const before = await count();
    const unknown = await staff.post('/api/activities', { title: 'Orphan', programGoalIds: [999999] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_PROGRAM_GOAL', details: [{ path: 'programGoalIds' }] });

    const retiredGoal = goalIds[6] as number;
    expect((await staff.patch(`/api/program-goals/${retiredGoal}`, { retired: true })).statusCode).toBe(200);
    const retired = await staff.post('/api/activities', { title: 'Leaders', programGoalIds: [retiredGoal] });
    expect(retired.statusCode).toBe(422);
    expect(retired.json().code).toBe('PROGRAM_GOAL_RETIRED');

    for (const body of [
      { title: '' },
      { title: 'x'.repeat(201) },
      { title: 'Fine', colour: 'blue' },
      { title: 'Fine', programGoalIds: ['one'] },
    ]) {
      const res = await staff.post('/api/activities', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect(await count()).toBe(before);

    // An activity already tied to a goal that is retired later keeps it when edited.
    const shadow = (await list(staff)).find((a) => a.title === 'Shadow a program or a meeting') as Activity;
    expect(shadow.programGoalIds).toContain(retiredGoal);
    const kept = await staff.patch(`/api/activities/${shadow.id}`, {
      programGoalIds: shadow.programGoalIds,
      description: 'Sit in on something the mentor runs.',
    });
    expect(kept.statusCode).toBe(200);
    await staff.patch(`/api/program-goals/${retiredGoal}`, { retired: false });
  });

  it('lets staff edit, retire and restore; retired ones are listed only for staff who ask', async () => {
    const target = (await list(staff)).find((a) => a.title === 'A shared reading list') as Activity;
    const edited = await staff.patch(`/api/activities/${target.id}`, { title: 'A shared book list', programGoalIds: [goalIds[1]] });
    expect(edited.statusCode).toBe(200);
    expect((edited.json().activities as Activity[]).find((a) => a.id === target.id)).toMatchObject({
      title: 'A shared book list',
      programGoalIds: [goalIds[1]],
    });

    expect((await staff.patch(`/api/activities/${target.id}`, { retired: true })).statusCode).toBe(200);
    expect(titles(await list(mentee))).not.toContain('A shared book list');
    expect(titles(await list(mentee, '?includeRetired=true'))).not.toContain('A shared book list');
    expect(titles(await list(staff))).not.toContain('A shared book list');
    expect((await list(staff, '?includeRetired=true')).find((a) => a.id === target.id)?.retired).toBe(true);

    await staff.patch(`/api/activities/${target.id}`, { retired: false });
    expect(titles(await list(mentee))).toContain('A shared book list');
    const actions = await ctx.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'activity')
      .where('entity_id', '=', String(target.id))
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['activity.changed', 'activity.changed', 'activity.changed']);
  });

  it('answers 404 for an activity that does not exist, and offers no way to delete one', async () => {
    expect((await staff.patch('/api/activities/999999', { title: 'Ghost' })).statusCode).toBe(404);
    const del = await staff.request('DELETE', '/api/activities/1');
    expect(del.statusCode).toBe(404);
    expect((await list(staff, '?includeRetired=true')).some((a) => a.id === 1)).toBe(true);
  });

  it('lets staff reorder the whole catalogue, retired activities included', async () => {
    const all = await list(staff, '?includeRetired=true');
    await staff.patch(`/api/activities/${all[0]?.id}`, { retired: true });
    const reversed = all.map((a) => a.id).reverse();
    const res = await staff.post('/api/activities/reorder', { ids: reversed });
    expect(res.statusCode).toBe(200);
    expect((res.json().activities as Activity[]).map((a) => a.id)).toEqual(reversed);
    expect((await list(mentee)).map((a) => a.id)).toEqual(reversed.filter((id) => id !== all[0]?.id));

    for (const ids of [reversed.slice(1), [...reversed, reversed[0]], [...reversed.slice(1), 999999]]) {
      const bad = await staff.post('/api/activities/reorder', { ids });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().code).toBe('ACTIVITY_ORDER_INCOMPLETE');
    }
    expect((await list(staff, '?includeRetired=true')).map((a) => a.id)).toEqual(reversed);
  });

  it('keeps the catalogue to staff', async () => {
    expect((await mentee.post('/api/activities', { title: 'Mine' })).statusCode).toBe(403);
    expect((await mentee.patch('/api/activities/1', { retired: true })).statusCode).toBe(403);
    expect((await mentee.post('/api/activities/reorder', { ids: [1] })).statusCode).toBe(403);
  });
});
