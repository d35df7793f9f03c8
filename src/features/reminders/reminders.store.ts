import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { pageOf } from '../../db/keyset-page.ts';
import { containsTextInAny } from '../../db/text-search.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue } from '../../db/stored-value.ts';
import { JOB_STATUSES } from '../jobs/job.types.ts';
import type { JobStatus } from '../jobs/job.types.ts';
import type { ReminderPerson } from './reminder-mails.ts';
import { REMINDER_JOB_KINDS } from './reminder-kinds.ts';
import type { ReminderFacts } from './reminder.rules.ts';

/**
 * The SQL of reminders: the facts the rules judge a match on (one query for every match, so
 * planning thousands of matches is one round trip, not thousands), and reminder jobs with the
 * names staff need to read them.
 */

type FactsRow = {
  id: number;
  matched_at: string;
  status: string;
  period_status: string;
  program_ends_on: string;
  sheet_status: string | null;
  first_submitted_at: string | null;
  last_contact_on: string | null;
};

const toFacts = (r: FactsRow): ReminderFacts => ({
  matchId: r.id,
  matchedAt: r.matched_at,
  matchStatus: r.status,
  periodStatus: r.period_status,
  programEndsOn: r.program_ends_on,
  sheet: r.sheet_status === null ? null : { status: r.sheet_status, firstSubmittedAt: r.first_submitted_at },
  lastContactOn: r.last_contact_on,
});

function factsQuery(db: Executor) {
  return selectMatchWithPeople(db)
    .leftJoin('goal_sheets as gs', 'gs.match_id', 'm.id')
    .select([
      'm.id',
      'm.matched_at',
      'm.status',
      'p.status as period_status',
      'p.program_ends_on',
      'gs.status as sheet_status',
      'gs.first_submitted_at',
    ])
    .select((eb) =>
      eb
        .selectFrom('contacts as c')
        .select((e) => e.fn.max('c.occurred_on').as('last'))
        .whereRef('c.match_id', '=', 'm.id')
        .as('last_contact_on'),
    );
}

/**
 * What the planner looks at: every active match of an active period (they may need new
 * reminders), and every match that still has a reminder waiting (it may no longer apply).
 */
export async function listPlanningFacts(db: Executor): Promise<ReminderFacts[]> {
  const rows = await factsQuery(db)
    .where((eb) =>
      eb.or([
        eb.and([eb('m.status', '=', 'active'), eb('p.status', '=', 'active')]),
        eb(
          'm.id',
          'in',
          eb
            .selectFrom('jobs')
            .select('jobs.match_id')
            .where('jobs.status', '=', 'scheduled')
            .where('jobs.kind', 'in', [...REMINDER_JOB_KINDS])
            .where('jobs.match_id', 'is not', null),
        ),
      ]),
    )
    .orderBy('m.id')
    .execute();
  return rows.map(toFacts);
}

export interface ReminderMatchRecord {
  facts: ReminderFacts;
  periodName: string;
  mentor: ReminderPerson;
  mentee: ReminderPerson;
}

/** One match as a reminder handler needs it: facts, and who to write to. */
export async function findReminderMatch(db: Executor, matchId: number): Promise<ReminderMatchRecord | undefined> {
  const row = await factsQuery(db)
    .select([
      'p.name as period_name',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'mu.disabled_at as mentor_disabled_at',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
      'eu.disabled_at as mentee_disabled_at',
    ])
    .where('m.id', '=', matchId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    facts: toFacts(row),
    periodName: row.period_name,
    mentor: { name: row.mentor_name, email: row.mentor_email, disabled: row.mentor_disabled_at !== null },
    mentee: { name: row.mentee_name, email: row.mentee_email, disabled: row.mentee_disabled_at !== null },
  };
}

export interface ScheduledReminderJob {
  id: number;
  kind: string;
  dedupeKey: string;
  matchId: number;
  runAt: string;
  attempts: number;
}

/** Reminder jobs still waiting to go out. */
export async function listScheduledReminderJobs(db: Executor): Promise<ScheduledReminderJob[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['id', 'kind', 'dedupe_key', 'match_id', 'run_at', 'attempts'])
    .where('status', '=', 'scheduled')
    .where('kind', 'in', [...REMINDER_JOB_KINDS])
    .orderBy('id')
    .execute();
  return rows.flatMap((r) =>
    r.match_id === null
      ? []
      : [{ id: r.id, kind: r.kind, dedupeKey: r.dedupe_key, matchId: r.match_id, runAt: r.run_at, attempts: r.attempts }],
  );
}

export interface ReminderRecord {
  id: number;
  jobKind: string;
  dedupeKey: string;
  status: JobStatus;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  outboxId: number | null;
  finishedAt: string | null;
  matchId: number;
  periodName: string;
  mentor: { id: number; name: string };
  mentee: { id: number; name: string };
  cancelledBy: { id: number; name: string } | null;
}

