import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, RuleViolationError } from '../../errors.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listWishes, listWishesOfPeriod, replaceWishes } from './choice-state.store.ts';
import { choosingNow, periodSuggestions } from './suggestions.service.ts';

/** Hybrid mode: the mentee's wished mentors (user ids), first choice first. */
export async function getMyWishes(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<{ mentorIds: number[] }> {
  const choosing = await choosingNow(deps.db, actor.userId);
  if (!choosing || choosing.period.matchingMode !== 'hybrid') return { mentorIds: [] };
  const { pool } = await periodSuggestions(deps, choosing.period.id);
  const wishes = await listWishes(deps.db, [choosing.application.id]);
  return {
    mentorIds: wishes.flatMap((w) => {
      const a = pool.byId.get(w.mentorApplicationId);
      return a ? [a.userId] : [];
    }),
  };
}

/**
 * Saves the mentee's ranked wishes. Each must be one of their suggestions now (a mentor with room
 * whom the rules allow); the committee's next run counts them.
 */
export async function saveMyWishes(deps: Deps, actor: Actor, mentorIds: readonly number[]): Promise<{ mentorIds: number[] }> {
  const choosing = await choosingNow(deps.db, actor.userId);
  if (!choosing || choosing.period.matchingMode !== 'hybrid') {
    throw new ConflictError(
      'NOT_CHOOSING',
      'You can state wishes once your mentee application is accepted in a period where the committee counts them.',
    );
  }
  const { stored, pool } = await periodSuggestions(deps, choosing.period.id);
  const suggested = new Map(
    (stored.byMentee[String(choosing.application.id)] ?? []).flatMap((s) => {
      const a = pool.byId.get(s.mentorApplicationId);
      return a ? [[a.userId, a.id] as const] : [];
    }),
  );
  const applicationIds = mentorIds.map((id, k) => {
    const appId = suggested.get(id);
    if (appId === undefined) {
      throw new RuleViolationError('NOT_A_CANDIDATE', 'Choose from your suggested mentors.', [
        { path: `mentorIds.${k}`, message: 'Not one of your suggestions.' },
      ]);
    }
    return appId;
  });
  await deps.db.transaction().execute(async (trx) => {
    const at = toInstant(deps.clock.now());
    await replaceWishes(trx, choosing.application.id, applicationIds, at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'mentee_wishes.saved',
      entityType: 'application',
      entityId: choosing.application.id,
      details: { count: applicationIds.length },
      at,
    });
  });
  return { mentorIds: [...mentorIds] };
}

/** A hybrid period's wishes in application ids, for the committee's run. */
export function wishesForRun(
  db: Executor,
  periodId: number,
): Promise<{ menteeApplicationId: number; mentorApplicationId: number; rank: number }[]> {
  return listWishesOfPeriod(db, periodId);
}
