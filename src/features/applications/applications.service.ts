import { appOrigin } from '../../config.ts';
import { isUniqueViolation } from '../../db/constraint-errors.ts';
import { memoUnlessChanged } from '../../db/unchanged-cache.ts';
import type { Executor } from '../../db/executor.ts';
import { assertRowId } from '../../db/row-id.ts';
import type { Deps } from '../../deps.ts';
import { nextTurn } from '../../csv/uploaded-csv.ts';
import { ConflictError, InvalidInputError, NotFoundError, PermissionError, RuleViolationError } from '../../errors.ts';
import { BULK_NAMES_SHOWN, BULK_SKIP_REASONS } from '../../shared/api/applications.ts';
import type {
  ActiveMatchSummary,
  Application,
  ApplicationAnswers,
  ApplicationListQuery,
  BulkDecisionBody,
  BulkDecisionResult,
  BulkSkipReason,
} from '../../shared/api/applications.ts';
import type { ApplicationRole } from '../../shared/application-vocabulary.ts';
import { isValidTimeZone } from '../../time/calendar-date.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { findUserById, findUserIdByEmail, insertUser } from '../accounts/people.service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { countActiveMatchesOf } from '../matches/matches.service.ts';
import { deliverRecorded, recordMail, recordMails } from '../notifications/mail.service.ts';
import { findPeriod, listPeriods } from '../periods/periods.service.ts';
import type { PeriodRecord } from '../periods/periods.service.ts';
import { getSettings } from '../programs/program.service.ts';
import { listGoals } from '../programs/program.service.ts';
import type { ProgramSettings } from '../programs/program.service.ts';
import { applicationReceivedMail, decisionMail } from './application-mails.ts';
import { applicationView } from './application-view.ts';
import {
  answerProblems,
  bulkOutcome,
  canApplicantChange,
  DECIDABLE_STATUSES,
  isLegalDecision,
  isWindowOpen,
  mayCarryForward,
  normaliseAnswers,
} from './application.rules.ts';
import type { Decision } from './application.rules.ts';
import type { ApplicationRecord } from './application.types.ts';
import {
  BadCursorError,
  countApplications,
  findApplication,
  findApplicationFor,
  insertApplication,
  listApplicationsOfUser,
  listCarryForwardCandidates,
  listDecisionCandidates,
  searchApplications,
  setApplicationStatus,
  setCarryForwardFlag,
  setDecisions,
  updateApplicationAnswers,
} from './applications.store.ts';
import type { ApplicationCounts, DecisionCandidate } from './applications.store.ts';
import { carryApplicationForward } from './carry-forward.ts';
import { syncParticipantRoles } from './participant-roles.ts';

const WINDOW_CLOSED = () =>
  new ConflictError('APPLICATION_WINDOW_CLOSED', 'This period is not taking applications now, so applications cannot be made or changed.');
const ALREADY_APPLIED = (role: ApplicationRole) =>
  new ConflictError(
    'ALREADY_APPLIED',
    `You have already applied as a ${role} in this period. Open that application from your home page to change it.`,
  );
const EMAIL_TAKEN = () =>
  new ConflictError('EMAIL_TAKEN', 'There is already an account with that e-mail address. Sign in, then apply from your home page.', [
    { path: 'email', message: 'This e-mail address already has an account: sign in to apply.' },
  ]);

/**
 * Ids are 32-bit integers in the database; PostgreSQL refuses a bigger one with an error rather
 * than finding nothing. Such an id names nothing, so it is "not found" (never a 500).
 */
const homeLink = (deps: Pick<Deps, 'config'>) => `${appOrigin(deps.config)}/`;

/** Staff and the committee review applications; nobody else sees someone else's. */
const isReviewer = (actor: Actor) => hasRole(actor, 'staff') || hasRole(actor, 'committee');

function windowOpen(period: PeriodRecord, settings: ProgramSettings, now: Date): boolean {
  return isWindowOpen(period, now, settings.timeZone);
}

function view(
  a: ApplicationRecord,
  settings: ProgramSettings,
  period: PeriodRecord | undefined,
  now: Date,
  showConfidential: boolean,
  activeMatches?: readonly ActiveMatchSummary[],
): Application {
  return applicationView(a, {
    questions: settings.eligibilityQuestions,
    windowOpen: period !== undefined && windowOpen(period, settings, now),
    showConfidential,
    activeMatches,
  });
}

