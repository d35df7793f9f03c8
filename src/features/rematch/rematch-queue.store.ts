import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { GOAL_SHEET_STATUSES } from '../../shared/api/goal-sheets.ts';
import type { GoalSheetStatus } from '../../shared/api/goal-sheets.ts';

export interface PairFacts {
  contactsLogged: number;
  lastContactOn: string | null;
  goalSheetStatus: GoalSheetStatus | 'none';
}

/** How each of these matches has been doing: contacts logged, the last one, the goal sheet's state. */
export async function listPairFacts(db: Executor, matchIds: readonly number[]): Promise<Map<number, PairFacts>> {
  const out = new Map<number, PairFacts>();
  for (let i = 0; i < matchIds.length; i += 500) {
    const chunk = matchIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('matches as m')
      .leftJoin('goal_sheets as g', 'g.match_id', 'm.id')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('contacts')
            .select((c) => ['match_id', c.fn.max('occurred_on').as('last_on'), c.fn.countAll<number | string>().as('n')])
            .where('match_id', 'in', chunk)
            .groupBy('match_id')
            .as('c'),
        (join) => join.onRef('c.match_id', '=', 'm.id'),
      )
      .select(['m.id', 'g.status as sheet_status', 'c.last_on', 'c.n'])
      .where('m.id', 'in', chunk)
      .execute();
    for (const r of rows) {
      out.set(r.id, {
        contactsLogged: Number(r.n ?? 0),
        lastContactOn: r.last_on ?? null,
        goalSheetStatus: r.sheet_status === null ? 'none' : storedValue('goal_sheets', 'status', GOAL_SHEET_STATUSES, r.sheet_status),
      });
    }
  }
  return out;
}

/** Names of people by id (requesters and staff who resolved requests). */
export async function namesOf(db: Executor, userIds: readonly number[]): Promise<Map<number, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(userIds)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
