import type { Executor } from '../../db/executor.ts';
import { pageByKeys } from '../../db/keyset-page.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { readInPages } from '../../db/read-in-pages.ts';
import { storedValue } from '../../db/stored-value.ts';
import { containsTextInAny } from '../../db/text-search.ts';
import type { LiaisonFilter } from '../../shared/api/liaisons.ts';
import type { CursorKey } from '../../shared/api/list-query.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';

export interface Person {
  userId: number;
  name: string;
  email: string;
}

export interface LiaisonMatchRow {
  matchId: number;
  periodId: number;
  periodName: string;
  status: MatchStatus;
  mentee: Person;
  mentor: Person;
  liaison: Person | null;
}

const person = (userId: number | null, name: string | null, email: string | null): Person | null =>
  userId === null || name === null || email === null ? null : { userId, name, email };

function matchesWithLiaison(db: Executor) {
  return selectMatchWithPeople(db)
    .leftJoin('users as lu', 'lu.id', 'm.liaison_user_id')
    .select([
      'm.id',
      'm.period_id',
      'p.name as period_name',
      'm.status',
      'eu.id as mentee_id',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
      'mu.id as mentor_id',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'lu.id as liaison_id',
      'lu.name as liaison_name',
      'lu.email as liaison_email',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof matchesWithLiaison>['execute']>>[number];

const toRow = (r: Row): LiaisonMatchRow => ({
  matchId: r.id,
  periodId: r.period_id,
  periodName: r.period_name,
  status: storedValue('matches', 'status', MATCH_STATUSES, r.status),
  mentee: { userId: r.mentee_id, name: r.mentee_name, email: r.mentee_email },
  mentor: { userId: r.mentor_id, name: r.mentor_name, email: r.mentor_email },
  liaison: person(r.liaison_id, r.liaison_name, r.liaison_email),
});

export async function findLiaisonMatch(db: Executor, matchId: number): Promise<LiaisonMatchRow | undefined> {
  const r = await matchesWithLiaison(db).where('m.id', '=', matchId).executeTakeFirst();
  return r && toRow(r);
}

/** A period's active matches with their liaisons, oldest match first, read a page at a time (read-in-pages.ts). */
export async function listActiveMatchesOfPeriod(db: Executor, periodId: number): Promise<LiaisonMatchRow[]> {
  const keys = await db
    .selectFrom('matches')
    .select('id')
    .where('period_id', '=', periodId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  return readInPages(
    keys.map((k) => k.id),
    async (page) => (await matchesWithLiaison(db).where('m.id', 'in', page).orderBy('m.id').execute()).map(toRow),
  );
}

export interface ActiveMatchFilter {
  periodId: number;
  /** Part of either person's name or e-mail address. */
  q?: string | undefined;
  liaison?: LiaisonFilter | undefined;
  liaisonUserId?: number | undefined;
}

/**
 * The period's active matches the search and filters keep, with both people joined (`mu`, `eu`).
 * Left joins on ids that are never null: the same rows, and a count or page that searches no
 * name lets the database drop the joins (as period-matches.store's filteredMatches does).
 */
function filteredActiveMatches(db: Executor, f: ActiveMatchFilter) {
  let query = db
    .selectFrom('matches as m')
    .leftJoin('users as mu', 'mu.id', 'm.mentor_user_id')
    .leftJoin('users as eu', 'eu.id', 'm.mentee_user_id')
    .where('m.period_id', '=', f.periodId)
    .where('m.status', '=', 'active');
  if (f.q) query = query.where(containsTextInAny(['mu.name', 'eu.name', 'mu.email', 'eu.email'], f.q));
  if (f.liaison === 'none') query = query.where('m.liaison_user_id', 'is', null);
  if (f.liaison === 'assigned') query = query.where('m.liaison_user_id', 'is not', null);
  if (f.liaisonUserId !== undefined) query = query.where('m.liaison_user_id', '=', f.liaisonUserId);
  return query;
}

/**
 * One page of a period's active matches, oldest first (the match id breaks ties), after the
 * cursor's match; one row more tells if another page follows. That order walks the index on
 * (period_id, matched_at, id) and stops after a page, where an order by name would sort every
 * pair of the period first; a search finds a name. The keys come first, then the page's rows:
 * the wide join runs for one page only.
 */
export async function searchActiveMatchesOfPeriod(
  db: Executor,
  q: ActiveMatchFilter & { after?: CursorKey | undefined; limit: number },
): Promise<{ matches: LiaisonMatchRow[]; nextCursor: string | null }> {
  let page = filteredActiveMatches(db, q).select(['m.id', 'm.matched_at as sort_value']).orderBy('m.matched_at').orderBy('m.id');
  const after = q.after;
  if (after) {
    page = page.where((eb) =>
      eb.or([eb('m.matched_at', '>', after[0]), eb.and([eb('m.matched_at', '=', after[0]), eb('m.id', '>', after[1])])]),
    );
  }
  const { rows, nextCursor } = await pageByKeys(
    await page.limit(q.limit + 1).execute(),
    q.limit,
    (last) => [last.sort_value, last.id],
    async (ids) => (await matchesWithLiaison(db).where('m.id', 'in', ids).execute()).map(toRow),
    (row) => row.matchId,
  );
  return { matches: rows, nextCursor };
}

/** How many active matches the search and filters keep. */
export async function countActiveMatchesOfPeriod(db: Executor, f: ActiveMatchFilter): Promise<number> {
  const row = await filteredActiveMatches(db, f)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * How many of a period's active matches each liaison looks after; `null` counts the pairs nobody
 * does. Counted by the database, so a period of 20,000 pairs is one small answer.
 */
export async function countActiveMatchesByLiaison(db: Executor, periodId: number): Promise<Map<number | null, number>> {
  const rows = await db
    .selectFrom('matches')
    .select(['liaison_user_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('period_id', '=', periodId)
    .where('status', '=', 'active')
    .groupBy('liaison_user_id')
    .execute();
  return new Map(rows.map((r) => [r.liaison_user_id, Number(r.n)]));
}

/**
 * Sets a match's liaison, only while it is still what the caller read (`from`): of two staff
 * changing the same match at once, the second changes nothing (false) and can say so.
 */
export async function setMatchLiaison(db: Executor, matchId: number, from: number | null, to: number | null): Promise<boolean> {
  const result = await db
    .updateTable('matches')
    .set({ liaison_user_id: to })
    .where('id', '=', matchId)
    .where((eb) => (from === null ? eb('liaison_user_id', 'is', null) : eb('liaison_user_id', '=', from)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Everyone with the committee role who can sign in (not disabled), by name. */
export async function listCommitteeMembers(db: Executor): Promise<Person[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email'])
    .where('r.role', '=', 'committee')
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email }));
}

/** These users, if each is an enabled committee member; the ones that are not are left out. */
export async function findCommitteeMembers(db: Executor, userIds: readonly number[]): Promise<Map<number, Person>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email'])
    .where('r.role', '=', 'committee')
    .where('u.disabled_at', 'is', null)
    .where('u.id', 'in', [...userIds])
    .execute();
  return new Map(rows.map((r) => [r.id, { userId: r.id, name: r.name, email: r.email }]));
}

/** Everyone who looks after at least one active match in an active period: whom the weekly e-mail is for. */
export async function listActiveLiaisonIds(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('matches as m')
    .innerJoin('periods as p', 'p.id', 'm.period_id')
    .select('m.liaison_user_id')
    .distinct()
    .where('m.status', '=', 'active')
    .where('p.status', '=', 'active')
    .where('m.liaison_user_id', 'is not', null)
    .orderBy('m.liaison_user_id')
    .execute();
  return rows.flatMap((r) => (r.liaison_user_id === null ? [] : [r.liaison_user_id]));
}
