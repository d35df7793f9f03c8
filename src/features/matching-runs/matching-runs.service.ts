import { isUniqueViolation } from '../../db/constraint-errors.ts';
import type { Executor } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { ConflictError, InvalidInputError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { PairRef, Weights } from '../../matching/index.ts';
import { DEFAULT_WEIGHTS, weightsSchema } from '../../matching/index.ts';
import { encodeCursor } from '../../shared/api/list-query.ts';
import type {
  MatchingRun,
  MatchingRunSummary,
  PairPreview,
  PairRuleKind,
  RunPairsPage,
  RunPairsQuery,
  WeightsView,
} from '../../shared/api/matching.ts';
import type { PeriodStatus } from '../../shared/period-status.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { listPartnerPairs } from '../matches/matches.service.ts';
import { nextStatuses } from '../periods/period.rules.ts';
import type { PeriodView } from '../periods/periods.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { listGoals } from '../programs/program.service.ts';
import type { PeriodRecord } from '../periods/periods.service.ts';
import { activeLoadOf, doubleBookings, poolBookings } from './active-matches.rules.ts';
import { menteeProfile, mentorProfile, poolProfiles, profileId } from './application-profiles.ts';
import { poolHardRules, rulesBrokenBy } from './hard-rules.ts';
import { isInterrupted } from './matching-run.rules.ts';
import { loadMatchingPool } from './matching-pool.ts';
import type { MatchingPool } from './matching-pool.ts';
import {
  findLatestRun,
  findLatestRunWeights,
  findPreviousRunWithResult,
  findRun,
  findUnparsedRun,
  insertRun,
  listRunningRuns,
  replaceRunResult,
} from './matching-runs.store.ts';
import type { MatchingRunRecord } from './matching-runs.store.ts';
import { previewPair } from './pair-preview.ts';
import { deletePairRule, deleteRulesReplacedBy, findPairRule, insertPairRule } from './pair-rules.store.ts';
import type { PairRuleRecord } from './pair-rules.store.ts';
import type { RunExecutor } from './run-executor.ts';
import type { RunJob } from './run-job.ts';
import { cursorFits, pagePairs } from './run-pairs.rules.ts';
import { cachedRunResult, cachedSortedPairs } from './run-result-cache.ts';
import { reassignInResult } from './run-result.ts';
import { wishesForRun } from '../participant-choice/wishes.service.ts';
import { runSummaryView, runView } from './run-view.ts';

/** Matching happens while applications are open (a first look) and in the matching phase. */
const MATCHING_STATUSES: readonly PeriodStatus[] = ['applications_open', 'matching'];

export type PairRuleView = Omit<PairRuleRecord, 'periodId'>;
const ruleView = ({ periodId: _periodId, ...rest }: PairRuleRecord): PairRuleView => rest;

export const periodView = (p: PeriodRecord): PeriodView => ({ ...p, nextStatuses: [...nextStatuses(p.status)] });

async function periodOrThrow(db: Executor, id: number): Promise<PeriodRecord> {
  const period = await findPeriod(db, id);
  if (!period) throw new NotFoundError('period');
  return period;
}

function assertMatchable(period: PeriodRecord): void {
  if (!MATCHING_STATUSES.includes(period.status)) {
    throw new ConflictError(
      'PERIOD_NOT_MATCHING',
      'Matching is open only while applications are open or the period is in its matching phase.',
    );
  }
}

async function runOrThrow(db: Executor, id: number): Promise<MatchingRunRecord> {
  const run = await findRun(db, id);
  if (!run) throw new NotFoundError('matching run');
  return run;
}

function assertDone(run: MatchingRunRecord): NonNullable<MatchingRunRecord['result']> {
  if (run.status === 'done' && run.result) return run.result;
  throw new ConflictError(
    'RUN_NOT_DONE',
    run.status === 'approved' ? 'This proposal is already approved.' : 'This run has no proposal to work on yet.',
  );
}

/** The engine's own check (idealMin ≤ idealMax and the rest), so a bad set never reaches a worker. */
function validWeights(view: WeightsView): Weights {
  const parsed = weightsSchema.safeParse(view);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: `weights.${i.path.join('.')}`, message: i.message }));
  throw new RuleViolationError('INVALID_WEIGHTS', `These weights cannot be used: ${details.map((d) => d.message).join('; ')}.`, details);
}

