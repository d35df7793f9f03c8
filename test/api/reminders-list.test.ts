import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../setup/dialects.ts';
import { activePeriod } from '../setup/job-fixtures.ts';
import { createTestMatch } from '../setup/match-fixtures.ts';
import { pageThrough } from '../setup/page-through.ts';
import { buildTestApp, createPerson, sessionClient, setUpProgram } from '../setup/test-app.ts';
import type { Client, TestContext } from '../setup/test-app.ts';

interface Reminder {
  id: number;
  kind: string;
  status: string;
  runAt: string;
  finishedAt: string | null;
  mentor: { name: string };
  mentee: { name: string };
}
interface Page {
  reminders: Reminder[];
  nextCursor: string | null;
  total: number;
  counts: Record<'scheduled' | 'sent' | 'skipped' | 'failed' | 'cancelled', number>;
}

const KINDS = ['goal-sheet-due-7', 'goal-sheet-due-1', 'goal-sheet-overdue', 'quiet'] as const;
const JOB_STATUSES = ['scheduled', 'running', 'done', 'skipped', 'failed', 'cancelled'] as const;

/** GET /api/reminders (issue #19): search, kind and status filters, orders and keyset paging. */
describeEachDialect('the reminders list', (db) => {
  let ctx: TestContext;
  let staff: Client;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    const { staffId } = await setUpProgram(ctx.deps);
    staff = await sessionClient(ctx, staffId);
    const periodId = await activePeriod(ctx.deps);
    const matches = [
      await createTestMatch(ctx.deps, { periodId, names: ['Grace Hopper', 'Ada Lovelace'] }),
      await createTestMatch(ctx.deps, { periodId, names: ['Alan Turing', 'Katherine Johnson'] }),
      await createTestMatch(ctx.deps, { periodId, names: ['Edsger Dijkstra', 'Barbara Liskov'] }),
    ];
    // 36 reminders: every kind × status × match, with run times that tie in pairs.
    const rows = Array.from({ length: 36 }, (_, i) => {
      const match = matches[i % 3]!;
      const kind = KINDS[i % 4]!;
      const status = JOB_STATUSES[i % 6]!;
      const runAt = new Date(Date.UTC(2026, 9, 1 + Math.floor(i / 2), 14)).toISOString();
      const finished = status === 'scheduled' || status === 'running' ? null : new Date(Date.UTC(2026, 9, 20 - (i % 7), 14)).toISOString();
      return {
        kind: `reminder.${kind}`,
        dedupe_key: `${kind}:m${match.id}:2026-10-${String(1 + (i % 28)).padStart(2, '0')}:${i}`,
        payload: '{}',
        status,
        run_at: runAt,
        attempts: 0,
        max_attempts: 5,
        match_id: match.id,
        created_at: '2026-09-01T15:00:00.000Z',
        updated_at: '2026-09-01T15:00:00.000Z',
        finished_at: finished,
      };
    });
    await ctx.deps.db.insertInto('jobs').values(rows).execute();
  });
  afterAll(() => ctx.close());

  const list = async (query: string): Promise<Page> => {
    const res = await staff.get(`/api/reminders?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('counts each status under the search and kind, and filters by status, kind and name', async () => {
    const scheduled = await list('limit=500');
    // "Scheduled" shows the waiting ones and the ones being sent.
    expect(scheduled.counts).toEqual({ scheduled: 12, sent: 6, skipped: 6, failed: 6, cancelled: 6 });
    expect(scheduled.total).toBe(12);
    expect(scheduled.reminders.every((r) => r.status === 'scheduled' || r.status === 'sending')).toBe(true);
    for (const status of ['sent', 'skipped', 'failed', 'cancelled'] as const) {
      const page = await list(`status=${status}&limit=500`);
      expect(page.reminders.every((r) => r.status === status)).toBe(true);
      expect(page.total).toBe(6);
    }
    const quiet = await list('status=sent&kind=quiet');
    expect(quiet.reminders.every((r) => r.kind === 'quiet')).toBe(true);
    expect(quiet.counts.sent).toBe(quiet.total);
    const ada = await list('q=LOVELACE&status=skipped');
    expect(ada.reminders.length).toBeGreaterThan(0);
    expect(ada.reminders.every((r) => r.mentee.name === 'Ada Lovelace')).toBe(true);
    expect((await list('q=turing')).reminders.every((r) => r.mentor.name === 'Alan Turing')).toBe(true);
    expect(Object.values((await list('q=turing')).counts).reduce((a, b) => a + b)).toBe(12);
    expect((await list('q=%25')).total).toBe(0);
  });

  it('orders waiting ones soonest first and finished ones most recently finished first, unless told otherwise', async () => {
    const key = (value: string, r: Reminder) => `${value}#${String(r.id).padStart(9, '0')}`;
    const soonest = (await list('limit=500')).reminders;
    expect(soonest.map((r) => key(r.runAt, r))).toEqual(soonest.map((r) => key(r.runAt, r)).sort());
    const finished = (await list('status=sent&limit=500')).reminders;
    expect(finished.map((r) => key(r.finishedAt ?? '', r))).toEqual(
      finished
        .map((r) => key(r.finishedAt ?? '', r))
        .sort()
        .reverse(),
    );
    const latest = (await list('status=skipped&sort=latest&limit=500')).reminders;
    expect(latest.map((r) => key(r.runAt, r))).toEqual(
      latest
        .map((r) => key(r.runAt, r))
        .sort()
        .reverse(),
    );
  });

  it('pages through every filter and order without gaps or duplicates', async () => {
    const queries = ['', 'status=sent', 'status=cancelled&sort=soonest', 'sort=latest', 'kind=quiet&status=failed', 'q=a&status=skipped'];
    for (const query of queries) {
      const whole = await list(`${query}&limit=500`);
      for (const limit of [1, 4]) {
        const seen = await pageThrough(list, query, limit, (p) => p.reminders.map((r) => r.id));
        expect(seen, `${query} by ${limit}`).toEqual(whole.reminders.map((r) => r.id));
      }
    }
  });

  it('answers 400 for a made-up cursor or an unknown kind, and 403 for anyone but staff', async () => {
    for (const after of ['not-a-cursor', 'WyJ4Il0', 'WyJ4IiwwXQ']) {
      expect((await staff.get(`/api/reminders?after=${after}`)).statusCode, after).toBe(400);
    }
    expect((await staff.get('/api/reminders?kind=birthday')).statusCode).toBe(400);
    for (const roles of [['mentee'], ['committee']] as const) {
      const client = await sessionClient(ctx, (await createPerson(ctx.deps, [...roles])).id);
      expect((await client.get('/api/reminders')).statusCode).toBe(403);
    }
  });
});
