import { expressionBuilder } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Executor } from '../../db/executor.ts';
import { selectMatchWithPeople } from '../../db/match-with-people.ts';
import { storedValue } from '../../db/stored-value.ts';
import { GOAL_SHEET_STATUSES } from '../../shared/api/goal-sheets.ts';
import type { WorkspaceSheetState } from '../../shared/api/workspace.ts';
import { MATCH_STATUSES } from '../../shared/match-status.ts';
import type { MatchStatus } from '../../shared/match-status.ts';
import type { ContactDay } from './program-health.rules.ts';

export interface PeriodMatchFacts {
  matchId: number;
  periodId: number;
  periodName: string;
  programEndsOn: string;
  status: MatchStatus;
  matchedAt: string;
  mentee: { userId: number; name: string; email: string };
  mentor: { userId: number; name: string; email: string };
  liaison: { userId: number; name: string; email: string } | null;
  sheetStatus: WorkspaceSheetState;
  firstSubmittedAt: string | null;
  lastContactOn: string | null;
  /** Contacts logged since the match was made. */
  contactsSinceMatch: number;
  /** When staff last sent the pair a check-in. */
  lastCheckInSentAt: string | null;
}

/** Which matches: all of a period, or the active ones a liaison looks after in the active periods. */
export type MatchScope = { periodId: number } | { liaisonUserId: number };

const sheetState = (status: string | null): WorkspaceSheetState =>
  status === null ? 'not_started' : storedValue('goal_sheets', 'status', GOAL_SHEET_STATUSES, status);

/**
 * The ids of the matches in scope, as a subquery (so the per-match aggregates stay one query
 * each). Built on a detached expression builder: it is only ever part of the statement that uses it.
 */
function scopedMatchIds(scope: MatchScope) {
  const eb = expressionBuilder<Database, never>();
  if ('periodId' in scope) return eb.selectFrom('matches').select('id').where('period_id', '=', scope.periodId);
  return eb
    .selectFrom('matches as sm')
    .innerJoin('periods as sp', 'sp.id', 'sm.period_id')
    .select('sm.id')
    .where('sm.liaison_user_id', '=', scope.liaisonUserId)
    .where('sm.status', '=', 'active')
    .where('sp.status', '=', 'active');
}

/**
 * Every match in scope with both people, its liaison, its goal sheet, its last contact and its
 * last check-in — one query however many matches there are (the health page must stay fast for
 * thousands).
 */
export async function listMatchFacts(db: Executor, scope: MatchScope): Promise<PeriodMatchFacts[]> {
  let q = selectMatchWithPeople(db)
    .leftJoin('users as lu', 'lu.id', 'm.liaison_user_id')
    .leftJoin('goal_sheets as g', 'g.match_id', 'm.id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('contacts')
          .select((c) => ['match_id', c.fn.max('occurred_on').as('last_on'), c.fn.countAll<number | string>().as('n')])
          .where('match_id', 'in', scopedMatchIds(scope))
          .groupBy('match_id')
          .as('c'),
      (join) => join.onRef('c.match_id', '=', 'm.id'),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('check_ins')
          .select((c) => ['match_id', c.fn.max('sent_at').as('last_sent_at')])
          .where('match_id', 'in', scopedMatchIds(scope))
          .groupBy('match_id')
          .as('ci'),
      (join) => join.onRef('ci.match_id', '=', 'm.id'),
    )
    .select([
      'm.id',
      'm.period_id',
      'p.name as period_name',
      'p.program_ends_on',
      'm.status',
      'm.matched_at',
      'eu.id as mentee_id',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
      'mu.id as mentor_id',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'lu.id as liaison_id',
      'lu.name as liaison_name',
      'lu.email as liaison_email',
      'g.status as sheet_status',
      'g.first_submitted_at',
      'g.submitted_at',
      'c.last_on',
      'c.n as contacts',
      'ci.last_sent_at',
    ]);
  q =
    'periodId' in scope
      ? q.where('m.period_id', '=', scope.periodId)
      : q.where('m.liaison_user_id', '=', scope.liaisonUserId).where('m.status', '=', 'active').where('p.status', '=', 'active');
  const rows = await q.orderBy('m.id').execute();
  return rows.map((r) => ({
    matchId: r.id,
    periodId: r.period_id,
    periodName: r.period_name,
    programEndsOn: r.program_ends_on,
    status: storedValue('matches', 'status', MATCH_STATUSES, r.status),
    matchedAt: r.matched_at,
    mentee: { userId: r.mentee_id, name: r.mentee_name, email: r.mentee_email },
    mentor: { userId: r.mentor_id, name: r.mentor_name, email: r.mentor_email },
    liaison:
      r.liaison_id === null || r.liaison_name === null || r.liaison_email === null
        ? null
        : { userId: r.liaison_id, name: r.liaison_name, email: r.liaison_email },
    sheetStatus: sheetState(r.sheet_status),
    // Sheets sent before first_submitted_at existed still count by their submission.
    firstSubmittedAt: r.first_submitted_at ?? r.submitted_at ?? null,
    lastContactOn: r.last_on ?? null,
    // Every contact the pair logged; one dated before the match is a slip worth counting anyway.
    contactsSinceMatch: Number(r.contacts ?? 0),
    lastCheckInSentAt: r.last_sent_at ?? null,
  }));
}