/**
 * For reviewers: each applicant's active matches (any period) in the application's role, by
 * application id. A mentee has one match at a time, and a mentor's take places from their
 * capacity, so review shows them before anyone is accepted into a pool.
 */
async function activeMatchesOf(db: Executor, records: readonly ApplicationRecord[]): Promise<Map<number, ActiveMatchSummary[]>> {
  const counts = await countActiveMatchesOf(
    db,
    records.map((a) => a.userId),
  );
  return new Map(
    records.map((a) => [
      a.id,
      counts
        .filter((c) => c.userId === a.userId && c.side === a.role)
        .map((c) => ({ periodId: c.periodId, periodName: c.periodName, matches: c.matches })),
    ]),
  );
}

/** Checks what only the database knows, and returns the answers as they will be stored. */
async function checkedAnswers(
  db: Executor,
  settings: ProgramSettings,
  role: ApplicationRole,
  answers: ApplicationAnswers,
  keepGoalIds: readonly number[] = [],
): Promise<ApplicationAnswers> {
  const goals = await listGoals(db);
  const problems = answerProblems(answers, { goals, channels: settings.channels, keepGoalIds }, isValidTimeZone);
  const first = problems[0];
  if (first) {
    throw new RuleViolationError(
      first.code,
      problems.map((p) => p.message).join(' '),
      problems.map(({ path, message }) => ({ path, message })),
    );
  }
  return normaliseAnswers(answers, role, settings.eligibilityQuestions);
}

async function openPeriod(db: Executor, settings: ProgramSettings, periodId: number, now: Date): Promise<PeriodRecord> {
  assertRowId(periodId, 'period');
  const period = await findPeriod(db, periodId);
  if (!period) throw new NotFoundError('period');
  if (!windowOpen(period, settings, now)) throw WINDOW_CLOSED();
  return period;
}

/** What the public form offers right now. */
export async function applyForm(deps: Pick<Deps, 'db' | 'clock'>) {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const [periods, goals] = await Promise.all([listPeriods(deps.db), listGoals(deps.db)]);
  return {
    programName: settings.programName,
    periods: periods
      .filter((p) => windowOpen(p, settings, now))
      .map((p) => ({ id: p.id, name: p.name, applicationsCloseOn: p.applicationsCloseOn })),
    goals: goals.filter((g) => !g.retired).map((g) => ({ id: g.id, title: g.title, description: g.description })),
    eligibilityQuestions: settings.eligibilityQuestions,
    channels: settings.channels,
    interestVocabulary: settings.interestVocabulary,
  };
}

async function withUniqueGuard<T>(work: () => Promise<T>, onDuplicate: () => Error): Promise<T> {
  try {
    return await work();
  } catch (err) {
    // Two submissions at once: the second insert collides with the first on a unique constraint.
    if (isUniqueViolation(err)) throw onDuplicate();
    throw err;
  }
}

interface Submitted {
  userId: number;
  application: Application;
}

/** Writes the application, its audit entry and the confirmation e-mail; returns the outbox id. */
async function submit(
  trx: Executor,
  deps: Pick<Deps, 'config'>,
  settings: ProgramSettings,
  period: PeriodRecord,
  now: Date,
  a: { userId: number; actorId: number; role: ApplicationRole; answers: ApplicationAnswers; action: string; reopenId?: number },
): Promise<{ application: Application; outboxId: number }> {
  const at = toInstant(now);
  let id: number;
  if (a.reopenId === undefined) {
    id = await insertApplication(trx, { periodId: period.id, userId: a.userId, role: a.role, answers: a.answers, at });
  } else {
    // Someone who withdrew changes their mind while the window is open: the same row comes back.
    id = a.reopenId;
    await updateApplicationAnswers(trx, id, a.answers, at);
    if (!(await setApplicationStatus(trx, id, 'withdrawn', 'submitted', null, at))) throw ALREADY_APPLIED(a.role);
  }
  await recordAudit(trx, {
    actorId: a.actorId,
    action: a.action,
    entityType: 'application',
    entityId: id,
    details: { periodId: period.id, role: a.role },
    at,
  });
  // A submitted application grants nothing: the mentor or mentee role comes with acceptance.
  await syncParticipantRoles(trx, [a.userId]);
  const record = await findApplication(trx, id);
  if (!record) throw new Error('application vanished inside its own transaction');
  const outboxId = await recordMail(
    trx,
    now,
    applicationReceivedMail({
      programName: settings.programName,
      to: { address: record.applicantEmail, name: record.applicantName },
      role: a.role,
      periodName: period.name,
      homeLink: homeLink(deps),
      applicationsCloseOn: period.applicationsCloseOn,
    }),
  );
  return { application: view(record, settings, period, now, true), outboxId };
}

