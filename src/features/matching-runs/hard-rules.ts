import type { PairRef } from '../../matching/index.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { profileId } from './application-profiles.ts';
import type { PairRuleRecord } from './pair-rules.store.ts';

export interface PoolHardRules {
  previousPartners: PairRef[];
  /** The committee's exclusions. */
  forbidden: PairRef[];
  /** A person's own mentee and mentor applications: nobody mentors themself. */
  samePerson: PairRef[];
  /** Oldest first. */
  locks: PairRef[];
  /** Rules that no longer apply to this pool, in words. */
  notes: string[];
}

const ref = (menteeApplicationId: number, mentorApplicationId: number): PairRef => ({
  menteeId: profileId(menteeApplicationId),
  mentorId: profileId(mentorApplicationId),
});

/**
 * The engine's hard rules for a pool, in application ids. Rules about applications that left the
 * pool are dropped (the engine refuses unknown ids); a dropped lock gets a note, a dropped
 * exclusion does not need one.
 */
export function poolHardRules(
  pool: readonly ApplicationRecord[],
  rules: readonly PairRuleRecord[],
  partnerPairs: readonly { mentorUserId: number; menteeUserId: number }[],
): PoolHardRules {
  const menteeApps = new Map<number, number[]>();
  const mentorApps = new Map<number, number[]>();
  const inPool = new Map<number, ApplicationRecord>();
  for (const a of pool) {
    inPool.set(a.id, a);
    const byUser = a.role === 'mentee' ? menteeApps : mentorApps;
    byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a.id]);
  }
  const cross = (menteeUser: number, mentorUser: number): PairRef[] =>
    (menteeApps.get(menteeUser) ?? []).flatMap((e) => (mentorApps.get(mentorUser) ?? []).map((o) => ref(e, o)));

  // People may swap roles between periods, so an earlier pair counts whichever way round.
  const previousPartners = partnerPairs.flatMap((p) => [
    ...cross(p.menteeUserId, p.mentorUserId),
    ...cross(p.mentorUserId, p.menteeUserId),
  ]);
  const samePerson = [...menteeApps.keys()].flatMap((user) => cross(user, user));
  const forbidden: PairRef[] = [];
  const locks: PairRef[] = [];
  const notes: string[] = [];
  for (const r of rules) {
    const usable = inPool.get(r.menteeApplicationId)?.role === 'mentee' && inPool.get(r.mentorApplicationId)?.role === 'mentor';
    if (r.kind === 'forbid') {
      if (usable) forbidden.push(ref(r.menteeApplicationId, r.mentorApplicationId));
    } else if (usable) {
      locks.push(ref(r.menteeApplicationId, r.mentorApplicationId));
    } else {
      notes.push(`The lock on ${r.menteeName} and ${r.mentorName} was set aside: one of them is no longer in the matching pool.`);
    }
  }
  return { previousPartners, forbidden, samePerson, locks, notes };
}

const key = (r: PairRef): string => `${r.menteeId}/${r.mentorId}`;

/** Which hard rules one pair breaks, for previews and hand edits. */
export function rulesBrokenBy(rules: PoolHardRules, pair: PairRef): { forbidden: boolean; previousPartner: boolean; samePerson: boolean } {
  const k = key(pair);
  const has = (list: readonly PairRef[]): boolean => list.some((r) => key(r) === k);
  return { forbidden: has(rules.forbidden), previousPartner: has(rules.previousPartners), samePerson: has(rules.samePerson) };
}
