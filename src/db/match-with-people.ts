import type { Executor } from './executor.ts';

/**
 * A match with its period and both people: `m` (matches), `p` (periods), `mu` (the mentor's user
 * row) and `eu` (the mentee's). The start of every query that shows a match by its people; each
 * store selects the columns it needs and joins what else it reads (a query about jobs or goal
 * sheets of matches starts here and joins its table).
 *
 * Inner joins on non-null foreign keys: they never drop a match, so a query that reads no
 * column of `p` (or of the people) still returns the same rows with them joined.
 */
export function selectMatchWithPeople(db: Executor) {
  return db
    .selectFrom('matches as m')
    .innerJoin('periods as p', 'p.id', 'm.period_id')
    .innerJoin('users as mu', 'mu.id', 'm.mentor_user_id')
    .innerJoin('users as eu', 'eu.id', 'm.mentee_user_id');
}
