import type { Executor } from '../../db/executor.ts';
import { storedValue } from '../../db/stored-value.ts';
import { PAIR_RULE_KINDS } from '../../shared/api/matching.ts';
import type { PairRuleKind } from '../../shared/api/matching.ts';

export interface PairRuleRecord {
  id: number;
  periodId: number;
  kind: PairRuleKind;
  menteeApplicationId: number;
  menteeName: string;
  mentorApplicationId: number;
  mentorName: string;
  createdAt: string;
}

function selectNamed(db: Executor) {
  return db
    .selectFrom('pair_rules as r')
    .innerJoin('applications as ea', 'ea.id', 'r.mentee_application_id')
    .innerJoin('users as eu', 'eu.id', 'ea.user_id')
    .innerJoin('applications as oa', 'oa.id', 'r.mentor_application_id')
    .innerJoin('users as ou', 'ou.id', 'oa.user_id')
    .select([
      'r.id',
      'r.period_id',
      'r.kind',
      'r.mentee_application_id',
      'eu.name as mentee_name',
      'r.mentor_application_id',
      'ou.name as mentor_name',
      'r.created_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectNamed>['executeTakeFirstOrThrow']>>;

const toRecord = (r: Row): PairRuleRecord => ({
  id: r.id,
  periodId: r.period_id,
  kind: storedValue('pair_rules', 'kind', PAIR_RULE_KINDS, r.kind),
  menteeApplicationId: r.mentee_application_id,
  menteeName: r.mentee_name,
  mentorApplicationId: r.mentor_application_id,
  mentorName: r.mentor_name,
  createdAt: r.created_at,
});

/** Oldest first: the order locks are honoured in when they collide. */
export async function listPairRules(db: Executor, periodId: number): Promise<PairRuleRecord[]> {
  const rows = await selectNamed(db).where('r.period_id', '=', periodId).orderBy('r.id').execute();
  return rows.map(toRecord);
}

export async function findPairRule(db: Executor, id: number): Promise<PairRuleRecord | undefined> {
  const row = await selectNamed(db).where('r.id', '=', id).executeTakeFirst();
  return row && toRecord(row);
}

export async function insertPairRule(
  db: Executor,
  r: { periodId: number; kind: PairRuleKind; menteeApplicationId: number; mentorApplicationId: number; createdBy: number; at: string },
): Promise<number> {
  const row = await db
    .insertInto('pair_rules')
    .values({
      period_id: r.periodId,
      kind: r.kind,
      mentee_application_id: r.menteeApplicationId,
      mentor_application_id: r.mentorApplicationId,
      created_by: r.createdBy,
      created_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Deletes the rules a new rule replaces: any rule on the same pair, and, for a new lock, the
 * mentee's other locks (a mentee has one mentor). Returns the ids deleted.
 */
export async function deleteRulesReplacedBy(
  db: Executor,
  r: { kind: PairRuleKind; menteeApplicationId: number; mentorApplicationId: number },
): Promise<number[]> {
  const rows = await db
    .deleteFrom('pair_rules')
    .where('mentee_application_id', '=', r.menteeApplicationId)
    .where((eb) =>
      r.kind === 'lock'
        ? eb.or([eb('mentor_application_id', '=', r.mentorApplicationId), eb('kind', '=', 'lock')])
        : eb('mentor_application_id', '=', r.mentorApplicationId),
    )
    .returning('id')
    .execute();
  return rows.map((x) => x.id);
}

export async function deletePairRule(db: Executor, id: number): Promise<boolean> {
  const result = await db.deleteFrom('pair_rules').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