/**
 * The pool's fingerprint now, for a finished run not yet approved (whether it went stale); null
 * otherwise. Loading the pool reads every application of the period (a second or so at 12,500),
 * so a running run, which the matching page asks about twice a second, never does.
 */
async function currentFingerprint(db: Executor, run: MatchingRunRecord): Promise<string | null> {
  return run.status === 'done' ? (await loadMatchingPool(db, run.periodId)).fingerprint : null;
}

export async function getWorkspace(deps: Pick<Deps, 'db' | 'clock'>, periodId: number) {
  const period = await periodOrThrow(deps.db, periodId);
  const current = await loadMatchingPool(deps.db, periodId);
  const mentors = current.pool.filter((a) => a.role === 'mentor');
  const latest = await findLatestRun(deps.db, periodId);
  const previous = latest && (await findPreviousRunWithResult(deps.db, periodId, latest.id));
  return {
    period: periodView(period),
    pool: {
      mentees: current.pool.length - mentors.length,
      mentors: mentors.length,
      // The places a run can fill: active matches in other periods take theirs first.
      mentorPlaces: [...poolBookings(current.pool, current.activeMatches).placesLeft.values()].reduce((sum, n) => sum + n, 0),
    },
    weights: latest?.weights ?? DEFAULT_WEIGHTS,
    latestRun: latest ? runView(latest, latest.status === 'approved' ? null : current.fingerprint, deps.clock.now()) : null,
    previousSummary: previous?.result?.summary ?? null,
    rules: current.rules.map(ruleView),
  };
}

/** A run read for viewing: its result parsed once per version (run-result-cache.ts), not per request. */
async function viewedRunOrThrow(db: Executor, id: number): Promise<MatchingRunRecord> {
  const run = await findUnparsedRun(db, id);
  if (!run) throw new NotFoundError('matching run');
  return { ...run, result: cachedRunResult(db, id, run.resultText) };
}

export async function getRun(deps: Pick<Deps, 'db' | 'clock'>, runId: number): Promise<MatchingRun> {
  const run = await viewedRunOrThrow(deps.db, runId);
  return runView(run, await currentFingerprint(deps.db, run), deps.clock.now());
}

/** The run without its pairs: what a page shows first, before the pairs come a page at a time. */
export async function getRunSummary(deps: Pick<Deps, 'db' | 'clock'>, runId: number): Promise<MatchingRunSummary> {
  return runSummaryView(await getRun(deps, runId));
}

/**
 * One page of a run's pairs: searched, filtered and sorted (weakest first unless asked
 * otherwise). A run without a proposal yet (running, failed) has no pairs. Who may see the
 * run may see its pairs; a run that does not exist is a 404 as for the run itself.
 */
export async function listRunPairs(deps: Pick<Deps, 'db'>, runId: number, q: RunPairsQuery): Promise<RunPairsPage> {
  if (q.after && !cursorFits(q.sort, q.after)) {
    throw new InvalidInputError('BAD_CURSOR', 'This is not a cursor from a previous page of this order.', [
      { path: 'after', message: 'Start again from the first page.' },
    ]);
  }
  const run = await findUnparsedRun(deps.db, runId);
  if (!run) throw new NotFoundError('matching run');
  const result = cachedRunResult(deps.db, runId, run.resultText);
  if (!result || run.resultText === null) {
    return { pairs: [], nextCursor: null, total: 0, counts: { all: 0, warnings: 0, locked: 0, editedByHand: 0, unmatched: 0 } };
  }
  return pagePairs(result, cachedSortedPairs(deps.db, runId, run.resultText, q.sort), q, encodeCursor);
}

/** Explanations name program goals by title, as people know them. */
async function goalNamesById(db: Executor): Promise<Record<number, string>> {
  return Object.fromEntries((await listGoals(db)).map((g) => [g.id, g.title]));
}

/**
 * The engine's job for a pool. One match at a time: a mentee who already has a mentor is left
 * out (listed as unmatched, with why), and each mentor offers only the places their active
 * matches leave; a lock on a left-out mentee is set aside with a note.
 */
