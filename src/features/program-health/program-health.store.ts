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
  status: MatchStatus;
  matchedAt: string;
  mentee: { userId: number; name: string; email: string };
  mentor: { userId: number; name: string; email: string };
  sheetStatus: WorkspaceSheetState;
  firstSubmittedAt: string | null;
  lastContactOn: string | null;
  contactsSinceMatch: number;
}

const sheetState = (status: string | null): WorkspaceSheetState =>
  status === null ? 'not_started' : storedValue('goal_sheets', 'status', GOAL_SHEET_STATUSES, status);

/**
 * Every match of a period with both people, its goal sheet and its last contact — one query
 * however many matches there are (the health page must stay fast for thousands).
 */
export async function listPeriodMatchFacts(db: Executor, periodId: number): Promise<PeriodMatchFacts[]> {
  const rows = await selectMatchWithPeople(db)
    .leftJoin('goal_sheets as g', 'g.match_id', 'm.id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('contacts')
          .select((c) => ['match_id', c.fn.max('occurred_on').as('last_on'), c.fn.countAll<number | string>().as('n')])
          .where('match_id', 'in', eb.selectFrom('matches').select('id').where('period_id', '=', periodId))
          .groupBy('match_id')
          .as('c'),
      (join) => join.onRef('c.match_id', '=', 'm.id'),
    )
    .select([
      'm.id',
      'm.status',
      'm.matched_at',
      'eu.id as mentee_id',
      'eu.name as mentee_name',
      'eu.email as mentee_email',
      'mu.id as mentor_id',
      'mu.name as mentor_name',
      'mu.email as mentor_email',
      'g.status as sheet_status',
      'g.first_submitted_at',
      'g.submitted_at',
      'c.last_on',
      'c.n as contacts',
    ])
    .where('m.period_id', '=', periodId)
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    matchId: r.id,
    status: storedValue('matches', 'status', MATCH_STATUSES, r.status),
    matchedAt: r.matched_at,
    mentee: { userId: r.mentee_id, name: r.mentee_name, email: r.mentee_email },
    mentor: { userId: r.mentor_id, name: r.mentor_name, email: r.mentor_email },
    sheetStatus: sheetState(r.sheet_status),
    // Sheets sent before first_submitted_at existed still count by their submission.
    firstSubmittedAt: r.first_submitted_at ?? r.submitted_at ?? null,
    lastContactOn: r.last_on ?? null,
    // Every contact the pair logged; one dated before the match is a slip worth counting anyway.
    contactsSinceMatch: Number(r.contacts ?? 0),
  }));
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
