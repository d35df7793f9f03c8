import { isUniqueViolation } from '../../db/constraint-errors.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { PeriodDates } from '../../shared/api/periods.ts';
import type { MatchingMode } from '../../shared/matching-modes.ts';
import type { PeriodStatus } from '../../shared/period-status.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { carryForwardInto } from '../applications/applications.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { endActiveMatchesOfPeriod } from '../matches/matches.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { nextStatuses, periodDateProblems, transitionProblem } from './period.rules.ts';
import { findPeriod, findPeriodIdByName, insertPeriod, listPeriods, savePeriod, setPeriodStatus } from './periods.store.ts';
import type { PeriodRecord } from './periods.store.ts';

export type PeriodView = PeriodRecord & { nextStatuses: PeriodStatus[] };

const view = (p: PeriodRecord): PeriodView => ({ ...p, nextStatuses: [...nextStatuses(p.status)] });

function assertDates(d: PeriodDates): void {
  const problems = periodDateProblems(d);
  if (problems.length > 0) {
    throw new RuleViolationError('PERIOD_DATES_OUT_OF_ORDER', problems.map((p) => p.message).join(' '), problems);
  }
}

const NAME_TAKEN = () =>
  new ConflictError('PERIOD_NAME_TAKEN', 'Another period already has that name.', [
    { path: 'name', message: 'Choose a name no other period has.' },
  ]);

export async function listPeriodViews(deps: Pick<Deps, 'db'>): Promise<PeriodView[]> {
  return (await listPeriods(deps.db)).map(view);
}

export async function getPeriod(deps: Pick<Deps, 'db'>, id: number): Promise<PeriodView> {
  const p = await findPeriod(deps.db, id);
  if (!p) throw new NotFoundError('period');
  return view(p);
}

async function guardName<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw NAME_TAKEN();
    throw err;
  }
}

type PeriodInput = PeriodDates & { name: string; matchingMode?: MatchingMode | undefined };

/** Once matches are being made the mode stays: requests and runs already made follow it. */
const MODE_CHANGEABLE: readonly PeriodStatus[] = ['draft', 'applications_open', 'matching'];

export async function createPeriod(deps: Deps, actor: Actor, input: PeriodInput): Promise<PeriodView> {
  assertDates(input);
  return guardName(() =>
    deps.db.transaction().execute(async (trx) => {
      if ((await findPeriodIdByName(trx, input.name)) !== undefined) throw NAME_TAKEN();
      const at = toInstant(deps.clock.now());
      const id = await insertPeriod(trx, { ...input, at });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'period.created',
        entityType: 'period',
        entityId: id,
        details: { name: input.name, matchingMode: input.matchingMode ?? 'committee' },
        at,
      });
      const created = await findPeriod(trx, id);
      if (!created) throw new NotFoundError('period');
      return view(created);
    }),
  );
}

export async function updatePeriod(deps: Deps, actor: Actor, id: number, patch: Partial<PeriodInput>): Promise<PeriodView> {
  return guardName(() =>
    deps.db.transaction().execute(async (trx) => {
      const current = await findPeriod(trx, id);
      if (!current) throw new NotFoundError('period');
      if (current.status === 'closed') throw new ConflictError('PERIOD_CLOSED', 'A closed period can no longer be changed.');
      const next = { ...current, ...patch, matchingMode: patch.matchingMode ?? current.matchingMode };
      assertDates(next);
      if (next.matchingMode !== current.matchingMode && !MODE_CHANGEABLE.includes(current.status)) {
        throw new ConflictError(
          'MODE_LOCKED',
          'How pairs are made can change only before the period is active: its matches were made the current way.',
          [{ path: 'matchingMode', message: 'Keep the current mode.' }],
        );
      }
      if (patch.name !== undefined && patch.name !== current.name && (await findPeriodIdByName(trx, patch.name)) !== undefined) {
        throw NAME_TAKEN();
      }
      const at = toInstant(deps.clock.now());
      await savePeriod(trx, id, { ...next, at });
      await recordAudit(trx, { actorId: actor.userId, action: 'period.updated', entityType: 'period', entityId: id, details: patch, at });
      return view({ ...next, updatedAt: at });
    }),
  );
}

/** Why a period's pairs ended when staff closed it, in each match's history. */
const YEAR_ENDED = 'The program year ended.';

export async function transitionPeriod(deps: Deps, actor: Actor, id: number, to: PeriodStatus): Promise<PeriodView> {
  const settings = await getSettings(deps);
  return deps.db.transaction().execute(async (trx) => {
    const current = await findPeriod(trx, id);
    if (!current) throw new NotFoundError('period');
    const now = deps.clock.now();
    const problem = transitionProblem(current.status, to, current, now, settings.timeZone);
    if (problem) throw new ConflictError(problem.code, problem.message);
    const at = toInstant(now);
    if (!(await setPeriodStatus(trx, id, current.status, to, at))) {
      throw new ConflictError('STALE_PERIOD', 'Someone else changed this period just now. Reload and try again.');
    }
    // Closing the year ends its pairs: an active match would otherwise keep counting against a
    // mentor's capacity and a mentee's one-match-at-a-time in every later period.
    const ended = to === 'closed' ? await endActiveMatchesOfPeriod(trx, { periodId: id, by: actor.userId, reason: YEAR_ENDED, at }) : [];
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'period.status_changed',
      entityType: 'period',
      entityId: id,
      details: { from: current.status, to, ...(to === 'closed' && { matchesEnded: ended.length }) },
      at,
    });
    // People who asked to be carried over from an earlier period apply again as the window opens.
    if (to === 'applications_open') await carryForwardInto(trx, now, id);
    return view({ ...current, status: to, updatedAt: at });
  });
}

// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export { findPeriod, listPeriods, setPeriodStatus } from './periods.store.ts';
export type { PeriodRecord } from './periods.store.ts';