function runJob(
  current: MatchingPool,
  partners: { mentorUserId: number; menteeUserId: number }[],
  settings: Pick<RunJob, 'weights' | 'objective' | 'minScore' | 'referenceDate'>,
): RunJob {
  const bookings = poolBookings(current.pool, current.activeMatches);
  const booked = new Set(bookings.bookedMentees.map((b) => profileId(b.menteeApplicationId)));
  // The engine refuses rules about anyone not in the job: those about a left-out mentee go.
  const inJob = (r: PairRef): boolean => !booked.has(r.menteeId);
  const rules = poolHardRules(current.pool, current.rules, partners);
  const setAside = current.rules
    // (A lock whose mentor left the pool already has poolHardRules' note.)
    .filter(
      (r) =>
        r.kind === 'lock' && booked.has(profileId(r.menteeApplicationId)) && current.byId.get(r.mentorApplicationId)?.role === 'mentor',
    )
    .map((r) => `The lock on ${r.menteeName} and ${r.mentorName} was set aside: ${r.menteeName} already has a mentor in an active match.`);
  const { mentees, mentors } = poolProfiles(current.pool);
  return {
    mentees: mentees.filter((m) => !booked.has(m.id)),
    mentors: mentors.map((m) => ({ ...m, capacity: bookings.placesLeft.get(Number(m.id)) ?? m.capacity })),
    ...settings,
    previousPartners: rules.previousPartners.filter(inJob),
    forbidden: [...rules.forbidden, ...rules.samePerson].filter(inJob),
    locks: rules.locks.filter(inJob),
    notes: [...bookings.notes, ...setAside, ...rules.notes],
    alreadyMatched: bookings.bookedMentees,
  };
}

/**
 * Saves a run with its settings and the pool's fingerprint, then hands the computation to the
 * executor and returns at once (status 'running'); the caller polls the run.
 */
export async function startRun(
  deps: Deps,
  executor: RunExecutor,
  actor: Actor,
  periodId: number,
  body: { weights?: WeightsView | undefined; objective: 'most-matched' | 'total-score'; minScore: number | null },
): Promise<MatchingRun> {
  const chosen = body.weights && validWeights(body.weights);
  const now = deps.clock.now();
  const at = toInstant(now);
  const { run, job } = await deps.db.transaction().execute(async (trx) => {
    assertMatchable(await periodOrThrow(trx, periodId));
    const running = (await listRunningRuns(trx, periodId)).filter((r) => !isInterrupted({ status: 'running', ...r }, now));
    if (running.length > 0) {
      throw new ConflictError('RUN_IN_PROGRESS', 'A matching run for this period is still in progress; wait for it to finish.');
    }
    const current = await loadMatchingPool(trx, periodId);
    const weights = chosen ?? (await findLatestRunWeights(trx, periodId))?.weights ?? DEFAULT_WEIGHTS;
    const id = await insertRun(trx, {
      periodId,
      weights,
      objective: body.objective,
      minScore: body.minScore,
      poolFingerprint: current.fingerprint,
      createdBy: actor.userId,
      at,
    });
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'matching_run.started',
      entityType: 'matching_run',
      entityId: id,
      details: { periodId, objective: body.objective, minScore: body.minScore, pool: current.pool.length },
      at,
    });
    const period = await periodOrThrow(trx, periodId);
    const base = runJob(current, await listPartnerPairs(trx), {
      weights,
      objective: body.objective,
      minScore: body.minScore,
      referenceDate: now.getTime(),
    });
    // Hybrid: the mentees' wishes steer the run, for pairs the job still holds.
    const inJob = new Set([...base.mentees.map((m) => m.id), ...base.mentors.map((m) => m.id)]);
    const wishes =
      period.matchingMode === 'hybrid'
        ? (await wishesForRun(trx, periodId))
            .map((w) => ({ menteeId: profileId(w.menteeApplicationId), mentorId: profileId(w.mentorApplicationId), rank: w.rank }))
            .filter((w) => inJob.has(w.menteeId) && inJob.has(w.mentorId))
        : [];
    const job: RunJob = { ...base, goalNames: await goalNamesById(trx), ...(wishes.length > 0 && { wishes }) };
    return { run: await runOrThrow(trx, id), job };
  });
  executor.start(run.id, job);
  return runView(run, run.poolFingerprint, now);
}

function poolMember(current: MatchingPool, id: number, role: 'mentee' | 'mentor', path: string): ApplicationRecord {
  const a = current.byId.get(id);
  if (a?.role === role) return a;
  throw new RuleViolationError('NOT_IN_POOL', `Application ${id} is not an accepted ${role} application of this period.`, [
    { path, message: `Choose an accepted ${role} of this period.` },
  ]);
}

