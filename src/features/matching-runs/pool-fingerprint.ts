import { createHash } from 'node:crypto';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { loadsForFingerprint } from './active-matches.rules.ts';
import type { ActiveMatchLoad } from './active-matches.rules.ts';

export interface FingerprintRule {
  kind: 'lock' | 'forbid';
  menteeApplicationId: number;
  mentorApplicationId: number;
}

type PoolEntry = Pick<ApplicationRecord, 'id' | 'updatedAt' | 'status' | 'role' | 'answers'>;

/**
 * SHA-256 (hex) of everything a run's proposal depends on besides its settings: who is in the
 * pool, in which role, their answers as of when, the period's pair rules, and how many active
 * matches the pool's people are already in (they decide who may be matched and how many places
 * a mentor has left). Approval compares a run's fingerprint with today's to refuse a proposal
 * made for a pool that has since changed. Answers are in too, so an edit within the same
 * millisecond still counts as a change.
 */
export function poolFingerprint(
  pool: readonly PoolEntry[],
  rules: readonly FingerprintRule[],
  activeMatches: readonly ActiveMatchLoad[] = [],
): string {
  const applications = [...pool].sort((a, b) => a.id - b.id).map((a) => [a.id, a.updatedAt, a.status, a.role, a.answers]);
  const pairRules = [...rules]
    .sort(
      (a, b) =>
        a.menteeApplicationId - b.menteeApplicationId || a.mentorApplicationId - b.mentorApplicationId || a.kind.localeCompare(b.kind),
    )
    .map((r) => [r.kind, r.menteeApplicationId, r.mentorApplicationId]);
  const loads = loadsForFingerprint(activeMatches);
  return createHash('sha256')
    .update(JSON.stringify({ applications, pairRules, activeMatches: loads }))
    .digest('hex');
}