/** The public Apply page: a new account and an application in one step. */
export async function applyAsNewcomer(
  deps: Deps,
  input: { periodId: number; role: ApplicationRole; name: string; email: string; password: string; answers: ApplicationAnswers },
): Promise<Submitted> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  await openPeriod(deps.db, settings, input.periodId, now);
  if ((await findUserIdByEmail(deps.db, input.email)) !== undefined) throw EMAIL_TAKEN();
  await checkedAnswers(deps.db, settings, input.role, input.answers);
  // Hashing is slow by design: do it before the transaction holds any lock.
  const passwordHash = await hashPassword(input.password);
  const result = await withUniqueGuard(
    () =>
      deps.db.transaction().execute(async (trx) => {
        const period = await openPeriod(trx, settings, input.periodId, now);
        const answers = await checkedAnswers(trx, settings, input.role, input.answers);
        if ((await findUserIdByEmail(trx, input.email)) !== undefined) throw EMAIL_TAKEN();
        const userId = await insertUser(trx, { email: input.email, name: input.name, passwordHash, at: toInstant(now) });
        const submitted = await submit(trx, deps, settings, period, now, {
          userId,
          actorId: userId,
          role: input.role,
          answers,
          action: 'application.submitted_with_signup',
        });
        return { userId, ...submitted };
      }),
    EMAIL_TAKEN,
  );
  await deliverRecorded(deps, [result.outboxId]);
  return { userId: result.userId, application: result.application };
}

/** A signed-in person applies (or reapplies after withdrawing); the role comes only when the application is accepted. */
export async function apply(
  deps: Deps,
  actor: Actor,
  input: { periodId: number; role: ApplicationRole; answers: ApplicationAnswers },
): Promise<Application> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const result = await withUniqueGuard(
    () =>
      deps.db.transaction().execute(async (trx) => {
        const period = await openPeriod(trx, settings, input.periodId, now);
        const existingId = await findApplicationFor(trx, period.id, actor.userId, input.role);
        const existing = existingId === undefined ? undefined : await findApplication(trx, existingId);
        if (existing && existing.status !== 'withdrawn') throw ALREADY_APPLIED(input.role);
        const answers = await checkedAnswers(trx, settings, input.role, input.answers);
        const user = await findUserById(trx, actor.userId);
        if (!user) throw new NotFoundError('person');
        return submit(trx, deps, settings, period, now, {
          userId: user.id,
          actorId: user.id,
          role: input.role,
          answers,
          action: existing ? 'application.resubmitted' : 'application.submitted',
          ...(existing && { reopenId: existing.id }),
        });
      }),
    () => ALREADY_APPLIED(input.role),
  );
  await deliverRecorded(deps, [result.outboxId]);
  return result.application;
}

/** The owner's application, or "not found" for anyone else (they may not know it exists). */
async function ownApplication(db: Executor, actor: Actor, id: number): Promise<ApplicationRecord> {
  assertRowId(id, 'application');
  const a = await findApplication(db, id);
  if (!a || a.userId !== actor.userId) throw new NotFoundError('application');
  return a;
}

async function periodOf(db: Executor, a: ApplicationRecord): Promise<PeriodRecord> {
  const period = await findPeriod(db, a.periodId);
  if (!period) throw new NotFoundError('period');
  return period;
}

export async function editApplication(deps: Deps, actor: Actor, id: number, input: { answers: ApplicationAnswers }): Promise<Application> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await ownApplication(trx, actor, id);
    const period = await periodOf(trx, current);
    if (!canApplicantChange(current.status, windowOpen(period, settings, now))) throw WINDOW_CLOSED();
    const answers = await checkedAnswers(trx, settings, current.role, input.answers, current.answers.programGoalIds);
    const at = toInstant(now);
    await updateApplicationAnswers(trx, id, answers, at);
    await recordAudit(trx, { actorId: actor.userId, action: 'application.edited', entityType: 'application', entityId: id, at });
    return view({ ...current, answers, updatedAt: at }, settings, period, now, true);
  });
}