export async function addPairRule(
  deps: Deps,
  actor: Actor,
  periodId: number,
  body: { kind: PairRuleKind; menteeApplicationId: number; mentorApplicationId: number },
): Promise<PairRuleView> {
  try {
    return await deps.db.transaction().execute(async (trx) => {
      assertMatchable(await periodOrThrow(trx, periodId));
      const current = await loadMatchingPool(trx, periodId);
      poolMember(current, body.menteeApplicationId, 'mentee', 'menteeApplicationId');
      poolMember(current, body.mentorApplicationId, 'mentor', 'mentorApplicationId');
      const at = toInstant(deps.clock.now());
      // A pair has one rule, and a mentee one lock: the newest decision replaces older ones.
      const replaced = await deleteRulesReplacedBy(trx, body);
      const id = await insertPairRule(trx, { periodId, ...body, createdBy: actor.userId, at });
      await recordAudit(trx, {
        actorId: actor.userId,
        action: 'pair_rule.added',
        entityType: 'pair_rule',
        entityId: id,
        details: { periodId, ...body, replaced },
        at,
      });
      const rule = await findPairRule(trx, id);
      if (!rule) throw new NotFoundError('pair rule');
      return ruleView(rule);
    });
  } catch (err) {
    if (isUniqueViolation(err))
      throw new ConflictError('RULE_CHANGED', 'Someone else set a rule for this pair just now. Reload and try again.');
    throw err;
  }
}

export async function removePairRule(deps: Deps, actor: Actor, ruleId: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const rule = await findPairRule(trx, ruleId);
    if (!rule || !(await deletePairRule(trx, ruleId))) throw new NotFoundError('pair rule');
    const at = toInstant(deps.clock.now());
    const { id: _id, createdAt: _createdAt, ...details } = rule;
    await recordAudit(trx, { actorId: actor.userId, action: 'pair_rule.removed', entityType: 'pair_rule', entityId: ruleId, details, at });
  });
}

interface PairInRun {
  current: MatchingPool;
  mentee: ApplicationRecord;
  mentor: ApplicationRecord | null;
  preview: PairPreview | null;
}

/**
 * Refuses pairs that would double-book someone (active-matches.rules.ts): no warning to accept,
 * since a mentee has one match at a time. `only` limits the check to these applications.
 */
export function refuseDoubleBookings(
  pairs: readonly { menteeApplicationId: number; mentorApplicationId: number }[],
  current: MatchingPool,
  then: string,
  only?: readonly number[],
): void {
  const found = doubleBookings(pairs, current.byId, current.activeMatches).filter((d) => !only || only.includes(d.applicationId));
  if (found.length === 0) return;
  throw new ConflictError(
    'DOUBLE_BOOKING',
    `${found.map((d) => d.message).join(' ')} ${then}`,
    found.map((d) => ({ path: `applications.${d.applicationId}`, message: d.message })),
  );
}

/** Resolves a pair against a done run and the pool as it is now, and previews it. */
async function pairInRun(
  db: Executor,
  run: MatchingRunRecord,
  menteeApplicationId: number,
  mentorApplicationId: number | null,
): Promise<PairInRun> {
  const result = assertDone(run);
  const current = await loadMatchingPool(db, run.periodId);
  const inRun =
    result.pairs.some((p) => p.menteeApplicationId === menteeApplicationId) ||
    result.unmatched.some((u) => u.menteeApplicationId === menteeApplicationId);
  if (!inRun) {
    throw new RuleViolationError('NOT_IN_RUN', `Application ${menteeApplicationId} is not a mentee of this run.`, [
      { path: 'menteeApplicationId', message: 'Choose a mentee of this run.' },
    ]);
  }
  const mentee = poolMember(current, menteeApplicationId, 'mentee', 'menteeApplicationId');
  if (mentorApplicationId === null) return { current, mentee, mentor: null, preview: null };
  const load = result.mentors.find((m) => m.mentorApplicationId === mentorApplicationId);
  if (!load) {
    throw new RuleViolationError('NOT_IN_RUN', `Application ${mentorApplicationId} is not a mentor of this run.`, [
      { path: 'mentorApplicationId', message: 'Choose a mentor of this run.' },
    ]);
  }
  const mentor = poolMember(current, mentorApplicationId, 'mentor', 'mentorApplicationId');
  const rules = poolHardRules(current.pool, current.rules, await listPartnerPairs(db));
  const currentPair = result.pairs.find((p) => p.menteeApplicationId === menteeApplicationId);
  const preview = previewPair({
    mentee: menteeProfile(mentee),
    mentor: mentorProfile(mentor),
    weights: run.weights,
    minScore: run.minScore,
    referenceDate: Date.parse(run.createdAt),
    goalNames: await goalNamesById(db),
    ...rulesBrokenBy(rules, { menteeId: profileId(mentee.id), mentorId: profileId(mentor.id) }),
    // The application's own capacity: the mentor's active matches are counted next to it.
    capacity: mentor.answers.capacity,
    assignedOthers: result.pairs.filter(
      (p) => p.mentorApplicationId === mentorApplicationId && p.menteeApplicationId !== menteeApplicationId,
    ).length,
    menteeActiveIn: activeLoadOf(current.activeMatches, mentee.userId, 'mentee').periods,
    mentorActive: activeLoadOf(current.activeMatches, mentor.userId, 'mentor'),
    lockedToOther: currentPair?.locked && currentPair.mentorApplicationId !== mentorApplicationId ? currentPair.mentorName : null,
  });
  return { current, mentee, mentor, preview };
}

