/**
 * List benchmark (issue #19): 100,000 people (and as many audit entries and outbox messages) in a
 * fresh database, with one period holding an application each, a match for most matched mentees and
 * their goal sheets; the median time of a search's first page and of the page after it, for People,
 * Outbox, Audit log, Applications, Matches and Goal sheets, through the same store functions the API calls. The reference is the
 * same queries without the list indexes (migration 2026-12-10T0900-list-indexes rolled back), and
 * for People the list as it was before: every account at once.
 *
 *   npm run bench:lists                         SQLite, and PostgreSQL on a throwaway server if one can start
 *   DATABASE_URL=postgres://… npm run bench:lists   PostgreSQL there (a database is created and dropped)
 *   flags: --people 100000   --repeats 15 (medians)   --no-postgres   --no-sqlite   --only <case name part>
 *          --explain (print query plans)   --analyze (PostgreSQL: EXPLAIN ANALYZE of each case's statements, no timings)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { createDb } from '../../src/db/create-db.ts';
import type { Database } from '../../src/db/database.ts';
import type { DbHandle } from '../../src/db/create-db.ts';
import { migrateDown, migrateToLatest } from '../../src/db/migrate.ts';
import { searchUsers } from '../../src/features/accounts/users.store.ts';
import { searchApplications } from '../../src/features/applications/applications.store.ts';
import { countPeriodSheets, searchPeriodSheets } from '../../src/features/goal-sheets/period-goal-sheets.store.ts';
import { countPeriodMatches, searchPeriodMatches } from '../../src/features/matches/period-matches.store.ts';
import { listAudit } from '../../src/features/audit/audit.store.ts';
import { listOutbox } from '../../src/features/notifications/outbox.store.ts';
import { decodeCursor } from '../../src/shared/api/list-query.ts';
import { mulberry32, pick } from '../../src/shared/seeded-random.ts';
import { startPostgresServer } from '../../test/setup/postgres-server.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const PEOPLE = Number(flag('--people') ?? 100_000);
const REPEATS = Number(flag('--repeats') ?? 15);
const EXPLAIN = args.includes('--explain');
/** Only the cases whose name contains this text (e.g. `--only Applications`). */
const ONLY = flag('--only');
/** PostgreSQL: print EXPLAIN ANALYZE of every statement the chosen cases run, and skip the timings. */
const ANALYZE = args.includes('--analyze');

const FIRST = ['Amara', 'Ben', 'Chloe', 'Dmitri', 'Esther', 'Farah', 'Gabriel', 'Hana', 'Ines', 'Jonas', 'Keiko', 'Luis', 'Mei', 'Noah'];
const LAST = ['Brennan', 'Castillo', 'Dubois', 'Ferreira', 'Garcia', 'Haddad', 'Ivanova', 'Johnson', 'Okonkwo', 'Patel', 'Rossi', 'Usman'];
const ROLES = ['mentee', 'mentee', 'mentor', 'committee'] as const;
const ACTIONS = ['person.updated', 'period.created', 'application.decided', 'match.ended', 'settings.updated'];
const KINDS = ['invitation', 'match-announcement', 'reminder.goal-sheet-due-7', 'survey-invitation'];
const STATUSES = ['recorded', 'sent', 'failed'] as const;
/** Late in an intake: most decided, many matched. */
const APPLICATION_MIX = ['submitted', 'accepted', 'waitlisted', 'declined', 'matched', 'matched', 'matched', 'unmatched'] as const;

async function inBatches<T>(db: Kysely<Database>, rows: T[], insert: (trx: Kysely<Database>, batch: T[]) => Promise<unknown>) {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await insert(trx, rows.slice(i, i + 500));
  });
}

