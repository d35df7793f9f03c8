import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import { pageByKeys } from '../../db/keyset-page.ts';
import { readInPages } from '../../db/read-in-pages.ts';
import { unlessChanged } from '../../db/unchanged-cache.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue } from '../../db/stored-value.ts';
import { containsTextInAny } from '../../db/text-search.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';
import type { PeriodMatchLiaisonFilter, PeriodMatchSort } from '../../shared/api/period-matches.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';

/** A match of a period as a list for staff shows it: the pair, how it stands, who looks after it. */
export interface PeriodMatchRow {
  id: number;
  status: MatchStatus;
  matchedAt: string;
  endedAt: string | null;
  endReason: string | null;
  score: number;
  explanation: string;
  mentor: { id: number; name: string; email: string };
  mentee: { id: number; name: string; email: string };
  liaisonName: string | null;
}

function periodMatchColumns(db: Executor) {
  return selectMatchWithPeople(db)
    .leftJoin('users as lu', 'lu.id', 'm.liaison_user_id')
    .select([
      'm.id',
      'm.status',
      'm.matched_at',
      'm.ended_at',
      'm.end_reason',
      'm.score',
      'm.explanation',
      'mu.id as mentor_id',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'eu.id as mentee_id',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
      'lu.name as liaison_name',
    ]);
}

type PeriodMatchDbRow = Awaited<ReturnType<ReturnType<typeof periodMatchColumns>['executeTakeFirstOrThrow']>>;

const toRow = (r: PeriodMatchDbRow): PeriodMatchRow => ({
  id: r.id,
  status: storedValue('matches', 'status', MATCH_STATUSES, r.status),
  matchedAt: r.matched_at,
  endedAt: r.ended_at,
  endReason: r.end_reason,
  score: Number(r.score),
  explanation: r.explanation,
  mentor: { id: r.mentor_id, name: r.mentor_name, email: r.mentor_email },
  mentee: { id: r.mentee_id, name: r.mentee_name, email: r.mentee_email },
  liaisonName: r.liaison_name,
});

/** Every match of a period, ended ones too, oldest first. A read: no locking needed. */
export async function listPeriodMatchRows(db: Executor, periodId: number): Promise<PeriodMatchRow[]> {
  // In order from an index, then a page of matches at a time (read-in-pages.ts).
  const keys = await db.selectFrom('matches').select('id').where('period_id', '=', periodId).orderBy('matched_at').orderBy('id').execute();
  return readInPages(
    keys.map((k) => k.id),
    async (page) => (await periodMatchColumns(db).where('m.id', 'in', page).orderBy('m.matched_at').orderBy('m.id').execute()).map(toRow),
  );
}

export interface PeriodMatchFilter {
  periodId: number;
  /** Part of either person's name or e-mail address. */
  q?: string | undefined;
  status?: MatchStatus | undefined;
  mentorId?: number | undefined;
  liaison?: PeriodMatchLiaisonFilter | undefined;
}

/**
 * The period's matches the search and filters keep (the status filter apart: the counts come
 * before it). The people are left joins on their unique, never-null ids: the same rows as inner
 * joins, and a query that neither searches nor sorts by a name lets the database drop them.
 */
function filteredMatches(db: Executor, f: PeriodMatchFilter) {
  let query = db
    .selectFrom('matches as m')
    .leftJoin('users as mu', 'mu.id', 'm.mentor_user_id')
    .leftJoin('users as eu', 'eu.id', 'm.mentee_user_id')
    .where('m.period_id', '=', f.periodId);
  const q = f.q;
  if (q) {
    query = query.where(containsTextInAny(['mu.name', 'eu.name', 'mu.email', 'eu.email'], q));
  }
  if (f.mentorId !== undefined) query = query.where('m.mentor_user_id', '=', f.mentorId);
  if (f.liaison === 'none') query = query.where('m.liaison_user_id', 'is', null);
  if (f.liaison === 'assigned') query = query.where('m.liaison_user_id', 'is not', null);
  return query;
}

/** Each order as one text value and a direction; the match id breaks ties the same way. */
const ORDER = {
  newest: { value: sql<string>`m.matched_at`, direction: 'desc' },
  oldest: { value: sql<string>`m.matched_at`, direction: 'asc' },
  mentee: { value: sql<string>`eu.name`, direction: 'asc' },
  mentor: { value: sql<string>`mu.name`, direction: 'asc' },
} as const satisfies Record<PeriodMatchSort, { value: unknown; direction: 'asc' | 'desc' }>;

/**
 * One page of a period's matches in the order asked for, after the cursor's match; one row more
 * tells if another page follows. How many match is countPeriodMatches' to say.
 */
export async function searchPeriodMatches(
  db: Executor,
  q: PeriodMatchFilter & { sort: PeriodMatchSort; after?: CursorKey | undefined; limit: number },
): Promise<{ matches: PeriodMatchRow[]; nextCursor: string | null }> {
  const { value, direction } = ORDER[q.sort];
  let filtered = filteredMatches(db, q);
  if (q.status) filtered = filtered.where('m.status', '=', q.status);
  const ids = filtered.select(['m.id', value.as('sort_value')]);
  let page = ids.orderBy(value, direction).orderBy('m.id', direction);
  const after = q.after;
  if (after) {
    const beyond = direction === 'asc' ? '>' : '<';
    page = page.where((eb) => eb.or([eb(value, beyond, after[0]), eb.and([eb(value, '=', after[0]), eb('m.id', beyond, after[1])])]));
  }
  const { rows, nextCursor } = await pageByKeys(
    await page.limit(q.limit + 1).execute(),
    q.limit,
    (last) => [last.sort_value, last.id],
    async (ids) => (await periodMatchColumns(db).where('m.id', 'in', ids).execute()).map(toRow),
    (row) => row.id,
  );
  return { matches: rows, nextCursor };
}

/** How many of the period's matches are active and ended, under the same search and filters. */
export async function countPeriodMatches(db: Executor, f: PeriodMatchFilter): Promise<Record<MatchStatus, number>> {
  const rows = await unlessChanged(
    db,
    filteredMatches(db, f)
      .select(['m.status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('m.status'),
  );
  const counts: Record<MatchStatus, number> = { active: 0, ended: 0 };
  for (const r of rows) counts[storedValue('matches', 'status', MATCH_STATUSES, r.status)] += Number(r.n);
  return counts;
}