export async function withdrawApplication(deps: Deps, actor: Actor, id: number): Promise<Application> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await ownApplication(trx, actor, id);
    const period = await periodOf(trx, current);
    if (!canApplicantChange(current.status, windowOpen(period, settings, now))) throw WINDOW_CLOSED();
    const at = toInstant(now);
    if (!(await setApplicationStatus(trx, id, current.status, 'withdrawn', current.decisionReason, at))) throw STALE();
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'application.withdrawn',
      entityType: 'application',
      entityId: id,
      details: { from: current.status },
      at,
    });
    await syncParticipantRoles(trx, [current.userId]);
    return view({ ...current, status: 'withdrawn', updatedAt: at }, settings, period, now, true);
  });
}

const STALE = () => new ConflictError('STALE_APPLICATION', 'Someone else changed this application just now. Reload and try again.');

export async function setCarryForward(deps: Deps, actor: Actor, id: number, carryForward: boolean): Promise<Application> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await ownApplication(trx, actor, id);
    if (carryForward && !mayCarryForward(current.status)) {
      throw new ConflictError(
        'CANNOT_CARRY_FORWARD',
        'Only an application that was not matched or is on the waiting list can be carried over to the next period.',
      );
    }
    const at = toInstant(now);
    await setCarryForwardFlag(trx, id, carryForward, at);
    // The next period may already be taking applications: then the copy is made now.
    if (carryForward) await carryApplicationForward(trx, now, id, 'submitted', actor.userId);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'application.carry_forward_set',
      entityType: 'application',
      entityId: id,
      details: { carryForward },
      at,
    });
    return view({ ...current, carryForward, updatedAt: at }, settings, await periodOf(trx, current), now, true);
  });
}

export async function getApplication(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, id: number): Promise<Application> {
  assertRowId(id, 'application');
  const settings = await getSettings(deps);
  const a = await findApplication(deps.db, id);
  if (!a || (a.userId !== actor.userId && !isReviewer(actor))) throw new NotFoundError('application');
  const active = isReviewer(actor) ? (await activeMatchesOf(deps.db, [a])).get(a.id) : undefined;
  return view(a, settings, await findPeriod(deps.db, a.periodId), deps.clock.now(), true, active);
}