async function seed(db: Kysely<Database>): Promise<void> {
  const random = mulberry32(19);
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  const people = Array.from({ length: PEOPLE }, (_, i) => {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    return {
      email: `${first}.${last}.${i}@example.org`.toLowerCase(),
      name: `${first} ${last}`,
      password_hash: null,
      disabled_at: random() < 0.1 ? at(i) : null,
      created_at: at(i),
      updated_at: at(i),
    };
  });
  await inBatches(db, people, (trx, batch) => trx.insertInto('users').values(batch).execute());
  const ids = (await db.selectFrom('users').select('id').orderBy('id').execute()).map((r) => r.id);
  await inBatches(
    db,
    ids.map((id) => ({ user_id: id, role: pick(random, ROLES) })),
    (trx, batch) => trx.insertInto('user_roles').values(batch).execute(),
  );
  const audit = Array.from({ length: PEOPLE }, (_, i) => ({
    actor_id: pick(random, ids),
    action: pick(random, ACTIONS),
    entity_type: 'user',
    entity_id: String(pick(random, ids)),
    details: '{}',
    created_at: at(i),
  }));
  await inBatches(db, audit, (trx, batch) => trx.insertInto('audit_log').values(batch).execute());
  const outbox = Array.from({ length: PEOPLE }, (_, i) => {
    const to = people[Math.floor(random() * people.length)] ?? people[0];
    return {
      to_address: to?.email ?? '',
      to_name: to?.name ?? '',
      subject: `${pick(random, ['Meet your mentor', 'Your goal sheet is due', 'You are invited', 'How is it going?'])} (${i})`,
      text_body: 'Hello',
      kind: pick(random, KINDS),
      status: pick(random, STATUSES),
      created_at: at(i),
    };
  });
  await inBatches(db, outbox, (trx, batch) => trx.insertInto('outbox').values(batch).execute());
  await seedPeriod(db, ids, random, at);
}

/**
 * One period holding everyone: an application each (a quarter mentors), a match for most
 * accepted mentees, and a goal sheet for most matches, some never sent: the staff lists of
 * applications, matches and goal sheets at the size of a large association's intake.
 */