/** How many matches a period has, of any status: what decides where its health is worked out. */
export async function countMatchesOfPeriod(db: Executor, periodId: number): Promise<number> {
  const row = await db
    .selectFrom('matches')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('period_id', '=', periodId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface PersonRequest {
  matchId: number;
  userId: number;
  at: string;
}

/**
 * Open re-match requests of the matches in scope (who asked, and when): one query whatever the
 * number of matches. Reads the re-match feature's table the way this view reads goal sheets and
 * contacts; "open" is the one status that means a request is waiting (src/shared/match-management.ts).
 */
export async function listOpenRematchRequests(db: Executor, scope: MatchScope): Promise<PersonRequest[]> {
  const rows = await db
    .selectFrom('rematch_requests')
    .select(['match_id', 'requested_by', 'created_at'])
    .where('match_id', 'in', scopedMatchIds(scope))
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ matchId: r.match_id, userId: r.requested_by, at: r.created_at }));
}

export interface TalkRequest {
  matchId: number;
  userId: number;
  answeredAt: string;
}

/** "I'd like to talk" answers not yet marked handled, of the matches in scope: one query. */
export async function listOpenTalkRequests(db: Executor, scope: MatchScope): Promise<TalkRequest[]> {
  const rows = await db
    .selectFrom('check_ins')
    .select(['match_id', 'user_id', 'answered_at'])
    .where('match_id', 'in', scopedMatchIds(scope))
    .where('answer', '=', 'talk')
    .where('handled_at', 'is', null)
    .orderBy('answered_at')
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => (r.answered_at === null ? [] : [{ matchId: r.match_id, userId: r.user_id, answeredAt: r.answered_at }]));
}

/** Contacts of the period's matches between two dates, counted per match and day. */
export async function listContactDays(db: Executor, periodId: number, from: string, to: string): Promise<ContactDay[]> {
  const rows = await db
    .selectFrom('contacts as c')
    .innerJoin('matches as m', 'm.id', 'c.match_id')
    .select((eb) => ['c.match_id', 'c.occurred_on', eb.fn.countAll<number | string>().as('n')])
    .where('m.period_id', '=', periodId)
    .where('c.occurred_on', '>=', from)
    .where('c.occurred_on', '<=', to)
    .groupBy(['c.match_id', 'c.occurred_on'])
    .execute();
  return rows.map((r) => ({ matchId: r.match_id, occurredOn: r.occurred_on, contacts: Number(r.n) }));
}
