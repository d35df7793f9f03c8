import type { Executor } from '../../db/executor.ts';
import { readInPages } from '../../db/read-in-pages.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';

/** One logged contact of a period's match, with the pair's names. */
export interface PeriodContactRow {
  id: number;
  matchId: number;
  mentorName: string;
  menteeName: string;
  /** YYYY-MM-DD in the program's time zone, as logged. */
  occurredOn: string;
  channel: string;
  activityTitle: string | null;
  /** The pair's private note ('' when none): staff read it, nobody else outside the pair. */
  note: string;
  loggedByName: string | null;
  createdAt: string;
}

/** The contacts of these matches, as the period's list orders them. */
function contactRowsOf(db: Executor, matchIds: readonly number[]) {
  return selectMatchWithPeople(db)
    .innerJoin('contacts as c', 'c.match_id', 'm.id')
    .leftJoin('activities as a', 'a.id', 'c.activity_id')
    .leftJoin('users as lu', 'lu.id', 'c.logged_by')
    .select([
      'c.id',
      'm.id as match_id',
      'mu.name as mentor_name',
      'eu.name as mentee_name',
      'c.occurred_on',
      'c.channel',
      'a.title as activity_title',
      'c.note',
      'lu.name as logged_by_name',
      'c.created_at',
    ])
    .where('m.id', 'in', matchIds)
    .orderBy('m.id')
    .orderBy('c.occurred_on')
    .orderBy('c.id')
    .execute();
}

/** Every contact logged by a period's pairs, by match then date. A read: no locking needed. */
export async function listPeriodContactRows(db: Executor, periodId: number): Promise<PeriodContactRow[]> {
  // The period's matches in order, then the contacts of a page of them at a time (read-in-pages.ts):
  // a period's contact logs are tens of thousands of rows.
  const matchIds = (await db.selectFrom('matches').select('id').where('period_id', '=', periodId).orderBy('id').execute()).map((r) => r.id);
  return readInPages(
    matchIds,
    async (page) =>
      (await contactRowsOf(db, page)).map((r) => ({
        id: r.id,
        matchId: r.match_id,
        mentorName: r.mentor_name,
        menteeName: r.mentee_name,
        occurredOn: r.occurred_on,
        channel: r.channel,
        activityTitle: r.activity_title,
        note: r.note,
        loggedByName: r.logged_by_name,
        createdAt: r.created_at,
      })),
    500,
  );
}