export async function listMyApplications(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<Application[]> {
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const [mine, periods] = await Promise.all([listApplicationsOfUser(deps.db, actor.userId), listPeriods(deps.db)]);
  const byId = new Map(periods.map((p) => [p.id, p]));
  return mine.map((a) => view(a, settings, byId.get(a.periodId), now, true));
}

/** What the staff list's answer is made of (checked under tests: memoUnlessChanged). */
const APPLICATION_LIST_READS = ['program_settings', 'periods', 'applications', 'users', 'matches'];

/** One page of a period's applications, filtered and sorted, with the whole period's counts by role and status. */
export async function listApplications(
  deps: Pick<Deps, 'db' | 'clock'>,
  periodId: number,
  query: ApplicationListQuery,
): Promise<{ applications: Application[]; counts: ApplicationCounts; nextCursor: string | null; total: number }> {
  assertRowId(periodId, 'period');
  const now = deps.clock.now();
  // The whole answer is kept between writes too (the lists' rule, unchanged-cache.ts), within the
  // minute (whether the application window is open turns at a minute boundary), so fifty staff
  // paging the same list share one answer, and its JSON is written once.
  return memoUnlessChanged(
    deps.db,
    `applications answer ${periodId} ${JSON.stringify(query)}`,
    async () => {
      const settings = await getSettings(deps);
      const period = await findPeriod(deps.db, periodId);
      if (!period) throw new NotFoundError('period');
      const [page, counts] = await Promise.all([
        searchApplications(deps.db, periodId, query).catch((err: unknown) => {
          if (err instanceof BadCursorError) throw NOT_A_CURSOR();
          throw err;
        }),
        countApplications(deps.db, periodId),
      ]);
      // Only reviewers reach this (the route says so), and they see confidential preferences.
      const active = await activeMatchesOf(deps.db, page.applications);
      return {
        applications: page.applications.map((a) => view(a, settings, period, now, true, active.get(a.id))),
        counts,
        nextCursor: page.nextCursor,
        total: page.total,
      };
    },
    { stamp: now.toISOString().slice(0, 16), reads: APPLICATION_LIST_READS },
  );
}

const NOT_A_CURSOR = () =>
  new InvalidInputError('BAD_CURSOR', 'This is not a cursor from a previous page of this list.', [
    { path: 'after', message: 'This is not a cursor from a previous page of this list.' },
  ]);

/** Rows whose outcome, e-mail and the like are worked out between two turns of the event loop. */
const BULK_SLICE = 500;

/**
 * One decision for every application the filter selects (the staff list's filters). Those whose
 * status cannot move to the decision (isLegalDecision), those who already have it, and for an
 * acceptance those with an eligibility answer to check (bulkOutcome) are left alone and
 * reported. A preview changes nothing. Applying is one transaction: the status changes a chunk
 * per statement, the participant roles, one e-mail per person through the outbox (as a single
 * decision sends), and one audit entry for the whole action. Only rows still in the status read
 * are moved, so a second identical call changes nothing.
 */
export async function bulkDecide(deps: Deps, actor: Actor, periodId: number, input: BulkDecisionBody): Promise<BulkDecisionResult> {
  if (!isReviewer(actor)) throw new PermissionError('FORBIDDEN', 'Only staff and the matching committee decide on applications.');
  assertRowId(periodId, 'period');
  const reason = input.reason.trim();
  if (input.decision === 'declined' && reason === '') {
    throw new RuleViolationError('REASON_REQUIRED', 'Say why the applications are declined, in a sentence the applicants will read.', [
      { path: 'reason', message: 'Say why, in a sentence the applicants will read.' },
    ]);
  }
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const at = toInstant(now);
  const work = async (db: Executor) => {
    const period = await findPeriod(db, periodId);
    if (!period) throw new NotFoundError('period');
    const candidates = await listDecisionCandidates(db, periodId, input.filter);
    const change: DecisionCandidate[] = [];
    const skipped = new Map<BulkSkipReason, DecisionCandidate[]>();
    for (let i = 0; i < candidates.length; i += BULK_SLICE) {
      if (i > 0) await nextTurn();
      for (const a of candidates.slice(i, i + BULK_SLICE)) {
        const outcome = bulkOutcome(a, input.decision, settings.eligibilityQuestions);
        if (outcome === 'change') change.push(a);
        else {
          const list = skipped.get(outcome) ?? [];
          list.push(a);
          skipped.set(outcome, list);
        }
      }
    }
    const shown = (list: readonly DecisionCandidate[]) =>
      list.slice(0, BULK_NAMES_SHOWN).map((a) => ({ applicationId: a.id, name: a.applicantName, role: a.role, status: a.status }));
    const result: BulkDecisionResult = {
      preview: input.preview,
      decision: input.decision,
      selected: candidates.length,
      changed: { count: change.length, first: shown(change) },
      skipped: BULK_SKIP_REASONS.flatMap((r) => {
        const list = skipped.get(r) ?? [];
        return list.length > 0 ? [{ reason: r, count: list.length, first: shown(list) }] : [];
      }),
    };
    if (input.preview || change.length === 0) return { result, outboxIds: [] };

    // SQLite answers synchronously: every chunk below is followed by a turn of the event loop, so
    // other requests are answered meanwhile (their queries wait for the commit).
    for (const from of DECIDABLE_STATUSES) {
      const ids = change.filter((a) => a.status === from).map((a) => a.id);
      for (let i = 0; i < ids.length; i += BULK_SLICE) {
        const chunk = ids.slice(i, i + BULK_SLICE);
        if ((await setDecisions(db, chunk, from, input.decision, reason || null, at)) !== chunk.length) throw BULK_STALE();
        await nextTurn();
      }
    }
    // People in ascending id order, a chunk at a time: the locks are still taken in one order.
    const people = [...new Set(change.map((a) => a.userId))].sort((a, b) => a - b);
    for (let i = 0; i < people.length; i += BULK_SLICE) {
      await syncParticipantRoles(db, people.slice(i, i + BULK_SLICE));
      await nextTurn();
    }
    const outboxIds: number[] = [];
    for (let i = 0; i < change.length; i += BULK_SLICE) {
      const drafts = change.slice(i, i + BULK_SLICE).map((a) =>
        decisionMail({
          programName: settings.programName,
          to: { address: a.applicantEmail, name: a.applicantName },
          role: a.role,
          periodName: period.name,
          homeLink: homeLink(deps),
          decision: input.decision,
          reason,
        }),
      );
      outboxIds.push(...(await recordMails(db, now, drafts)));
      await nextTurn();
    }
    await recordAudit(db, {
      actorId: actor.userId,
      action: 'applications.bulk_decided',
      entityType: 'period',
      entityId: periodId,
      details: {
        decision: input.decision,
        reason,
        filter: input.filter,
        count: change.length,
        selected: candidates.length,
        skipped: Object.fromEntries(result.skipped.map((s) => [s.reason, s.count])),
      },
      at,
    });
    return { result, outboxIds };
  };
  // A preview reads only; applying reads and writes in one transaction.
  const { result, outboxIds } = input.preview ? await work(deps.db) : await deps.db.transaction().execute(work);
  await deliverRecorded(deps, outboxIds);
  return result;
}

const BULK_STALE = () =>
  new ConflictError('STALE_APPLICATION', 'Someone changed some of these applications just now. Look at the preview again, then confirm.');

export async function decide(deps: Deps, actor: Actor, id: number, input: { decision: Decision; reason: string }): Promise<Application> {
  if (!isReviewer(actor)) throw new PermissionError('FORBIDDEN', 'Only staff and the matching committee decide on applications.');
  assertRowId(id, 'application');
  const reason = input.reason.trim();
  if (input.decision === 'declined' && reason === '') {
    throw new RuleViolationError('REASON_REQUIRED', 'Say why the application is declined, in a sentence the applicant will read.', [
      { path: 'reason', message: 'Say why, in a sentence the applicant will read.' },
    ]);
  }
  const settings = await getSettings(deps);
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const current = await findApplication(trx, id);
    if (!current) throw new NotFoundError('application');
    if (!isLegalDecision(current.status, input.decision)) {
      throw new ConflictError('ILLEGAL_DECISION', `An application that is ${current.status} cannot be ${input.decision}.`);
    }
    const at = toInstant(now);
    if (!(await setApplicationStatus(trx, id, current.status, input.decision, reason || null, at))) throw STALE();
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'application.decided',
      entityType: 'application',
      entityId: id,
      details: { from: current.status, to: input.decision, reason },
      at,
    });
    await syncParticipantRoles(trx, [current.userId]);
    const outboxId = await recordMail(
      trx,
      now,
      decisionMail({
        programName: settings.programName,
        to: { address: current.applicantEmail, name: current.applicantName },
        role: current.role,
        periodName: current.periodName,
        homeLink: homeLink(deps),
        decision: input.decision,
        reason,
      }),
    );
    const period = await periodOf(trx, current);
    return {
      outboxId,
      application: view(
        { ...current, status: input.decision, decisionReason: reason || null, updatedAt: at },
        settings,
        period,
        now,
        true,
        (await activeMatchesOf(trx, [current])).get(current.id),
      ),
    };
  });
  await deliverRecorded(deps, [result.outboxId]);
  return result.application;
}

