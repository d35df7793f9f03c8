import type { Executor } from '../../db/executor.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { listMatchingPool } from '../applications/applications.service.ts';
import { countActiveMatchesOf } from '../matches/matches.service.ts';
import type { ActiveMatchCount } from '../matches/matches.service.ts';
import { listPairRules } from './pair-rules.store.ts';
import type { PairRuleRecord } from './pair-rules.store.ts';
import { poolFingerprint } from './pool-fingerprint.ts';

/**
 * A period's matching pool as it is now: accepted applications, pair rules, the active matches
 * (in any period) of the people in it, and the fingerprint of all three.
 */
export interface MatchingPool {
  pool: ApplicationRecord[];
  byId: Map<number, ApplicationRecord>;
  rules: PairRuleRecord[];
  activeMatches: ActiveMatchCount[];
  fingerprint: string;
}

export async function loadMatchingPool(db: Executor, periodId: number): Promise<MatchingPool> {
  const pool = await listMatchingPool(db, periodId);
  const rules = await listPairRules(db, periodId);
  const userIds = pool.map((a) => a.userId);
  const activeMatches = await countActiveMatchesOf(db, userIds);
  return {
    pool,
    byId: new Map(pool.map((a) => [a.id, a])),
    rules,
    activeMatches,
    fingerprint: poolFingerprint(pool, rules, activeMatches),
  };
}