/** A reminder is a job of a match: the match with its people, then the job (inner joins, the same rows either way round). */
function remindersQuery(db: Executor) {
  return selectMatchWithPeople(db)
    .innerJoin('jobs as j', 'j.match_id', 'm.id')
    .leftJoin('users as cu', 'cu.id', 'j.cancelled_by')
    .select([
      'j.id',
      'j.kind',
      'j.dedupe_key',
      'j.status',
      'j.run_at',
      'j.attempts',
      'j.max_attempts',
      'j.last_error',
      'j.outbox_id',
      'j.finished_at',
      'm.id as match_id',
      'p.name as period_name',
      'mu.id as mentor_id',
      'mu.name as mentor_name',
      'eu.id as mentee_id',
      'eu.name as mentee_name',
      'cu.id as cancelled_by_id',
      'cu.name as cancelled_by_name',
    ])
    .where('j.kind', 'in', [...REMINDER_JOB_KINDS]);
}

type ReminderRow = Awaited<ReturnType<ReturnType<typeof remindersQuery>['executeTakeFirstOrThrow']>>;

const toReminder = (r: ReminderRow): ReminderRecord => ({
  id: r.id,
  jobKind: r.kind,
  dedupeKey: r.dedupe_key,
  status: storedValue('jobs', 'status', JOB_STATUSES, r.status),
  runAt: r.run_at,
  attempts: r.attempts,
  maxAttempts: r.max_attempts,
  lastError: r.last_error,
  outboxId: r.outbox_id,
  finishedAt: r.finished_at,
  matchId: r.match_id,
  periodName: r.period_name,
  mentor: { id: r.mentor_id, name: r.mentor_name },
  mentee: { id: r.mentee_id, name: r.mentee_name },
  cancelledBy: r.cancelled_by_id === null || r.cancelled_by_name === null ? null : { id: r.cancelled_by_id, name: r.cancelled_by_name },
});

export interface ReminderFilterQuery {
  /** Job kinds ("reminder.quiet"); all reminder kinds when not given. */
  jobKinds?: readonly string[] | undefined;
  /** Part of the mentor's or the mentee's name. */
  q?: string | undefined;
}

function filteredReminders(db: Executor, f: ReminderFilterQuery) {
  let query = remindersQuery(db);
  if (f.jobKinds) query = query.where('j.kind', 'in', [...f.jobKinds]);
  const q = f.q;
  if (q) query = query.where(containsTextInAny(['mu.name', 'eu.name'], q));
  return query;
}

export type ReminderOrder = 'soonest' | 'latest' | 'finished';

/** Each order as one value and a direction; the job id breaks ties the same way. */
const ORDER: Record<ReminderOrder, { value: RawBuilder<string>; direction: 'asc' | 'desc' }> = {
  soonest: { value: sql<string>`j.run_at`, direction: 'asc' },
  latest: { value: sql<string>`j.run_at`, direction: 'desc' },
  finished: { value: sql<string>`coalesce(j.finished_at, j.run_at)`, direction: 'desc' },
};

/**
 * One page of reminders in the given job statuses, in the order asked for, after the cursor's
 * reminder; one row more tells if another page follows. A read: no locking needed.
 */
export async function searchReminders(
  db: Executor,
  q: ReminderFilterQuery & { statuses: readonly JobStatus[]; order: ReminderOrder; after?: CursorKey | undefined; limit: number },
): Promise<{ reminders: ReminderRecord[]; nextCursor: string | null }> {
  const { value, direction } = ORDER[q.order];
  const filtered = filteredReminders(db, q).where('j.status', 'in', [...q.statuses]);
  let page = filtered.select(value.as('sort_value')).orderBy(value, direction).orderBy('j.id', direction);
  const after = q.after;
  if (after) {
    const beyond = direction === 'asc' ? '>' : '<';
    page = page.where((eb) => eb.or([eb(value, beyond, after[0]), eb.and([eb(value, '=', after[0]), eb('j.id', beyond, after[1])])]));
  }
  const { page: shown, nextCursor } = pageOf(await page.limit(q.limit + 1).execute(), q.limit, (last) => [last.sort_value, last.id]);
  return { reminders: shown.map(toReminder), nextCursor };
}

/** How many reminders there are in each job status, under the same search and kinds. */
export async function countRemindersByStatus(db: Executor, f: ReminderFilterQuery): Promise<Map<JobStatus, number>> {
  const rows = await filteredReminders(db, f)
    .clearSelect()
    .select(['j.status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('j.status')
    .execute();
  return new Map(rows.map((r) => [storedValue('jobs', 'status', JOB_STATUSES, r.status), Number(r.n)]));
}

export async function findReminder(db: Executor, id: number): Promise<ReminderRecord | undefined> {
  const row = await remindersQuery(db).where('j.id', '=', id).executeTakeFirst();
  return row && toReminder(row);
}
