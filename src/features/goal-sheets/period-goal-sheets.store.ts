import { sql } from 'kysely';
import type { SqlBool } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { pageByKeys } from '../../db/keyset-page.ts';
import { unlessChanged } from '../../db/unchanged-cache.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue } from '../../db/stored-value.ts';
import { containsTextInAny } from '../../db/text-search.ts';
import { GOAL_SHEET_STATUSES, goalSheetContentSchema } from '../../shared/api/goal-sheets.ts';
import type { GoalSheetFilter, GoalSheetSort, GoalSheetStatus } from '../../shared/api/goal-sheets.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';

/** One row of the staff list: a match of the period and where its sheet stands (none saved yet: null). */
export interface SheetListRecord {
  matchId: number;
  matchStatus: MatchStatus;
  matchedAt: string;
  mentor: { id: number; name: string };
  mentee: { id: number; name: string };
  sheet: {
    status: GoalSheetStatus;
    goals: number;
    submittedAt: string | null;
    firstSubmittedAt: string | null;
    reviewedAt: string | null;
  } | null;
}

export interface SheetListFilter {
  periodId: number;
  /** Part of the mentor's or the mentee's name. */
  q?: string | undefined;
  status?: GoalSheetFilter | undefined;
  /** Matches made before this instant are past their due day (see overdueIfMatchedBefore). */
  overdueBefore: string;
}

export type SheetCounts = Record<GoalSheetStatus | 'overdue', number>;

/** What the staff list and the goal-sheet export read of each match and its sheet. */
const SHEET_ROW_COLUMNS = [
  'm.id',
  'm.status as match_status',
  'm.matched_at',
  'mu.id as mentor_id',
  'mu.name as mentor_name',
  'eu.id as mentee_id',
  'eu.name as mentee_name',
  'g.id as sheet_id',
  'g.status',
  'g.content',
  'g.submitted_at',
  'g.first_submitted_at',
  'g.reviewed_at',
] as const;

/** A period's matches, each with its sheet if one was saved, searched by either person's name. */
function sheetsOfPeriod(db: Executor, f: Pick<SheetListFilter, 'periodId' | 'q'>) {
  let query = selectMatchWithPeople(db).leftJoin('goal_sheets as g', 'g.match_id', 'm.id').where('m.period_id', '=', f.periodId);
  if (f.q) query = query.where(containsTextInAny(['mu.name', 'eu.name'], f.q));
  return query;
}

/** A period's matches with their sheets, as the list and the export read them (SHEET_ROW_COLUMNS). */
export function sheetRowsOfPeriod(db: Executor, f: Pick<SheetListFilter, 'periodId' | 'q'>) {
  return sheetsOfPeriod(db, f).select(SHEET_ROW_COLUMNS);
}
type SheetDbRow = Awaited<ReturnType<ReturnType<typeof sheetRowsOfPeriod>['execute']>>[number];

/**
 * One row of sheetRowsOfPeriod as a record: the pair, and the sheet if one was saved. What is
 * read of its content is the caller's: the list counts goals, the export keeps them too.
 */
export function sheetRecordOf<C extends { goals: number }>(r: SheetDbRow, readContent: (content: string | null) => C) {
  return {
    matchId: r.id,
    matchStatus: storedValue('matches', 'status', MATCH_STATUSES, r.match_status),
    matchedAt: r.matched_at,
    mentor: { id: r.mentor_id, name: r.mentor_name },
    mentee: { id: r.mentee_id, name: r.mentee_name },
    sheet:
      r.sheet_id === null || r.status === null
        ? null
        : {
            ...readContent(r.content),
            status: storedValue('goal_sheets', 'status', GOAL_SHEET_STATUSES, r.status),
            submittedAt: r.submitted_at,
            firstSubmittedAt: r.first_submitted_at,
            reviewedAt: r.reviewed_at,
          },
  };
}

/**
 * The same rows as sheetsOfPeriod for finding a page and counting: the people are left joins on
 * their (unique, never null) ids, so a query that reads no name and searches nothing lets both
 * databases drop those joins (PostgreSQL's join removal, SQLite's no-op join omission) and reads
 * only matches and goal sheets.
 */
function sheetKeysOfPeriod(db: Executor, f: Pick<SheetListFilter, 'periodId' | 'q'>) {
  let query = db
    .selectFrom('matches as m')
    .leftJoin('users as mu', 'mu.id', 'm.mentor_user_id')
    .leftJoin('users as eu', 'eu.id', 'm.mentee_user_id')
    .leftJoin('goal_sheets as g', 'g.match_id', 'm.id')
    .where('m.period_id', '=', f.periodId);
  if (f.q) query = query.where(containsTextInAny(['mu.name', 'eu.name'], f.q));
  return query;
}

