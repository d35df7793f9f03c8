import type { Executor } from '../../db/executor.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { listMatchingPool } from '../applications/applications.service.ts';
import { listPairRules } from './pair-rules.store.ts';
import type { PairRuleRecord } from './pair-rules.store.ts';
import { poolFingerprint } from './pool-fingerprint.ts';

/** A period's matching pool as it is now: accepted applications, pair rules and their fingerprint. */
export interface MatchingPool {
  pool: ApplicationRecord[];
  byId: Map<number, ApplicationRecord>;
  rules: PairRuleRecord[];
  fingerprint: string;
}

export async function loadMatchingPool(db: Executor, periodId: number): Promise<MatchingPool> {
  const pool = await listMatchingPool(db, periodId);
  const rules = await listPairRules(db, periodId);
  return { pool, byId: new Map(pool.map((a) => [a.id, a])), rules, fingerprint: poolFingerprint(pool, rules) };
}