/**
 * Copies applications whose owners asked to be carried forward into `periodId`, once each: the
 * copy points back at its source (carried_from_id), and nobody gets a second application for a
 * role they already hold in the period. Runs inside the caller's transaction (the period opening
 * for applications). Returns how many were copied.
 */
export async function carryForwardInto(db: Executor, now: Date, periodId: number): Promise<number> {
  const candidates = await listCarryForwardCandidates(db, periodId);
  const at = toInstant(now);
  for (const a of candidates) {
    await insertApplication(db, {
      periodId,
      userId: a.userId,
      role: a.role,
      answers: a.answers,
      // Staff place people whose match ended straight into the pool; an applicant's own wish is reviewed again.
      status: a.carryForwardAs,
      carriedFromId: a.id,
      at,
    });
  }
  await syncParticipantRoles(
    db,
    candidates.map((a) => a.userId),
  );
  if (candidates.length > 0) {
    await recordAudit(db, {
      actorId: null,
      action: 'applications.carried_forward',
      entityType: 'period',
      entityId: periodId,
      details: { count: candidates.length, from: candidates.map((a) => a.id) },
      at,
    });
  }
  return candidates.length;
}

// What other features may use of this feature's stores, inside their own transactions: named
// here so the list is explicit (the lint rule boundaries/dependencies keeps other features
// out of the stores themselves).
export {
  answerColumns,
  findApplication,
  insertApplication,
  listApplicationsForPeriod,
  listApplicationsOfUser,
  listMatchingPool,
  listMatchingPoolPeople,
  setApplicationStatus,
  setApplicationStatuses,
} from './applications.store.ts';
export { carryApplicationForward } from './carry-forward.ts';
export type { CarryOutcome } from './carry-forward.ts';
export { nextPeriodAfter } from './carry-forward.rules.ts';
