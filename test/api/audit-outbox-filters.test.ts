import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { pageThrough } from '../setup/page-through.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

interface AuditPage {
  entries: { id: number; actorName: string | null; action: string }[];
  actions: string[];
  nextCursor: string | null;
  total: number;
}
interface OutboxPage {
  messages: { id: number; kind: string }[];
  kinds: string[];
  nextCursor: string | null;
  total: number;
}

/** What the audit and outbox pages' filters need (issue #19): the actor's name alone, and the actions and kinds to choose from. */
describeEachDialect('the audit and outbox filters', (db) => {
  let ctx: TestContext;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await sessionClient(ctx, staffId);
    const grace = (await createPerson(ctx.deps, ['staff'], 'Grace Hopper')).id;
    // "grace" also appears in an action: `q` finds both, `actor` only Grace's entries.
    await ctx.deps.db
      .insertInto('audit_log')
      .values(
        Array.from({ length: 12 }, (_, i) => ({
          actor_id: i % 3 === 0 ? grace : i % 3 === 1 ? staffId : null,
          action: i % 2 === 0 ? 'period.created' : 'grace_period.extended',
          entity_type: 'period',
          entity_id: String(i),
          details: '{}',
          created_at: `2026-10-${String(1 + i).padStart(2, '0')}T10:00:00.000Z`,
        })),
      )
      .execute();
    await ctx.deps.db
      .insertInto('outbox')
      .values(
        ['invitation', 'reminder.quiet', 'invitation', 'match-announcement'].map((kind, i) => ({
          to_address: `p${i}@example.org`,
          to_name: `Person ${i}`,
          subject: 'Hello',
          text_body: 'Hello',
          kind,
          status: 'recorded' as const,
          created_at: `2026-10-0${1 + i}T10:00:00.000Z`,
        })),
      )
      .execute();
  });
  afterAll(() => ctx.close());

  const audit = async (query: string) => {
    const res = await staff.get(`/api/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AuditPage;
  };
  const outbox = async (query: string) => {
    const res = await staff.get(`/api/outbox?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as OutboxPage;
  };

  it('searches the actor’s name alone with `actor`, pages it, and lists every action whatever the search', async () => {
    expect((await audit('q=grace')).total).toBe(8);
    const byActor = await audit('actor=GRACE');
    expect(byActor.total).toBe(4);
    expect(byActor.entries.every((e) => e.actorName === 'Grace Hopper')).toBe(true);
    expect(byActor.actions).toEqual(expect.arrayContaining(['grace_period.extended', 'period.created']));
    expect(byActor.actions).toEqual([...byActor.actions].sort());
    expect((await audit('actor=grace&action=period.created')).total).toBe(2);
    const whole = await audit('actor=grace&limit=500');
    expect(await pageThrough(audit, 'actor=grace', 3, (p) => p.entries.map((e) => e.id))).toEqual(whole.entries.map((e) => e.id));
    expect((await audit('actor=%25')).total).toBe(0);
  });

  it('lists every kind of message whatever the filter, and filters by one', async () => {
    const page = await outbox('status=failed');
    expect(page.total).toBe(0);
    expect(page.kinds).toEqual(['invitation', 'match-announcement', 'reminder.quiet']);
    const invitations = await outbox('kind=invitation');
    expect(invitations.messages.map((m) => m.kind)).toEqual(['invitation', 'invitation']);
  });

  it('keeps both lists to staff', async () => {
    const client = await sessionClient(ctx, (await createPerson(ctx.deps, ['committee'])).id);
    expect((await client.get('/api/audit?actor=grace')).statusCode).toBe(403);
    expect((await client.get('/api/outbox?kind=invitation')).statusCode).toBe(403);
  });
});