async function seedPeriod(db: Kysely<Database>, ids: number[], random: () => number, at: (i: number) => string): Promise<void> {
  const now = at(0);
  const period = await db
    .insertInto('periods')
    .values({
      name: 'Benchmark cohort',
      status: 'active',
      applications_open_on: '2024-01-01',
      applications_close_on: '2024-02-01',
      matches_announced_on: '2024-02-15',
      program_ends_on: '2025-01-31',
      survey_opens_on: '2025-01-01',
      survey_closes_on: '2025-01-25',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const applications = ids.map((userId, i) => ({
    period_id: period.id,
    user_id: userId,
    role: i % 4 === 0 ? ('mentor' as const) : ('mentee' as const),
    status: pick(random, APPLICATION_MIX),
    phone: '',
    job_title: pick(random, ['Librarian', 'Branch manager', 'Children’s librarian', 'Archivist']),
    employer: pick(random, ['City Library', 'County Library', 'University Library', 'School District']),
    workplace_type: pick(random, ['public', 'school', 'academic', 'special', 'other'] as const),
    years_experience: Math.floor(random() * 30),
    career_stage: pick(random, ['student', 'early_career', 'mid_career', 'senior'] as const),
    region: 'US-IL',
    country: 'US',
    time_zone: 'America/Chicago',
    interests: JSON.stringify([pick(random, ['storytime', 'teen services', 'cataloguing', 'outreach'])]),
    program_goal_ids: '[]',
    channels: '["email"]',
    meet_in_person: 0,
    languages: '["English"]',
    hopes: '',
    eligibility_answers: '{}',
    confidential: '{}',
    capacity: i % 4 === 0 ? 3 : 1,
    decision_reason: null,
    created_at: at(i),
    updated_at: at(i),
  }));
  await inBatches(db, applications, (trx, batch) => trx.insertInto('applications').values(batch).execute());
  const rows = await db
    .selectFrom('applications')
    .select(['id', 'user_id', 'role', 'status'])
    .where('period_id', '=', period.id)
    .orderBy('id')
    .execute();
  const mentors = rows.filter((r) => r.role === 'mentor');
  const mentees = rows.filter((r) => r.role === 'mentee' && r.status === 'matched');
  const matches = mentees.map((mentee, i) => {
    const mentor = mentors[i % mentors.length]!;
    return {
      period_id: period.id,
      mentor_user_id: mentor.user_id,
      mentee_user_id: mentee.user_id,
      mentor_application_id: mentor.id,
      mentee_application_id: mentee.id,
      matching_run_id: null,
      score: Math.round(random() * 100) / 100,
      explanation: '',
      status: random() < 0.95 ? ('active' as const) : ('ended' as const),
      matched_at: at(i),
      ended_at: null,
      end_reason: null,
      ended_by: null,
      liaison_user_id: null,
    };
  });
  await inBatches(db, matches, (trx, batch) => trx.insertInto('matches').values(batch).execute());
  const matchIds = (await db.selectFrom('matches').select('id').where('period_id', '=', period.id).orderBy('id').execute()).map(
    (r) => r.id,
  );
  const content = JSON.stringify({ goals: [{ goal: 'Lead a storytime on my own', measure: 'Three sessions', by: '2024-06-30' }] });
  const sheets = matchIds.flatMap((matchId, i) => {
    const r = random();
    if (r < 0.2) return []; // not started
    const sent = r >= 0.5;
    return [
      {
        match_id: matchId,
        status: sent ? pick(random, ['submitted', 'acknowledged'] as const) : ('draft' as const),
        revision: 1,
        content,
        updated_by: null,
        updated_at: at(i),
        submitted_by: null,
        submitted_at: sent ? at(i) : null,
        first_submitted_at: sent ? at(i) : null,
        reviewed_by: null,
        reviewed_at: null,
        review_comment: null,
        created_at: at(i),
      },
    ];
  });
  await inBatches(db, sheets, (trx, batch) => trx.insertInto('goal_sheets').values(batch).execute());
  periodId = period.id;
}

let periodId = 0;

async function median(run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: plan caches, pages in memory
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

interface Case {
  name: string;
  /** The first page; returns the next page's cursor. */
  first(db: Kysely<Database>): Promise<string | null>;
  next(db: Kysely<Database>, cursor: string): Promise<unknown>;
}

const after = (cursor: string) => decodeCursor(cursor);
const CASES: Case[] = [
  {
    name: 'People: search "brennan"',
    first: async (db) => (await searchUsers(db, { q: 'brennan', sort: 'name', limit: 50 })).nextCursor,
    next: (db, c) => searchUsers(db, { q: 'brennan', sort: 'name', limit: 50, after: after(c) }),
  },
  {
    name: 'People: everyone by name',
    first: async (db) => (await searchUsers(db, { sort: 'name', limit: 50 })).nextCursor,
    next: (db, c) => searchUsers(db, { sort: 'name', limit: 50, after: after(c) }),
  },
  {
    name: 'People: mentors, active, newest',
    first: async (db) => (await searchUsers(db, { role: 'mentor', status: 'active', sort: 'newest', limit: 50 })).nextCursor,
    next: (db, c) => searchUsers(db, { role: 'mentor', status: 'active', sort: 'newest', limit: 50, after: after(c) }),
  },
  {
    name: 'Outbox: search "goal sheet"',
    first: async (db) => (await listOutbox(db, { q: 'goal sheet', limit: 50 })).nextCursor,
    next: (db, c) => listOutbox(db, { q: 'goal sheet', limit: 50, after: after(c) }),
  },
  {
    name: 'Outbox: status failed',
    first: async (db) => (await listOutbox(db, { status: 'failed', limit: 50 })).nextCursor,
    next: (db, c) => listOutbox(db, { status: 'failed', limit: 50, after: after(c) }),
  },
  {
    name: 'Audit: search "period"',
    first: async (db) => (await listAudit(db, { q: 'period', limit: 50 })).nextCursor,
    next: (db, c) => listAudit(db, { q: 'period', limit: 50, after: after(c) }),
  },
  {
    name: 'Audit: one action, one month',
    first: async (db) => (await listAudit(db, { action: 'match.ended', from: '2024-02-01', to: '2024-02-29', limit: 50 })).nextCursor,
    next: (db, c) => listAudit(db, { action: 'match.ended', from: '2024-02-01', to: '2024-02-29', limit: 50, after: after(c) }),
  },
  {
    name: 'Applications: search "patel"',
    first: async (db) => (await searchApplications(db, periodId, { q: 'patel', sort: 'submitted', limit: 50 })).nextCursor,
    next: (db, c) => searchApplications(db, periodId, { q: 'patel', sort: 'submitted', limit: 50, after: after(c) }),
  },
  {
    name: 'Applications: mentees accepted, by name',
    first: async (db) =>
      (await searchApplications(db, periodId, { role: 'mentee', status: 'accepted', sort: 'name', limit: 50 })).nextCursor,
    next: (db, c) => searchApplications(db, periodId, { role: 'mentee', status: 'accepted', sort: 'name', limit: 50, after: after(c) }),
  },
  {
    // As the API answers: the page, and the counts its total comes from.
    name: 'Matches: search "okonkwo", newest',
    first: async (db) => {
      const [page] = await Promise.all([
        searchPeriodMatches(db, { periodId, q: 'okonkwo', sort: 'newest', limit: 50 }),
        countPeriodMatches(db, { periodId, q: 'okonkwo' }),
      ]);
      return page.nextCursor;
    },
    next: (db, c) =>
      Promise.all([
        searchPeriodMatches(db, { periodId, q: 'okonkwo', sort: 'newest', limit: 50, after: after(c) }),
        countPeriodMatches(db, { periodId, q: 'okonkwo' }),
      ]),
  },
  {
    name: 'Goal sheets: overdue, most urgent first',
    first: async (db) => {
      const [page] = await Promise.all([
        searchPeriodSheets(db, { periodId, status: 'overdue', overdueBefore: OVERDUE_BEFORE, sort: 'attention', limit: 50 }),
        countPeriodSheets(db, { periodId, overdueBefore: OVERDUE_BEFORE }),
      ]);
      return page.nextCursor;
    },
    next: (db, c) =>
      Promise.all([
        searchPeriodSheets(db, {
          periodId,
          status: 'overdue',
          overdueBefore: OVERDUE_BEFORE,
          sort: 'attention',
          limit: 50,
          after: after(c),
        }),
        countPeriodSheets(db, { periodId, overdueBefore: OVERDUE_BEFORE }),
      ]),
  },
];

/** Matches made before this are past their goal-sheet day: every seeded one is, so each sheet not sent is overdue. */
const OVERDUE_BEFORE = '2024-02-01T00:00:00.000Z';

/** The people list before issue #19: every account and every role, sorted by name. */
async function oldPeopleList(db: Kysely<Database>): Promise<void> {
  await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'disabled_at', 'erased_at', 'created_at'])
    .orderBy('name')
    .orderBy('id')
    .execute();
  await db.selectFrom('user_roles').select(['user_id', 'role']).execute();
}

const chosenCases = () => CASES.filter((c) => ONLY === undefined || c.name.includes(ONLY));

async function measure(db: Kysely<Database>): Promise<Map<string, [number, number]>> {
  const out = new Map<string, [number, number]>();
  for (const c of chosenCases()) {
    const cursor = await c.first(db);
    const first = await median(() => c.first(db));
    const next = cursor ? await median(() => c.next(db, cursor)) : Number.NaN;
    out.set(c.name, [first, next]);
  }
  if (ONLY === undefined) out.set('People: the old list (everyone at once)', [await median(() => oldPeopleList(db)), Number.NaN]);
  return out;
}

async function analyze(handle: DbHandle) {
  if (handle.dialect === 'postgres') await sql`analyze`.execute(handle.db);
  else await sql`analyze`.execute(handle.db);
}

async function explain(handle: DbHandle) {
  const statements = [
    sql`select id from users where (lower(name) like '%brennan%' escape '!' or lower(email) like '%brennan%' escape '!') order by name, id limit 51`,
    sql`select id from users where disabled_at is null and exists (select 1 from user_roles where user_roles.user_id = users.id and role = 'mentor') order by created_at desc, id desc limit 51`,
    sql`select id from outbox where status = 'failed' order by id desc limit 51`,
    sql`select audit_log.id from audit_log where action = 'match.ended' and created_at >= '2024-02-01' and created_at < '2024-03-01' order by id desc limit 51`,
  ];
  for (const statement of statements) {
    const prefix = handle.dialect === 'postgres' ? sql`explain ` : sql`explain query plan `;
    const rows = await sql<Record<string, unknown>>`${prefix}${statement}`.execute(handle.db);
    console.log(rows.rows.map((r) => `    ${String(r['QUERY PLAN'] ?? r['detail'])}`).join('\n'));
  }
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '      –' : `${ms.toFixed(1).padStart(7)}`);
const ratio = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? '    –' : `${(b / a).toFixed(1).padStart(5)}×`);

