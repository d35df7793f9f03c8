import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';
import { periodIn } from './matching-fixtures.ts';

interface Entry {
  action: string;
  entityType: string;
  entityId: string | null;
  entityName: string | null;
}

/** What audit entries say (issue #19): a person or a period by name, other records by number. */
describeEachDialect('audit entries name people and periods', (db) => {
  let ctx: TestContext;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await sessionClient(ctx, staffId);
  });
  afterAll(() => ctx.close());

  it('names the person and the period an entry is about; other records keep their number', async () => {
    const amara = await createPerson(ctx.deps, ['mentee'], 'Amara Mensah');
    const periodId = await periodIn(ctx.deps);
    const period = await ctx.deps.db.selectFrom('periods').select('name').where('id', '=', periodId).executeTakeFirstOrThrow();
    const at = ctx.clock.now().toISOString();
    const row = (action: string, entity_type: string, entity_id: string | null) => ({
      actor_id: null,
      action,
      entity_type,
      entity_id,
      details: '{}',
      created_at: at,
    });
    await ctx.deps.db
      .insertInto('audit_log')
      .values([
        row('test.person', 'user', String(amara.id)),
        row('test.period', 'period', String(periodId)),
        row('test.goal', 'program_goal', '3'),
        row('test.gone', 'user', '999999'),
        row('test.settings', 'settings', null),
      ])
      .execute();

    const res = await staff.get('/api/audit?limit=20');
    expect(res.statusCode, res.body).toBe(200);
    const byAction = new Map((res.json().entries as Entry[]).map((e) => [e.action, e]));
    expect(byAction.get('test.person')).toMatchObject({ entityId: String(amara.id), entityName: 'Amara Mensah' });
    expect(byAction.get('test.period')).toMatchObject({ entityId: String(periodId), entityName: period.name });
    expect(byAction.get('test.goal')).toMatchObject({ entityId: '3', entityName: null });
    expect(byAction.get('test.gone')).toMatchObject({ entityId: '999999', entityName: null });
    expect(byAction.get('test.settings')).toMatchObject({ entityId: null, entityName: null });
  });
});
