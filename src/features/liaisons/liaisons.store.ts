import type { Executor } from '../../db/executor.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue } from '../../db/stored-value.ts';
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

/** A period's active matches with their liaisons, oldest match first. */
export async function listActiveMatchesOfPeriod(db: Executor, periodId: number): Promise<LiaisonMatchRow[]> {
  const rows = await matchesWithLiaison(db).where('m.period_id', '=', periodId).where('m.status', '=', 'active').orderBy('m.id').execute();
  return rows.map(toRow);
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