/**
 * Runs each chosen case's first and next page once through a connection that records its
 * statements, then prints `explain (analyze, buffers)` of each: where the time of a list goes.
 */
async function explainAnalyze(databaseUrl: string) {
  const recorded: { sql: string; parameters: readonly unknown[] }[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const logged = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') recorded.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  try {
    for (const c of chosenCases()) {
      recorded.length = 0;
      const cursor = await c.first(logged);
      if (cursor) await c.next(logged, cursor);
      console.log(`\n  ${c.name}`);
      for (const q of recorded) {
        const plan = await pool.query(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]);
        console.log(`    ${q.sql}\n${plan.rows.map((r: Record<string, string>) => `      ${r['QUERY PLAN']}`).join('\n')}`);
      }
    }
  } finally {
    await logged.destroy();
  }
}

async function run(label: string, handle: DbHandle, databaseUrl?: string): Promise<void> {
  const t0 = performance.now();
  await migrateToLatest(handle.db);
  await seed(handle.db);
  await analyze(handle);
  console.log(
    `\n${label}: ${PEOPLE.toLocaleString('en-US')} people, audit entries and messages seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (ANALYZE) {
    if (databaseUrl) await explainAnalyze(databaseUrl);
    else console.log('  --analyze explains PostgreSQL statements only');
    return;
  }
  if (EXPLAIN) {
    console.log('  plans with the list indexes:');
    await explain(handle);
  }
  const indexed = await measure(handle.db);
  // The reference: back to before the first list indexes (2026-12-10T0900), which also drops the
  // later ones for applications, matches and jobs (2026-12-11T0900 and T0920).
  for (let i = 0; i < 10; i++) {
    const [undone] = await migrateDown(handle.db);
    if (undone === undefined || undone === '2026-12-10T0900-list-indexes') break;
  }
  await analyze(handle);
  if (EXPLAIN) {
    console.log('  plans without them:');
    await explain(handle);
  }
  const bare = await measure(handle.db);
  console.log(`  median ms of ${REPEATS}   first page  next page | without list indexes: first   next | ratio first  next`);
  for (const [name, [first, next]] of indexed) {
    const [bareFirst, bareNext] = bare.get(name) ?? [Number.NaN, Number.NaN];
    const old = name.includes('old list');
    console.log(
      `  ${name.padEnd(40)} ${fmt(first)}   ${fmt(next)}  |                    ${old ? '      –' : fmt(bareFirst)} ${old ? '      –' : fmt(bareNext)} |     ${old ? '    –' : ratio(first, bareFirst)} ${old ? '    –' : ratio(next, bareNext)}`,
    );
  }
  const oldMs = indexed.get('People: the old list (everyone at once)')?.[0] ?? Number.NaN;
  const search = indexed.get('People: search "brennan"') ?? [Number.NaN, Number.NaN];
  console.log(`  People search vs the old list: ${ratio(search[0], oldMs)} faster (first page), ${ratio(search[1], oldMs)} (next page)`);
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-lists-'));
  try {
    if (!args.includes('--no-sqlite')) {
      const sqlite = createDb({ sqliteFile: join(dir, 'bench.sqlite') });
      try {
        await run('SQLite', sqlite);
      } finally {
        await sqlite.destroy();
      }
    }
    if (args.includes('--no-postgres')) return;
    let serverUrl = process.env.DATABASE_URL;
    let stop: (() => Promise<void>) | undefined;
    if (!serverUrl) {
      const started = await startPostgresServer();
      if (!started.server) {
        console.log(`\nPostgreSQL skipped: ${started.reason}`);
        return;
      }
      serverUrl = started.server.url;
      stop = () => started.server.stop();
    }
    const name = `tandem_bench_lists_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const postgres = createDb({ databaseUrl: url.toString(), sqliteFile: ':memory:' });
    try {
      await run('PostgreSQL', postgres, url.toString());
    } finally {
      await postgres.destroy();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
      await stop?.();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
