import { randomBytes } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { cachingStatements } from '../../src/db/statement-cache.ts';
import { seedAtScale, SEED_PASSWORD } from '../../src/features/demo/scale-seed.ts';
import { encodeCursor } from '../../src/shared/api/list-query.ts';
import { buildTestApp, Client } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

/*
 * Issue #16 item 2: no full scans on the hot paths. The real app answers the requests of a
 * participant's home and match page and of the staff pages the API benchmark drives
 * (bench/api/run.ts), on a program seeded as `tandem seed` seeds one; every statement it runs is
 * captured with its parameters (Kysely's log hook, on a connection opened here: no change to the
 * app) and planned with EXPLAIN QUERY PLAN. A `SCAN` of a table that grows with the program, or a
 * page (a LIMIT) that sorts everything its filter keeps before the first row, fails the test
 * unless ALLOWED below says why that read is right; the message prints the SQL and the plan.
 *
 * SQLite only, on purpose: the p99 target is measured on SQLite, and SQLite's planner, with no
 * ANALYZE statistics (Tandem never gathers any), picks a plan from the schema and the SQL alone,
 * the same for 5,000 people as for 100,000. PostgreSQL's planner weighs table sizes and picks
 * sequential scans on small tables by design, so its plans on a test-size database say nothing
 * about a large one.
 */

/** Enough that the stores take their large-list shapes (PEOPLE_FIRST_FROM), small enough to seed in a second. */
const PEOPLE = 5_000;

/**
 * Tables that stay small however many people join: scanning them is cheaper than an index.
 * Any other table grows with the program (people, years, their answers and logs).
 */
const SMALL_TABLES: Record<string, string> = {
  program_settings: 'one row',
  program_goals: 'the program’s handful of goals',
  periods: 'one a year',
  surveys: 'a few a year',
  events: 'a few dozen a year',
  resources: 'the staff’s library of guides, tens of rows',
  activities: 'the staff’s catalogue of suggested activities, tens of rows',
  faq_entries: 'the staff’s FAQ, tens of rows',
};

/**
 * A plan step that reads more than the answer needs: the whole of a growing table, or (in a page
 * or a slice, a statement with a LIMIT) every row its filter keeps, sorted before the first.
 */
type Finding = `full scan of ${string}` | 'sort before limit';

interface Allowance {
  finding: Finding;
  /** Matches the statement's SQL, so an allowance covers that statement and no other. */
  sql: RegExp;
  reason: string;
}

