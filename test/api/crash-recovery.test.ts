import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDb } from '../../src/db/create-db.ts';
import type { Database } from '../../src/db/database.ts';
import { OPEN_DATES } from '../fixtures/applications/helpers.ts';
import { startAppProcess } from '../setup/app-server.ts';
import type { AppProcess } from '../setup/app-server.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { recordFigure } from '../setup/figures.ts';
import { HttpClient } from '../setup/http-client.ts';

/** How many times the server is killed: a few in `npm test`, 50 in `npm run bench:reliability`. */
const KILLS = Number(process.env.TANDEM_CRASH_KILLS ?? 4);
const APPLICATIONS = 3000;
const STAFF = { email: 'crash@example.org', password: 'crash test password' };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue #15 item 7: the server is killed with SIGKILL at random moments while a client writes
 * (FAQ entries, invitations with their e-mail, bulk decisions over 3,000 applications with a mail
 * each) and started again. Every write the client saw acknowledged is there, every change is
 * whole (an invitation always with its mail; a bulk decision on all its applications, with all its
 * mails and its audit entry, or on none), and SQLite's integrity check passes.
 */
describeEachDialect('crash: SIGKILL during a stream of writes', (testDb, dialect) => {
  let dataDir: string;
  let db: Kysely<Database>;
  let closeDb: () => Promise<void>;
  let env: Record<string, string | undefined>;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-crash-'));
    env = { RUN_JOBS: 'false', LOG_LEVEL: 'warn', ...(testDb().databaseUrl && { DATABASE_URL: testDb().databaseUrl }) };
  });
  afterAll(async () => {
    await closeDb?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write and every change whole through ${KILLS} SIGKILLs`, { timeout: 60_000 + KILLS * 15_000 }, async () => {
    let server: AppProcess = await startAppProcess({ dataDir, env });
    // The database the server uses: this test's PostgreSQL database, or the server's SQLite file.
    if (dialect === 'postgres') {
      db = testDb().db;
      closeDb = async () => undefined;
    } else {
      const handle = createDb({ sqliteFile: join(dataDir, 'tandem.sqlite') });
      db = handle.db;
      closeDb = () => handle.destroy();
    }
    let http = new HttpClient(server.url);
    await http.signIn(STAFF, { programName: 'Crash Program', name: 'Crash Staff' });
    const period = (await (await http.request('POST', '/api/periods', { name: 'Crash period', ...OPEN_DATES })).json()) as { id: number };
    await seedApplications(db, period.id);
    // No eligibility questions: every bulk decision below changes all 3,000 applications.
    await db.updateTable('program_settings').set({ eligibility_questions: '[]' }).execute();

    const acknowledged = { faq: [] as string[], invitations: [] as string[], bulk: 0 };
    let bulkTried = 0;
    let sent = 0;
    let seq = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      let running = true;
      // The writer: one write after another until the server goes away.
      const writer = (async () => {
        while (running) {
          seq += 1;
          const n = seq;
          try {
            sent += 1;
            if (n % 2 === 0) {
              const question = `Question ${n}?`;
              const res = await http.request('POST', '/api/faq', { question, answer: 'An answer.' });
              if (res.status === 201) acknowledged.faq.push(question);
            } else {
              const email = `invitee-${n}@example.org`;
              const res = await http.request('POST', '/api/invitations', { email, name: `Invitee ${n}`, roles: ['mentee'] });
              if (res.status === 201) acknowledged.invitations.push(email);
            }
          } catch {
            return; // the connection died with the server
          }
        }
      })();
      // A bulk decision in flight at the moment of the kill, every other round.
      if (kill % 2 === 0) bulkTried += 1;
      const bulk =
        kill % 2 === 0
          ? http
              .request('POST', `/api/periods/${period.id}/applications/bulk-decision`, {
                decision: kill % 4 === 0 ? 'waitlisted' : 'accepted',
                preview: false,
              })
              .then(async (res) => {
                // Acknowledged, and it changed something (a decision no application needed writes nothing).
                if (res.ok && ((await res.json()) as { changed: { count: number } }).changed.count > 0) acknowledged.bulk += 1;
              })
              .catch(() => undefined)
          : Promise.resolve();
      // In a bulk round the kill comes soon, often in the middle of the decision's transaction.
      await sleep(kill % 2 === 0 ? 20 + Math.floor(Math.random() * 500) : 150 + Math.floor(Math.random() * 900));
      await server.kill();
      running = false;
      await Promise.all([writer, bulk]);
      server = await startAppProcess({ dataDir, env });
      http = new HttpClient(server.url);
      await http.signIn(STAFF);
    }
    await server.stop();

    // Every acknowledged write is there.
    const questions = new Set((await db.selectFrom('faq_entries').select('question').execute()).map((r) => r.question));
    expect(acknowledged.faq.filter((q) => !questions.has(q))).toEqual([]);
    const invited = await db.selectFrom('invitations').select('email').execute();
    const invitedEmails = new Set(invited.map((r) => r.email));
    expect(acknowledged.invitations.filter((e) => !invitedEmails.has(e))).toEqual([]);
    // Each invitation came with its mail: none half-written.
    const mailed = new Set(
      (await db.selectFrom('outbox').select('to_address').where('kind', '=', 'invitation').execute()).map((r) => r.to_address),
    );
    expect([...invitedEmails].filter((e) => !mailed.has(e))).toEqual([]);
    // Each bulk decision is whole: every application has the same status, and there are as many
    // decision mails and audit entries as whole decisions.
    const statuses = await db.selectFrom('applications').select('status').where('period_id', '=', period.id).groupBy('status').execute();
    expect(statuses).toHaveLength(1);
    const decided = await db.selectFrom('audit_log').select('details').where('action', '=', 'applications.bulk_decided').execute();
    const changedByAudit = decided.reduce((n, r) => n + Number((JSON.parse(r.details) as { count: number }).count), 0);
    const decisionMails = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', 'in', ['application_accepted', 'application_waitlisted', 'application_declined'])
      .executeTakeFirstOrThrow();
    expect(Number(decisionMails.n)).toBe(changedByAudit);
    expect(decided.length).toBeGreaterThanOrEqual(acknowledged.bulk);

    let integrity = 'not checked (PostgreSQL)';
    if (dialect === 'sqlite') {
      integrity = String(Object.values((await sql<Record<string, string>>`pragma integrity_check`.execute(db)).rows[0] ?? {})[0]);
      expect(integrity).toBe('ok');
      expect((await sql`pragma foreign_key_check`.execute(db)).rows).toEqual([]);
    }
    recordFigure('crash', {
      dialect,
      kills: KILLS,
      writesSent: sent,
      acknowledged: acknowledged.faq.length + acknowledged.invitations.length,
      lost: 0,
      bulkTried,
      bulkWhole: decided.length,
      halfWritten: 0,
      integrity,
    });
  });
});

/** 3,000 people and their submitted applications in the period, straight into the database. */
async function seedApplications(db: Kysely<Database>, periodId: number): Promise<void> {
  const at = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < APPLICATIONS; i += 250) {
      const users = Array.from({ length: Math.min(250, APPLICATIONS - i) }, (_, k) => ({
        email: `applicant-${i + k}@example.org`,
        name: `Applicant ${i + k}`,
        password_hash: null,
        disabled_at: null,
        created_at: at,
        updated_at: at,
      }));
      const ids = await trx.insertInto('users').values(users).returning('id').execute();
      await trx
        .insertInto('applications')
        .values(
          ids.map(({ id }) => ({
            period_id: periodId,
            user_id: id,
            role: 'mentee' as const,
            status: 'submitted' as const,
            phone: '',
            job_title: 'Librarian',
            employer: 'City Library',
            workplace_type: 'public' as const,
            years_experience: 3,
            career_stage: 'early_career' as const,
            region: 'US-IL',
            country: 'US',
            time_zone: 'America/Chicago',
            interests: '["storytime"]',
            program_goal_ids: '[1]',
            channels: '["email"]',
            meet_in_person: 0,
            languages: '["English"]',
            hopes: '',
            eligibility_answers: '{}',
            confidential: '{}',
            capacity: 1,
            decision_reason: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
  });
}
