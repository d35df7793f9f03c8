import type { Executor } from '../../db/executor.ts';
import { toInstant } from '../../time/instant.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findPeriod, listPeriods } from '../periods/periods.service.ts';
import type { PeriodRecord } from '../periods/periods.service.ts';
import { findApplication, findApplicationFor, insertApplication, setCarryForwardPlan } from './applications.store.ts';
import { nextPeriodAfter, TAKING_APPLICATIONS } from './carry-forward.rules.ts';
import type { CarryForwardAs } from '../../shared/match-management.ts';
import { syncParticipantRoles } from './participant-roles.ts';

export interface CarryOutcome {
  /** The next period, if one exists yet. */
  nextPeriod: PeriodRecord | null;
  /** The copy in that period, when it was made now (or already existed). */
  copiedApplicationId: number | null;
}

/**
 * Carries one application into the next period, inside the caller's transaction. It is flagged
 * (so the period's opening copies it if it is not open yet), and when the next period is already
 * taking applications the copy is made now: ticking "carry my application" while the next period
 * is open used to do nothing until a period opened again. A person who already applied there in
 * that role keeps their own application.
 */
export async function carryApplicationForward(
  db: Executor,
  now: Date,
  applicationId: number,
  as: CarryForwardAs,
  actorId: number | null,
): Promise<CarryOutcome> {
  const at = toInstant(now);
  await setCarryForwardPlan(db, applicationId, as, at);
  const source = await findApplication(db, applicationId);
  const sourcePeriod = source && (await findPeriod(db, source.periodId));
  if (!source || !sourcePeriod) return { nextPeriod: null, copiedApplicationId: null };
  const next = nextPeriodAfter(await listPeriods(db), sourcePeriod);
  if (!next || !TAKING_APPLICATIONS.includes(next.status)) return { nextPeriod: next, copiedApplicationId: null };
  const existing = await findApplicationFor(db, next.id, source.userId, source.role);
  if (existing !== undefined) return { nextPeriod: next, copiedApplicationId: existing };
  const id = await insertApplication(db, {
    periodId: next.id,
    userId: source.userId,
    role: source.role,
    answers: source.answers,
    status: as,
    carriedFromId: source.id,
    at,
  });
  await syncParticipantRoles(db, [source.userId]);
  await recordAudit(db, {
    actorId,
    action: 'application.carried_forward',
    entityType: 'application',
    entityId: id,
    details: { from: source.id, periodId: next.id, status: as },
    at,
  });
  return { nextPeriod: next, copiedApplicationId: id };
}
