import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { pageOf } from '../../db/keyset-page.ts';
import { readInPages } from '../../db/read-in-pages.ts';
import { memoUnlessChanged, unlessChanged } from '../../db/unchanged-cache.ts';
import { containsTextInAny } from '../../db/text-search.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';
import { storedValue, storedValues } from '../../db/stored-value.ts';
import { CARRY_FORWARD_AS } from '../../shared/match-management.ts';
import type { CarryForwardAs } from '../../shared/match-management.ts';
import type { ApplicationAnswers, ApplicationSort } from '../../shared/api/applications.ts';
import { APPLICATION_ROLES, APPLICATION_STATUSES, CAREER_STAGES, WORKPLACE_TYPES } from '../../shared/application-vocabulary.ts';
import type { ApplicationRole, ApplicationStatus, WorkplaceTypeName } from '../../shared/application-vocabulary.ts';
import { CHANNELS } from '../../shared/channels.ts';
import type { ApplicationRecord } from './application.types.ts';

/** Filters the staff list offers; all optional, all combined with AND. */
export interface ApplicationFilters {
  role?: ApplicationRole | undefined;
  status?: ApplicationStatus | undefined;
  workplaceType?: WorkplaceTypeName | undefined;
  /** Prefix: `US` finds US-IL and US-WA. */
  region?: string | undefined;
  goal?: number | undefined;
  /** Free text over name, e-mail, employer, job title and interests. */
  q?: string | undefined;
}

export type ApplicationCounts = Record<ApplicationRole, Record<ApplicationStatus, number>>;