/** A sheet nobody saved yet is a draft. */
const sheetStatus = sql<string>`coalesce(g.status, 'draft')`;

/** Never sent (a sheet returned after sending still was), the match still on, and its due day over. */
const isOverdue = (before: string) => sql<SqlBool>`(m.status = 'active' and g.first_submitted_at is null and m.matched_at < ${before})`;

function statusCondition(status: GoalSheetFilter, before: string) {
  return status === 'overdue' ? isOverdue(before) : sql<SqlBool>`${sheetStatus} = ${status}`;
}

/**
 * Each order as one text value, so a page can start after the last row's value and id. For
 * `attention`: a rank (0 overdue, 1 waiting for review, 2 the rest) and then what orders inside
 * the rank: when it was sent for the sheets waiting for review, the match instant (which orders
 * the due dates) for all. Instants are fixed-width ISO text, so the joined text sorts right.
 */
function sortValue(sort: GoalSheetSort, before: string) {
  switch (sort) {
    case 'mentee':
      return sql<string>`eu.name`;
    case 'due':
      return sql<string>`m.matched_at`;
    case 'attention':
      return sql<string>`(case
        when ${isOverdue(before)} then '0' || m.matched_at
        when ${sheetStatus} = 'submitted' then '1' || coalesce(g.submitted_at, '') || m.matched_at
        else '2' || m.matched_at end)`;
  }
}

/** One page of the period's sheets in the order asked for, the cursor of the next and how many match. */
export async function searchPeriodSheets(
  db: Executor,
  q: SheetListFilter & { sort: GoalSheetSort; after?: CursorKey | undefined; limit: number },
): Promise<{ rows: SheetListRecord[]; nextCursor: string | null }> {
  const key = sortValue(q.sort, q.overdueBefore);
  let filtered = sheetKeysOfPeriod(db, q);
  const status = q.status;
  if (status) filtered = filtered.where(statusCondition(status, q.overdueBefore));
  let page = filtered
    .select(['m.id', key.as('sort_value')])
    .orderBy(key)
    .orderBy('m.id');
  const after = q.after;
  if (after) {
    const [value, id] = after;
    page = page.where((eb) => eb.or([eb(key, '>', value), eb.and([eb(key, '=', value), eb('m.id', '>', id)])]));
  }
  // The page's keys first, then its rows with their people: the sort never waits on the names.
  // Working out the order sorts the whole period (0.13 s at 27,000 matches), so a page's keys are
  // kept until a table they read is written, as the counts are (unchanged-cache.ts).
  return pageByKeys(
    await unlessChanged(db, page.limit(q.limit + 1)),
    q.limit,
    (last) => [last.sort_value, last.id],
    async (ids) =>
      (await sheetRowsOfPeriod(db, { periodId: q.periodId }).where('m.id', 'in', ids).execute()).map((r) =>
        sheetRecordOf(r, (content) => ({ goals: goalCount(content) })),
      ),
    (row) => row.matchId,
  );
}

/** How many goals a stored sheet has (an unreadable one counts none rather than failing the list). */
function goalCount(content: string | null): number {
  if (content === null) return 0;
  try {
    const parsed = goalSheetContentSchema.safeParse(JSON.parse(content));
    return parsed.success ? parsed.data.goals.length : 0;
  } catch {
    return 0;
  }
}

/** The period's sheets counted by status and overdue (after the search, before the status filter). */
export async function countPeriodSheets(db: Executor, f: SheetListFilter): Promise<SheetCounts> {
  const rows = await unlessChanged(
    db,
    sheetKeysOfPeriod(db, f)
      .select([
        sheetStatus.as('status'),
        (eb) => eb.fn.countAll<number | string>().as('n'),
        sql<number | string>`sum(case when ${isOverdue(f.overdueBefore)} then 1 else 0 end)`.as('overdue'),
      ])
      .groupBy(sheetStatus),
  );
  const counts: SheetCounts = { draft: 0, submitted: 0, returned: 0, acknowledged: 0, overdue: 0 };
  for (const r of rows) {
    counts[storedValue('goal_sheets', 'status', GOAL_SHEET_STATUSES, r.status)] += Number(r.n);
    counts.overdue += Number(r.overdue ?? 0);
  }
  return counts;
}