export async function previewPairInRun(
  deps: Pick<Deps, 'db'>,
  runId: number,
  q: { menteeApplicationId: number; mentorApplicationId: number },
): Promise<PairPreview> {
  const run = await runOrThrow(deps.db, runId);
  const { preview } = await pairInRun(deps.db, run, q.menteeApplicationId, q.mentorApplicationId);
  if (!preview) throw new NotFoundError('pair');
  return preview;
}

/**
 * Moves one mentee by hand, in the run's saved proposal. A move that breaks a hard rule or a
 * mentor's capacity needs `acceptWarnings`: the refusal lists exactly what would break. A move
 * that would double-book someone (a mentee already matched, a mentor whose active matches fill
 * their places) is refused outright, as approval would refuse it.
 */
export async function reassign(
  deps: Deps,
  actor: Actor,
  runId: number,
  body: { menteeApplicationId: number; mentorApplicationId: number | null; acceptWarnings: boolean },
): Promise<MatchingRun> {
  const now = deps.clock.now();
  const at = toInstant(now);
  return deps.db.transaction().execute(async (trx) => {
    const run = await runOrThrow(trx, runId);
    const result = assertDone(run);
    const { current, mentee, mentor, preview } = await pairInRun(trx, run, body.menteeApplicationId, body.mentorApplicationId);
    if (mentor) {
      const after = [
        ...result.pairs.filter((p) => p.menteeApplicationId !== mentee.id),
        { menteeApplicationId: mentee.id, mentorApplicationId: mentor.id },
      ];
      refuseDoubleBookings(after, current, 'Choose someone else.', [mentee.id, mentor.id]);
    }
    const before = result.pairs.find((p) => p.menteeApplicationId === mentee.id);
    const warnings =
      preview?.warnings ??
      (before?.locked
        ? [
            {
              code: 'LOCKED_PAIR',
              message: `${mentee.applicantName} is locked to ${before.mentorName}; taking them out breaks the lock in this proposal.`,
            },
          ]
        : []);
    if (warnings.length > 0 && !body.acceptWarnings) {
      throw new ConflictError(
        'WARNINGS_NOT_ACCEPTED',
        `This change breaks a rule: ${warnings.map((w) => w.message).join(' ')} Confirm to make it anyway.`,
        warnings.map((w) => ({ path: w.code, message: w.message })),
      );
    }
    const pair =
      mentor && preview
        ? {
            menteeApplicationId: mentee.id,
            menteeName: mentee.applicantName,
            mentorApplicationId: mentor.id,
            mentorName: mentor.applicantName,
            score: preview.score ?? 0,
            explanation: preview.explanation,
            reasons: preview.reasons,
            locked: false,
            editedByHand: true,
          }
        : null;
    const next = reassignInResult(result, mentee.id, mentee.applicantName, pair);
    if (!(await replaceRunResult(trx, run, next))) {
      throw new ConflictError('RUN_CHANGED', 'Someone else changed this proposal just now. Reload and try again.');
    }
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'matching_run.reassigned',
      entityType: 'matching_run',
      entityId: runId,
      details: {
        menteeApplicationId: mentee.id,
        from: before?.mentorApplicationId ?? null,
        to: mentor?.id ?? null,
        warningsAccepted: warnings.map((w) => w.code),
      },
      at,
    });
    return runView({ ...run, result: next }, await currentFingerprint(trx, run), now);
  });
}