function selectJoined(db: Executor) {
  return db
    .selectFrom('applications as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .innerJoin('periods as p', 'p.id', 'a.period_id')
    .selectAll('a')
    .select(['u.name as user_name', 'u.email as user_email', 'p.name as period_name']);
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof selectJoined>['executeTakeFirstOrThrow']>>;

/** JSON columns are written only by this store; a damaged value reads as empty rather than crashing a page. */
function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const roleOf = (role: string): ApplicationRole => storedValue('applications', 'role', APPLICATION_ROLES, role);
const statusOf = (status: string): ApplicationStatus => storedValue('applications', 'status', APPLICATION_STATUSES, status);

const stringList = (text: string): string[] => parseJson<unknown[]>(text, []).filter((x): x is string => typeof x === 'string');

function toRecord(r: JoinedRow): ApplicationRecord {
  const confidential = parseJson<Partial<ApplicationAnswers['confidential']>>(r.confidential, {});
  return {
    id: r.id,
    periodId: r.period_id,
    periodName: r.period_name,
    userId: r.user_id,
    applicantName: r.user_name,
    applicantEmail: r.user_email,
    role: roleOf(r.role),
    status: statusOf(r.status),
    answers: {
      phone: r.phone,
      jobTitle: r.job_title,
      employer: r.employer,
      workplaceType: storedValue('applications', 'workplace_type', WORKPLACE_TYPES, r.workplace_type),
      yearsExperience: Number(r.years_experience),
      careerStage: storedValue('applications', 'career_stage', CAREER_STAGES, r.career_stage),
      region: r.region,
      timeZone: r.time_zone,
      interests: stringList(r.interests),
      programGoalIds: parseJson<unknown[]>(r.program_goal_ids, []).filter((x): x is number => typeof x === 'number'),
      channels: storedValues('applications', 'channels', CHANNELS, parseJson<unknown>(r.channels, [])),
      meetInPerson: Number(r.meet_in_person) === 1,
      languages: stringList(r.languages),
      hopes: r.hopes,
      eligibilityAnswers: parseJson<Record<string, 'yes' | 'no'>>(r.eligibility_answers, {}),
      confidential: {
        preferSameGender: confidential.preferSameGender === true,
        gender: typeof confidential.gender === 'string' ? confidential.gender : '',
        notes: typeof confidential.notes === 'string' ? confidential.notes : '',
      },
      capacity: Number(r.capacity),
    },
    decisionReason: r.decision_reason,
    carryForward: Number(r.carry_forward) === 1,
    carriedFromId: r.carried_from_id,
    carryForwardAs: storedValue('applications', 'carry_forward_as', CARRY_FORWARD_AS, r.carry_forward_as),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Answers as columns (country is the part of the region before the dash). */
export function answerColumns(a: ApplicationAnswers) {
  return {
    phone: a.phone,
    job_title: a.jobTitle,
    employer: a.employer,
    workplace_type: a.workplaceType,
    years_experience: a.yearsExperience,
    career_stage: a.careerStage,
    region: a.region,
    country: a.region.slice(0, 2),
    time_zone: a.timeZone,
    interests: JSON.stringify(a.interests),
    program_goal_ids: JSON.stringify(a.programGoalIds),
    channels: JSON.stringify(a.channels),
    meet_in_person: a.meetInPerson ? 1 : 0,
    languages: JSON.stringify(a.languages),
    hopes: a.hopes,
    eligibility_answers: JSON.stringify(a.eligibilityAnswers),
    confidential: JSON.stringify(a.confidential),
    capacity: a.capacity,
  };
}

export interface NewApplication {
  periodId: number;
  userId: number;
  role: ApplicationRole;
  answers: ApplicationAnswers;
  status?: ApplicationStatus;
  carriedFromId?: number | null;
  at: string;
}

export async function insertApplication(db: Executor, a: NewApplication): Promise<number> {
  const row = await db
    .insertInto('applications')
    .values({
      period_id: a.periodId,
      user_id: a.userId,
      role: a.role,
      status: a.status ?? 'submitted',
      ...answerColumns(a.answers),
      decision_reason: null,
      carry_forward: 0,
      carried_from_id: a.carriedFromId ?? null,
      created_at: a.at,
      updated_at: a.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateApplicationAnswers(db: Executor, id: number, answers: ApplicationAnswers, at: string): Promise<void> {
  await db
    .updateTable('applications')
    .set({ ...answerColumns(answers), updated_at: at })
    .where('id', '=', id)
    .execute();
}

/**
 * Moves the status only if it is still `from` (two reviewers deciding at once cannot both win).
 * The reason is replaced, so an acceptance after a decline does not keep the old reason.
 */
export async function setApplicationStatus(
  db: Executor,
  id: number,
  from: ApplicationStatus,
  to: ApplicationStatus,
  reason: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('applications')
    .set({ status: to, decision_reason: reason, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Bulk move (matching approval: accepted → matched | unmatched), only for rows still in `from`.
 * Returns how many rows changed, so the caller can tell that one moved under its feet.
 */
export async function setApplicationStatuses(
  db: Executor,
  ids: readonly number[],
  from: ApplicationStatus,
  to: ApplicationStatus,
  at: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  let changed = 0;
  // Chunked: SQLite and PostgreSQL both limit bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const result = await db
      .updateTable('applications')
      .set({ status: to, updated_at: at })
      .where('id', 'in', chunk)
      .where('status', '=', from)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}

/**
 * Marks an application to be carried into the next period, and with which status the copy starts
 * ('submitted' when the applicant asks, 'accepted' when staff place the person in the next pool).
 */
export async function setCarryForwardPlan(db: Executor, id: number, as: CarryForwardAs, at: string): Promise<void> {
  await db.updateTable('applications').set({ carry_forward: 1, carry_forward_as: as, updated_at: at }).where('id', '=', id).execute();
}

export async function setCarryForwardFlag(db: Executor, id: number, carryForward: boolean, at: string): Promise<void> {
  await db
    .updateTable('applications')
    .set({ carry_forward: carryForward ? 1 : 0, carry_forward_as: 'submitted', updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findApplication(db: Executor, id: number): Promise<ApplicationRecord | undefined> {
  const row = await selectJoined(db).where('a.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function findApplicationFor(
  db: Executor,
  periodId: number,
  userId: number,
  role: ApplicationRole,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('period_id', '=', periodId)
    .where('user_id', '=', userId)
    .where('role', '=', role)
    .executeTakeFirst();
  return row?.id;
}

/** `email|role` keys of everyone who already applied in the period (CSV import's duplicate check). */
export async function listAppliedKeys(db: Executor, periodId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['u.email', 'a.role'])
    .where('a.period_id', '=', periodId)
    .execute();
  return new Set(rows.map((r) => `${r.email.toLowerCase()}|${r.role}`));
}

/**
 * Every application of the period (or of one side of it), oldest first: exports, matching inputs,
 * re-match candidates. The ids come first (from an index), then a page of applications at a time
 * (read-in-pages.ts), so a period of 30,000 never holds the event loop for long.
 */
export async function listApplicationsForPeriod(
  db: Executor,
  periodId: number,
  { role }: { role?: ApplicationRole } = {},
): Promise<ApplicationRecord[]> {
  let idQuery = db.selectFrom('applications').select('id').where('period_id', '=', periodId);
  if (role !== undefined) idQuery = idQuery.where('role', '=', role);
  const ids = (await idQuery.orderBy('id').execute()).map((r) => r.id);
  return readInPages(ids, async (page) => (await selectJoined(db).where('a.id', 'in', page).orderBy('a.id').execute()).map(toRecord));
}

/** `column` starts with `prefix` (taken literally; `!` escapes LIKE's wildcards, as in containsText). */
function startsWith(column: string, prefix: string) {
  return sql<boolean>`${sql.ref(column)} like ${`${prefix.replace(/[!%_]/g, (c) => `!${c}`)}%`} escape '!'`;
}

/**
 * The JSON array of goal ids lists `goal`. The store writes it with JSON.stringify (`[1,3]`, no
 * spaces); with its brackets turned into commas, `,3,` is found only for the whole number 3.
 */
function listsGoal(goal: number) {
  return sql<boolean>`replace(replace(replace(${sql.ref('a.program_goal_ids')}, ' ', ''), '[', ','), ']', ',') like ${`%,${goal},%`}`;
}

/**
 * The period's applications the filters keep, with the applicant (alias u) joined. Every filter
 * runs in SQL: the free text looks in name, e-mail, employer, job title and the interests' JSON
 * text, ignoring case the same way on both databases (containsTextInAny).
 */
/**
 * The period's applications with their people, filtered. `peopleFirst` reads people in name order
 * and looks up each one's application (SQLite takes a CROSS JOIN's left table as the outer loop):
 * for a page by name out of thousands of rows that stops after a page's worth, where the usual
 * order would read and sort every row the filters keep. PostgreSQL plans either the same way.
 */
function filteredApplications(db: Executor, periodId: number, f: ApplicationFilters, peopleFirst = false) {
  let query = (
    peopleFirst
      ? db.selectFrom('users as u').crossJoin('applications as a').whereRef('a.user_id', '=', 'u.id')
      : db.selectFrom('applications as a').innerJoin('users as u', 'u.id', 'a.user_id')
  ).where('a.period_id', '=', periodId);
  if (f.role) query = query.where('a.role', '=', f.role);
  if (f.status) query = query.where('a.status', '=', f.status);
  if (f.workplaceType) query = query.where('a.workplace_type', '=', f.workplaceType);
  const region = f.region?.trim().toUpperCase();
  if (region) query = query.where(startsWith('a.region', region));
  if (f.goal !== undefined) query = query.where(listsGoal(f.goal));
  const q = f.q?.trim();
  if (q) {
    query = query.where(containsTextInAny(['u.name', 'u.email', 'a.employer', 'a.job_title', 'a.interests'], q));
  }
  return query;
}

/** The status sort follows the statuses' own order (submitted first), not the alphabet. */
const statusRank = sql<number>`case ${sql.ref('a.status')} ${sql.join(
  APPLICATION_STATUSES.map((s, i) => sql`when ${sql.lit(s)} then ${sql.lit(i)}`),
  sql` `,
)} end`;

/**
 * How each order reads and continues: the sort expression, its direction, and the cursor value
 * of a row. Ties break on the id in the same direction, so every row has one place.
 */
const SORTS: Record<ApplicationSort, { expr: RawBuilder<string | number>; direction: 'asc' | 'desc' }> = {
  submitted: { expr: sql<string>`${sql.ref('a.created_at')}`, direction: 'desc' },
  name: { expr: sql<string>`${sql.ref('u.name')}`, direction: 'asc' },
  status: { expr: statusRank, direction: 'asc' },
};

/** A cursor's sort value as the sort compares it, or undefined when it cannot be one of ours. */
function cursorValue(sort: ApplicationSort, value: string): string | number | undefined {
  if (sort === 'status') {
    const rank = /^\d$/.test(value) ? Number(value) : -1;
    return rank >= 0 && rank < APPLICATION_STATUSES.length ? rank : undefined;
  }
  if (sort === 'submitted') return /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(value) ? value : undefined;
  return value;
}

export class BadCursorError extends Error {}

/**
 * From how many matching rows a page by name reads people first. Below it, sorting the few rows
 * is cheaper than walking the people index past everyone else (100,000 people, 35,000 matching
 * rows: 4 ms instead of 28).
 */
const PEOPLE_FIRST_FROM = 1_000;

/**
 * One page of the filtered list, in the chosen order, starting after the cursor's row; reads one
 * row more than the page to know whether another follows. `total` counts every row the filters
 * keep. Throws BadCursorError for a cursor that no page of this order could have handed out.
 */
export async function searchApplications(
  db: Executor,
  periodId: number,
  q: ApplicationFilters & { sort: ApplicationSort; after?: CursorKey | undefined; limit: number },
): Promise<{ applications: readonly ApplicationRecord[]; nextCursor: string | null; total: number }> {
  // The page is kept until applications, people or periods are written (unchanged-cache.ts), keyed
  // by its period and query, so fifty staff asking for the same page build, read and shape it once
  // (51 records, about 50 KB; the cache holds at most 500 answers). Callers only read the records.
  return memoUnlessChanged(db, `applications page ${periodId} ${JSON.stringify(q)}`, () => readApplicationsPage(db, periodId, q), {
    reads: APPLICATION_PAGE_READS,
  });
}

/** What a page of applications is read from (checked under tests: memoUnlessChanged). */
const APPLICATION_PAGE_READS = ['applications', 'users', 'periods'];

async function readApplicationsPage(
  db: Executor,
  periodId: number,
  q: ApplicationFilters & { sort: ApplicationSort; after?: CursorKey | undefined; limit: number },
): Promise<{ applications: readonly ApplicationRecord[]; nextCursor: string | null; total: number }> {
  const sort = SORTS[q.sort];
  // Counted first (kept between writes, see unchanged-cache.ts): how many rows the filters keep
  // decides how the page is best read.
  const [counted] = await unlessChanged(
    db,
    filteredApplications(db, periodId, q).select((eb) => eb.fn.countAll<number | string>().as('n')),
  );
  const total = Number(counted?.n ?? 0);
  let page = filteredApplications(db, periodId, q, q.sort === 'name' && total >= PEOPLE_FIRST_FROM)
    .innerJoin('periods as p', 'p.id', 'a.period_id')
    .selectAll('a')
    .select(['u.name as user_name', 'u.email as user_email', 'p.name as period_name', sort.expr.as('sort_value')])
    .orderBy(sort.expr, sort.direction)
    .orderBy('a.id', sort.direction);
  if (q.after) {
    const value = cursorValue(q.sort, q.after[0]);
    if (value === undefined) throw new BadCursorError();
    const id = q.after[1];
    page = page.where(sql<boolean>`(${sort.expr}, ${sql.ref('a.id')}) ${sql.raw(sort.direction === 'asc' ? '>' : '<')} (${value}, ${id})`);
  }
  const { page: shown, nextCursor } = pageOf(await page.limit(q.limit + 1).execute(), q.limit, (last) => [
    String(last.sort_value),
    last.id,
  ]);
  return {
    applications: shown.map(toRecord),
    nextCursor,
    total,
  };
}

/** What a bulk decision needs to know of each application the filters keep (no answers beyond eligibility). */
export interface DecisionCandidate {
  id: number;
  userId: number;
  role: ApplicationRole;
  status: ApplicationStatus;
  applicantName: string;
  applicantEmail: string;
  eligibilityAnswers: Record<string, 'yes' | 'no'>;
}

/** Every application the filters keep, by name (then id): the bulk decision's selection. */
export async function listDecisionCandidates(db: Executor, periodId: number, f: ApplicationFilters): Promise<DecisionCandidate[]> {
  const rows = await filteredApplications(db, periodId, f)
    .select(['a.id', 'a.user_id', 'a.role', 'a.status', 'a.eligibility_answers', 'u.name', 'u.email'])
    .orderBy('u.name')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    role: roleOf(r.role),
    status: statusOf(r.status),
    applicantName: r.name,
    applicantEmail: r.email,
    eligibilityAnswers: parseJson<Record<string, 'yes' | 'no'>>(r.eligibility_answers, {}),
  }));
}

/**
 * The bulk form of setApplicationStatus: moves these applications from `from` to `to` with the
 * same reason, only those still in `from`, a chunk per statement. Returns how many moved, so the
 * caller can tell that one changed under its feet.
 */
export async function setDecisions(
  db: Executor,
  ids: readonly number[],
  from: ApplicationStatus,
  to: ApplicationStatus,
  reason: string | null,
  at: string,
): Promise<number> {
  let changed = 0;
  // Chunked: SQLite and PostgreSQL both limit bound parameters per statement.
  for (let i = 0; i < ids.length; i += 500) {
    const result = await db
      .updateTable('applications')
      .set({ status: to, decision_reason: reason, updated_at: at })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('status', '=', from)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}

export async function countApplications(db: Executor, periodId: number): Promise<ApplicationCounts> {
  const zero = (): Record<ApplicationStatus, number> =>
    Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  const counts: ApplicationCounts = { mentor: zero(), mentee: zero() };
  // Kept between writes by a key of its own: every page of the list asks for it.
  const rows = await memoUnlessChanged(
    db,
    `application counts ${periodId}`,
    () =>
      db
        .selectFrom('applications')
        .select(['role', 'status', (eb) => eb.fn.countAll().as('n')])
        .where('period_id', '=', periodId)
        .groupBy(['role', 'status'])
        .execute(),
    { reads: ['applications'] },
  );
  for (const r of rows) {
    counts[roleOf(r.role)][statusOf(r.status)] += Number(r.n);
  }
  return counts;
}

export async function listApplicationsOfUser(db: Executor, userId: number): Promise<ApplicationRecord[]> {
  const rows = await selectJoined(db).where('a.user_id', '=', userId).orderBy('a.id', 'desc').execute();
  return rows.map(toRecord);
}

/** The role and status of every application of these people (what their participant roles follow). */
export async function listApplicationStatusesOf(
  db: Executor,
  userIds: readonly number[],
): Promise<{ userId: number; role: ApplicationRole; status: ApplicationStatus }[]> {
  const out: { userId: number; role: ApplicationRole; status: ApplicationStatus }[] = [];
  // Chunked: SQLite and PostgreSQL both limit bound parameters per statement.
  for (let i = 0; i < userIds.length; i += 500) {
    const rows = await db
      .selectFrom('applications')
      .select(['user_id', 'role', 'status'])
      .where('user_id', 'in', userIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.push({ userId: r.user_id, role: roleOf(r.role), status: statusOf(r.status) });
    }
  }
  return out;
}

/** Who the matcher considers: accepted applications of both roles, in a stable order. */
export async function listMatchingPool(db: Executor, periodId: number): Promise<ApplicationRecord[]> {
  const rows = await selectJoined(db).where('a.period_id', '=', periodId).where('a.status', '=', 'accepted').orderBy('a.id').execute();
  return rows.map(toRecord);
}

/** The people of the matching pool, by id: whom an approval holds before it reads the pool itself. */
export async function listMatchingPoolPeople(db: Executor, periodId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('applications')
    .select('user_id')
    .distinct()
    .where('period_id', '=', periodId)
    .where('status', '=', 'accepted')
    .orderBy('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Flagged applications of other periods not yet copied into `periodId`. Latest first per
 * person and role, so someone who flagged two earlier applications is copied once.
 */
export async function listCarryForwardCandidates(db: Executor, periodId: number): Promise<ApplicationRecord[]> {
  const rows = await selectJoined(db)
    .where('a.period_id', '!=', periodId)
    .where('a.carry_forward', '=', 1)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('applications as c')
            .select('c.id')
            .where('c.period_id', '=', periodId)
            .where((inner) =>
              inner.or([
                inner('c.carried_from_id', '=', inner.ref('a.id')),
                inner.and([inner('c.user_id', '=', inner.ref('a.user_id')), inner('c.role', '=', inner.ref('a.role'))]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('a.id', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.map(toRecord).filter((a) => {
    const key = `${a.userId}|${a.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
