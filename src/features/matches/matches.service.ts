import type { Deps } from '../../deps.ts';
import type { Actor } from '../accounts/actor.ts';
import { participantExplanation } from '../matching-runs/participant-pair-reasons.ts';
import { listMatchesOfPerson } from './matches.store.ts';
import type { MatchOfPerson } from './matches.store.ts';

/**
 * The caller's own matches and nobody else's: ownership is the query itself. "Why we paired
 * you" is what speaks for the pair, never its downsides (those are for staff and the committee).
 */
export async function listMyMatches(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<MatchOfPerson[]> {
  const now = deps.clock.now();
  const out: MatchOfPerson[] = [];
  const inputsByPeriod: Parameters<typeof participantExplanation>[3] = new Map();
  for (const { menteeApplicationId, mentorApplicationId, ...m } of await listMatchesOfPerson(deps.db, actor.userId))
    out.push({
      ...m,
      explanation: await participantExplanation(
        deps.db,
        { periodId: m.periodId, menteeApplicationId, mentorApplicationId },
        now,
        inputsByPeriod,
      ),
    });
  return out;
}

// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export { havePartnered, insertMatch, insertMatches, listActiveMatchSidesOf, listPartnerPairs, listPartnersOf } from './matches.store.ts';
export { countActiveMatchesOf } from './matches.store.ts';
export type { ActiveMatchCount } from './matches.store.ts';
export { listMatchEvents, recordMatchEvent } from './match-history.store.ts';
export type { MatchEventRecord } from './match-history.store.ts';
export {
  countActiveMatches,
  countActiveMatchesOfApplication,
  endActiveMatchesOfPeriod,
  endMatchRow,
  findMatchRecord,
  findMatchRecords,
  listMatchIdsOfPeople,
} from './match-changes.store.ts';
export type { MatchPerson, MatchRecord } from './match-changes.store.ts';
