import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import type { MySuggestions, Suggestion } from '../../shared/api/mentor-choice.ts';
import { CHOOSING_MODES } from '../../shared/matching-modes.ts';
import type { PeriodStatus } from '../../shared/period-status.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { listApplicationsOfUser } from '../applications/applications.service.ts';
import { countActiveMatches } from '../matches/matches.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import type { PeriodRecord } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { loadChoicePool } from './choice-pool.ts';
import type { ChoicePool } from './choice-pool.ts';
import { findSuggestionSet, listWishes, saveSuggestionSet } from './choice-state.store.ts';
import { cardsFor } from './mentor-cards.service.ts';
import { REQUESTABLE_STATUSES } from './mentor-request.rules.ts';
import { listPendingRequests } from './mentor-requests.store.ts';
import type { StoredSuggestions } from './suggestion-job.ts';
import { computeOnce } from './suggestion-runner.ts';

/** Hybrid wishes count only before the committee approves its matches. */
const WISHING_STATUSES: readonly PeriodStatus[] = ['applications_open', 'matching'];

/** The period in which this mentee chooses (asks, or states wishes) now, with their application. */
export async function choosingNow(db: Executor, userId: number): Promise<{ application: ApplicationRecord; period: PeriodRecord } | null> {
  for (const application of await listApplicationsOfUser(db, userId)) {
    if (application.role !== 'mentee' || application.status !== 'accepted') continue;
    const period = await findPeriod(db, application.periodId);
    if (!period || !CHOOSING_MODES.includes(period.matchingMode)) continue;
    const open = period.matchingMode === 'hybrid' ? WISHING_STATUSES : REQUESTABLE_STATUSES;
    if (open.includes(period.status)) return { application, period };
  }
  return null;
}

export interface PeriodSuggestions {
  stored: StoredSuggestions;
  computedAt: string;
  pool: ChoicePool;
}

/**
 * A period's suggestions for the pool as it is now: the stored ones if the pool has not changed
 * since, else computed afresh (inline for a small pool, in a worker otherwise) and stored.
 */
export async function periodSuggestions(
  deps: Pick<Deps, 'db' | 'clock'>,
  periodId: number,
  options?: { inlineMaxPairs?: number },
): Promise<PeriodSuggestions> {
  const now = deps.clock.now();
  const pool = await loadChoicePool(deps.db, periodId, now);
  const saved = await findSuggestionSet(deps.db, periodId);
  if (saved?.fingerprint === pool.fingerprint)
    return { stored: JSON.parse(saved.result) as StoredSuggestions, computedAt: saved.computedAt, pool };
  const stored = await computeOnce(pool.fingerprint, pool.job, options?.inlineMaxPairs);
  const computedAt = toInstant(now);
  await saveSuggestionSet(deps.db, { periodId, fingerprint: pool.fingerprint, result: JSON.stringify(stored), computedAt });
  return { stored, computedAt, pool };
}

/** After a match is made the pool has changed: compute the next suggestions now, before anyone asks. */
export function refreshSuggestionsSoon(deps: Pick<Deps, 'db' | 'clock' | 'log'>, periodId: number): void {
  void periodSuggestions(deps, periodId).catch((err: unknown) =>
    deps.log.warn({ err, periodId }, 'could not refresh the mentor suggestions'),
  );
}

export async function getMySuggestions(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<MySuggestions> {
  const settings = await getSettings(deps);
  const base = {
    requestsAtOnce: settings.requestsAtOnce,
    requestExpiryDays: settings.requestExpiryDays,
    pendingRequests: 0,
    suggestions: [] as Suggestion[],
    computedAt: null,
  };
  const choosing = await choosingNow(deps.db, actor.userId);
  if (!choosing) {
    const matched = ((await countActiveMatches(deps.db, [actor.userId])).get(actor.userId)?.mentee ?? 0) > 0;
    return {
      ...base,
      state: matched ? 'matched' : 'not-choosing',
      period: null,
      emptyReason: matched
        ? 'You have a mentor: your match page has everything you need.'
        : 'There is no period in which you choose a mentor right now.',
    };
  }
  const { application, period } = choosing;
  const { stored, computedAt, pool } = await periodSuggestions(deps, period.id);
  const at = toInstant(deps.clock.now());
  const pending = new Map((await listPendingRequests(deps.db, { menteeUserId: actor.userId }, at)).map((r) => [r.mentorUserId, r.id]));
  const wishes = new Map((await listWishes(deps.db, [application.id])).map((w) => [w.mentorApplicationId, w.rank]));
  const mine = (stored.byMentee[String(application.id)] ?? []).filter((s) => pool.placesLeft.has(s.mentorApplicationId));
  const mentors = mine.flatMap((s) => {
    const a = pool.byId.get(s.mentorApplicationId);
    return a ? [a] : [];
  });
  const cards = await cardsFor(deps.db, mentors);
  const highDemand = new Set(stored.inHighDemand);
  const suggestions: Suggestion[] = mine.flatMap((s) => {
    const mentor = pool.byId.get(s.mentorApplicationId);
    const card = mentor && cards.get(mentor.userId);
    if (!mentor || !card) return [];
    return [
      {
        mentorId: mentor.userId,
        name: mentor.applicantName,
        reasons: s.reasons,
        score: s.score,
        fit: s.fit,
        pointsLost: s.pointsLost,
        leavesSomeoneWithout: s.leavesSomeoneWithout,
        inHighDemand: highDemand.has(mentor.id),
        placesLeft: pool.placesLeft.get(mentor.id) ?? 0,
        card,
        pendingRequestId: pending.get(mentor.userId) ?? null,
        wishRank: wishes.get(mentor.id) ?? null,
      },
    ];
  });
  return {
    ...base,
    state: 'choosing',
    period: { id: period.id, name: period.name, mode: period.matchingMode },
    suggestions,
    pendingRequests: pending.size,
    emptyReason:
      suggestions.length > 0
        ? null
        : (stored.none[String(application.id)] ??
          'No mentor with a place left fits you right now. The program office will help you find one.'),
    computedAt,
  };
}