/** A pattern of a statement's SQL: the text itself, where `…` stands for anything. */
function sqlLike(text: string): RegExp {
  return new RegExp(
    `^${text
      .split('…')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
}

/** Whole reads that are right, each with why. One that no longer happens fails the test too. */
const ALLOWED: Allowance[] = [
  {
    finding: 'full scan of users',
    sql: sqlLike('select … from "users" order by "users"."name" asc, "users"."id" asc limit ?'),
    reason: 'the people list’s first page walks the name index and stops after a page',
  },
  {
    finding: 'full scan of users',
    sql: sqlLike('select count(*) as "n" from "users"'),
    reason: 'the list’s total counts everyone: one pass over the smallest index, kept between writes (unchanged-cache.ts)',
  },
  {
    finding: 'full scan of users',
    sql: sqlLike(
      'select … from "users" where exists (select 1 as "one" from "user_roles" where "user_roles"."user_id" = "users"."id" and "user_roles"."role" = ?)… order by … limit ?',
    ),
    reason:
      'a role’s page walks people in the list’s order, asking each whether they have it, and stops after a page (most people are mentors or mentees)',
  },
  {
    finding: 'full scan of users',
    sql: sqlLike('select … from "users" where lower(…) like ? escape \'!\'… order by "users"."name" asc, "users"."id" asc limit ?'),
    reason: "a contains-search (like '%…%') can use no B-tree index; in name order it stops after a page of hits",
  },
  {
    finding: 'full scan of users',
    sql: sqlLike('select count(*) as "n" from "users" where lower(…) like ? escape \'!\''),
    reason: 'the total of a contains-search reads every name and e-mail once, kept between writes',
  },
  {
    finding: 'full scan of users',
    sql: sqlLike('select "a".*, … from "users" as "u" cross join "applications" as "a" … order by "u"."name" asc, "a"."id" asc limit ?'),
    reason:
      'applications by name walk people in name order and stop after a page; chosen only from 1,000 matching applications (PEOPLE_FIRST_FROM in applications.store.ts), below that the few are sorted',
  },
  {
    finding: 'full scan of users',
    sql: sqlLike(
      'select … from "users" as "u" cross join "survey_invitations" as "i" where "i"."user_id" = "u"."id" and … order by "u"."name", "u"."id" limit ?',
    ),
    reason:
      'who has not answered, by name, walks people in name order and looks each up by the (survey, person) key, stopping after a page; chosen only from 1,000 people not answered (PEOPLE_FIRST_FROM in survey-not-yet.store.ts)',
  },
  {
    finding: 'sort before limit',
    sql: sqlLike(
      'select … from "survey_invitations" as "i" inner join "users" as "u" on "u"."id" = "i"."user_id" where ("i"."survey_id" = ? and "i"."responded_on" is null… order by "u"."name", "u"."id" limit ?',
    ),
    reason:
      'under 1,000 people not answered (PEOPLE_FIRST_FROM in survey-not-yet.store.ts) sorting those few, found by the index of who answered, is cheaper than walking everyone’s names',
  },
  {
    finding: 'full scan of users',
    sql: sqlLike(
      'select … from "users" as "u" cross join "event_invitations" as "i" where "i"."user_id" = "u"."id" and … order by "u"."name", "u"."id" limit ?',
    ),
    reason:
      'an event’s invitees by name walk people in name order and look each up by the (event, person) key, stopping after a page; chosen only from 1,000 invitees kept (PEOPLE_FIRST_FROM in event-attendee-list.store.ts)',
  },
  {
    finding: 'sort before limit',
    sql: sqlLike(
      'select … from "event_invitations" as "i" inner join "users" as "u" on "u"."id" = "i"."user_id" where …"i"."event_id" = ?… order by "u"."name", "u"."id" limit ?',
    ),
    reason:
      'under 1,000 invitees kept by the answer, attendance or search (PEOPLE_FIRST_FROM in event-attendee-list.store.ts) sorting those few, found by the event’s indexes, is cheaper than walking everyone’s names',
  },
];

interface Statement {
  sql: string;
  parameters: readonly unknown[];
  /** The request that ran it first. */
  route: string;
}

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** The plan as SQLite prints it: one line per step, indented under its parent. */
function formatPlan(rows: PlanRow[]): string {
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? 0) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    })
    .join('\n');
}

/** Tables in the SQL by the names the plan calls them (an alias, or the table's own name). */
function tablesByName(sql: string, tables: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of sql.matchAll(/\b(?:from|join|update|into)\s+"(\w+)"(?:\s+as\s+"(\w+)")?/gi)) {
    const table = m[1]!;
    if (tables.has(table)) names.set(m[2] ?? table, table);
  }
  return names;
}

/**
 * What in a plan reads more than the answer needs. `SCAN t` reads a table whole, through an index
 * or not (bounded walks are judged in ALLOWED); a subquery's or a CTE's own rows are planned
 * inside it. A sort of the whole selection (not only a LAST TERM of the order) before a LIMIT
 * counts only when the statement reads a growing table.
 */
function findingsOf(plan: PlanRow[], sql: string, tables: ReadonlySet<string>): Finding[] {
  const names = tablesByName(sql, tables);
  const findings: Finding[] = [];
  let readsGrowing = false;
  for (const { detail } of plan) {
    const m = /^(SCAN|SEARCH) (\w+)/.exec(detail);
    const table = m && names.get(m[2]!);
    if (!table || table in SMALL_TABLES) continue;
    readsGrowing = true;
    if (m[1] === 'SCAN') findings.push(`full scan of ${table}`);
  }
  if (readsGrowing && /\blimit \?/i.test(sql) && plan.some((r) => r.detail === 'USE TEMP B-TREE FOR ORDER BY')) {
    findings.push('sort before limit');
  }
  return findings;
}

describe('query plans of the hot paths [sqlite]', () => {
  let ctx: TestContext;
  let sqlite: SQLite.Database;
  let file: string;
  let tables: Set<string>;
  let route: string | undefined;
  const statements = new Map<string, Statement>();
  const routesRun: string[] = [];

  beforeAll(async () => {
    // The template database, opened as create-db.ts opens it but with Kysely's log hook: it hands
    // over each statement's SQL and parameters as run, with no change to the app.
    file = join(inject('tandemTmpDir'), `plans_${randomBytes(6).toString('hex')}.sqlite`);
    copyFileSync(inject('sqliteTemplate'), file);
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
      log: (event) => {
        if (route === undefined || event.level !== 'query') return;
        const { sql, parameters } = event.query;
        const key = `${sql}\u0000${JSON.stringify(parameters)}`;
        if (!statements.has(key)) statements.set(key, { sql, parameters, route });
      },
    });
    ctx = await buildTestApp({ db, dialect: 'sqlite', sqliteFile: file, handle: { db, dialect: 'sqlite', destroy: () => db.destroy() } });
    const seeded = await seedAtScale(ctx.deps, { people: PEOPLE });
    tables = new Set(
      (sqlite.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((t) => t.name),
    );

    const staff = new Client(ctx.app);
    expect((await staff.signIn(seeded.staffEmail, SEED_PASSWORD)).statusCode).toBe(200);
    const mentee = new Client(ctx.app);
    expect((await mentee.signIn(seeded.menteeEmail, SEED_PASSWORD)).statusCode).toBe(200);
    const periods = (await staff.get('/api/periods')).json() as { periods: { id: number; status: string }[] };
    const period = periods.periods.find((p) => p.status === 'active')!.id;
    const mine = (await mentee.get('/api/my/matches')).json() as { matches: { id: number; status: string }[] };
    const match = mine.matches.find((m) => m.status === 'active')!.id;
    const surveys = (await staff.get('/api/surveys')).json() as { surveys: { id: number; state: string }[] };
    const survey = surveys.surveys.find((s) => s.state === 'closed')!.id;
    const running = surveys.surveys.find((s) => s.state === 'open')!.id;
    const events = (await staff.get('/api/events')).json() as { events: { id: number; counts: { invited: number } }[] };
    const biggest = events.events.reduce((a, b) => (b.counts.invited > a.counts.invited ? b : a));
    const attendees = `/api/events/${biggest.id}/attendees`;
    const notYet = `/api/surveys/${running}/not-yet`;

    const list = `/api/periods/${period}/applications`;
    const hotPaths: [Client, string][] = [
      // A participant's home and match page.
      [mentee, '/api/me'],
      [mentee, '/api/my/matches'],
      [mentee, '/api/my/applications'],
      [mentee, `/api/matches/${match}/workspace`],
      [mentee, `/api/matches/${match}/contacts`],
      [mentee, `/api/matches/${match}/goal-sheet`],
      [mentee, `/api/matches/${match}/rematch`],
      [mentee, '/api/surveys'],
      [mentee, '/api/events?when=upcoming'],
      // Staff: the application list as the benchmark and the review page ask for it.
      [staff, `${list}?limit=50`],
      [staff, `${list}?status=accepted&limit=50`],
      [staff, `${list}?role=mentee&sort=name&limit=50`],
      [staff, `${list}?q=patel&limit=50`],
      // Program health and the task force's survey results.
      [staff, `/api/periods/${period}/health`],
      [staff, '/api/survey-results'],
      [staff, `/api/surveys/${survey}/results`],
      // A running survey's response rates and who has not answered: the first page, a later one,
      // one role, those not begun, searched; a closed survey's few still silent.
      [staff, `/api/surveys/${running}/progress`],
      [staff, `${notYet}?limit=50`],
      [staff, `${notYet}?limit=50&after=${encodeCursor(['M', 1])}`],
      [staff, `${notYet}?role=mentor&limit=50`],
      [staff, `${notYet}?started=false&limit=50`],
      [staff, `${notYet}?q=patel&limit=50`],
      [staff, `/api/surveys/${survey}/not-yet?limit=50`],
      // An event's attendee list: the first page, a later one, by answer, who came, the waitlist, searched.
      [staff, `${attendees}?limit=50`],
      [staff, `${attendees}?limit=50&after=${encodeCursor(['M', 1])}`],
      [staff, `${attendees}?state=yes&limit=50`],
      [staff, `${attendees}?attended=true&limit=50`],
      [staff, `${attendees}?state=waitlist&sort=waitlist&limit=50`],
      [staff, `${attendees}?q=patel&limit=50`],
      // The people list: first page, one role, active mentors newest first (bench/lists), searched.
      [staff, '/api/users?limit=50'],
      [staff, '/api/users?role=mentor&limit=50'],
      [staff, '/api/users?role=mentor&status=active&sort=newest&limit=50'],
      [staff, '/api/users?q=patel&limit=50'],
    ];
    for (const [client, path] of hotPaths) {
      route = path;
      const res = await client.get(path);
      route = undefined;
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      routesRun.push(path);
    }
  }, 60_000);

  afterAll(async () => {
    await ctx.close();
    await ctx.deps.db.destroy();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  });

  it('captures the statements of every hot path', () => {
    const routesSeen = new Set([...statements.values()].map((s) => s.route));
    // Every request runs at least its session lookup; one with no statement was not captured.
    expect(routesRun.filter((r) => !routesSeen.has(r))).toEqual([]);
  });

  it('reads no growing table whole, except where a whole read is right', () => {
    const failures: string[] = [];
    const used = new Set<Allowance>();
    for (const { sql, parameters, route: from } of statements.values()) {
      const plan = sqlite.prepare(`explain query plan ${sql}`).all(...parameters) as PlanRow[];
      for (const finding of findingsOf(plan, sql, tables)) {
        const allowed = ALLOWED.find((a) => a.finding === finding && a.sql.test(sql));
        if (allowed) used.add(allowed);
        else
          failures.push(`A ${finding}, from GET ${from}:\n${sql}\nparameters: ${JSON.stringify(parameters)}\nplan:\n${formatPlan(plan)}`);
      }
    }
    expect(failures.join('\n\n'), `${failures.length} statements read more than they answer`).toBe('');
    const unused = ALLOWED.filter((a) => !used.has(a)).map((a) => `${a.finding}: ${a.sql}`);
    expect(unused, 'allowances no statement needs any more: remove them').toEqual([]);
  });
});
