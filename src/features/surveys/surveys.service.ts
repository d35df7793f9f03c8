import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/executor.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { Survey, SurveyListItem, UpdateSurvey } from '../../shared/api/surveys.ts';
import type { SurveyKind } from '../../shared/surveys.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { hasRole } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { enqueueMany } from '../jobs/jobs.service.ts';
import { findPeriod } from '../periods/periods.service.ts';
import { findSettings, getSettings } from '../programs/program.service.ts';
import { midPointCheckIn, wrapUpSurvey } from './default-surveys.ts';
import { countInvitations, insertSurveyInvitations, listInvitationsOf, uninvitedAudience } from './survey-invitations.store.ts';
import { listItemOf, surveyViewOf } from './survey-view.ts';
import type { Problem } from './survey.rules.ts';
import {
  defaultDates,
  frozenChangeProblems,
  hasOpened,
  questionProblems,
  scheduleProblems,
  surveyState,
  wordingChanges,
} from './survey.rules.ts';
import { deleteSurvey, findSurvey, insertSurvey, listSurveys, updateSurvey } from './surveys.store.ts';
import type { SurveyColumns, SurveyRecord } from './surveys.store.ts';

/** Staff's use cases for surveys: build, schedule, close, extend. One transaction each. */

export const SURVEY_INVITE_JOB_KIND = 'survey.invite';

function refuse(code: string, problems: readonly Problem[]): never {
  throw new RuleViolationError(code, problems[0]!.message, [...problems]);
}

async function timeZoneOf(db: Executor): Promise<string> {
  return (await findSettings(db))?.timeZone ?? 'UTC';
}

async function viewOne(deps: Pick<Deps, 'db' | 'clock'>, id: number): Promise<Survey> {
  const [survey, timeZone] = await Promise.all([findSurvey(deps.db, id), timeZoneOf(deps.db)]);
  if (!survey) throw new NotFoundError('survey');
  const counts = (await countInvitations(deps.db, [id])).get(id) ?? { invited: 0, responded: 0 };
  return surveyViewOf(survey, timeZone, deps.clock.now(), counts);
}

export const getSurvey = (deps: Pick<Deps, 'db' | 'clock'>, id: number): Promise<Survey> => viewOne(deps, id);

/**
 * Staff see every survey with its counts; anyone else the open surveys they were invited to,
 * with where they stand (a survey they already answered stays, marked as sent, until it closes).
 */
export async function listSurveysFor(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<SurveyListItem[]> {
  const now = deps.clock.now();
  const timeZone = await timeZoneOf(deps.db);
  if (hasRole(actor, 'staff')) {
    const surveys = await listSurveys(deps.db);
    const counts = await countInvitations(
      deps.db,
      surveys.map((s) => s.id),
    );
    return surveys.map((s) => listItemOf(s, timeZone, now, { counts: counts.get(s.id) ?? { invited: 0, responded: 0 } }));
  }
  const invitations = new Map((await listInvitationsOf(deps.db, actor.userId)).map((i) => [i.surveyId, i]));
  const surveys = await listSurveys(deps.db, { ids: [...invitations.keys()] });
  return surveys
    .filter((s) => surveyState(s, timeZone, now) === 'open')
    .map((s) => listItemOf(s, timeZone, now, { invitation: invitations.get(s.id)! }));
}

/** Surveys whose results staff and the task force may read: every published one. */
export async function listResultSurveys(deps: Pick<Deps, 'db' | 'clock'>): Promise<SurveyListItem[]> {
  const now = deps.clock.now();
  const timeZone = await timeZoneOf(deps.db);
  const surveys = await listSurveys(deps.db, { publishedOnly: true });
  const counts = await countInvitations(
    deps.db,
    surveys.map((s) => s.id),
  );
  return surveys.map((s) => listItemOf(s, timeZone, now, { counts: counts.get(s.id) ?? { invited: 0, responded: 0 } }));
}

/** A new draft for a period, filled with the default wrap-up survey or mid-point check-in. */
export async function createSurvey(deps: Deps, actor: Actor, input: { periodId: number; kind: SurveyKind }): Promise<Survey> {
  const now = deps.clock.now();
  const at = toInstant(now);
  const id = await deps.db.transaction().execute(async (trx) => {
    const period = await findPeriod(trx, input.periodId);
    if (!period)
      throw new RuleViolationError('UNKNOWN_PERIOD', 'There is no such period.', [{ path: 'periodId', message: 'Choose a period.' }]);
    const settings = await getSettings({ db: trx });
    const template = input.kind === 'wrap-up' ? wrapUpSurvey(period.name) : midPointCheckIn(period.name);
    const window = { opensOn: period.surveyOpensOn, closesOn: period.surveyClosesOn };
    const dates = defaultDates(input.kind, window, calendarDateIn(settings.timeZone, now));
    const id = await insertSurvey(
      trx,
      {
        period_id: period.id,
        kind: input.kind,
        title: template.title,
        intro: template.intro,
        audience: 'both',
        named: 0,
        opens_on: dates.opensOn,
        closes_on: dates.closesOn,
        questions: JSON.stringify(template.questions),
      },
      actor.userId,
      at,
    );
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'survey.created',
      entityType: 'survey',
      entityId: id,
      details: { kind: input.kind },
      at,
    });
    return id;
  });
  return viewOne(deps, id);
}

/**
 * Changes a survey. Before it opens, anything may change. Once open, the audience, the opening
 * date and whether it is named are settled, and it may only close later. Once anyone has
 * answered, only the wording of questions may change, and each fix is kept on record.
 */
export async function changeSurvey(deps: Deps, actor: Actor, id: number, patch: UpdateSurvey): Promise<Survey> {
  const now = deps.clock.now();
  const at = toInstant(now);
  await deps.db.transaction().execute(async (trx) => {
    const survey = await findSurvey(trx, id);
    if (!survey) throw new NotFoundError('survey');
    const { timeZone } = await getSettings({ db: trx });
    const state = surveyState(survey, timeZone, now);
    const opened = hasOpened(survey, timeZone, now);
    const onlyWording = Object.keys(patch).every((k) => k === 'questions');
    if (state === 'closed' && !onlyWording) {
      throw new ConflictError('SURVEY_CLOSED', 'This survey has closed: only the wording of its questions may still be corrected.');
    }
    if (opened) {
      const settled = (['audience', 'named', 'opensOn'] as const).filter((k) => patch[k] !== undefined && patch[k] !== survey[k]);
      if (settled.length > 0) {
        throw new ConflictError(
          'SURVEY_OPENED',
          'This survey has opened: who it is for, its opening date and whether it is named can no longer change.',
          settled.map((k) => ({ path: k, message: 'Settled when the survey opened.' })),
        );
      }
      if (patch.closesOn !== undefined && patch.closesOn < survey.closesOn) {
        refuse('SURVEY_OPENED', [{ path: 'closesOn', message: 'An open survey may close later, not earlier: use "Close now" to end it.' }]);
      }
    }
    const columns: Partial<SurveyColumns & { wording_changes: string }> = {};
    if (patch.title !== undefined) columns.title = patch.title;
    if (patch.intro !== undefined) columns.intro = patch.intro;
    if (patch.audience !== undefined) columns.audience = patch.audience;
    if (patch.named !== undefined) columns.named = patch.named ? 1 : 0;
    const dates = { opensOn: patch.opensOn ?? survey.opensOn, closesOn: patch.closesOn ?? survey.closesOn };
    if (patch.opensOn !== undefined || patch.closesOn !== undefined) {
      const problems = scheduleProblems(dates, { kind: survey.kind, window: survey.window, today: calendarDateIn(timeZone, now) });
      if (problems.length > 0) refuse('SURVEY_DATES', problems);
      columns.opens_on = dates.opensOn;
      columns.closes_on = dates.closesOn;
    }
    let fixes: { questionId: string; before: string; after: string }[] = [];
    if (patch.questions !== undefined) {
      const problems = questionProblems(patch.questions);
      if (problems.length > 0) refuse('SURVEY_QUESTIONS', problems);
      if (survey.responseCount > 0) {
        const frozen = frozenChangeProblems(survey.questions, patch.questions);
        if (frozen.length > 0) refuse('QUESTIONS_FROZEN', frozen);
        fixes = wordingChanges(survey.questions, patch.questions);
        if (fixes.length > 0) {
          const by = await actorName(trx, actor.userId);
          columns.wording_changes = JSON.stringify([
            ...survey.wordingChanges,
            ...fixes.map((f) => ({ ...f, changedAt: at, changedBy: by })),
          ]);
        }
      }
      columns.questions = JSON.stringify(patch.questions);
    }
    await updateSurvey(trx, id, columns, at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: fixes.length > 0 ? 'survey.wording_fixed' : 'survey.changed',
      entityType: 'survey',
      entityId: id,
      details: { fields: Object.keys(patch), ...(fixes.length > 0 ? { fixes } : {}) },
      at,
    });
  });
  return viewOne(deps, id);
}

async function actorName(db: Executor, userId: number): Promise<string> {
  const r = await db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst();
  return r?.name ?? 'Staff';
}

/** Drafts only: a published survey has been announced and is kept. */
export async function removeSurvey(deps: Deps, actor: Actor, id: number): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const survey = await findSurvey(trx, id);
    if (!survey) throw new NotFoundError('survey');
    if (survey.publishedAt !== null) throw new ConflictError('SURVEY_PUBLISHED', 'A scheduled survey cannot be deleted: close it instead.');
    await deleteSurvey(trx, id);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'survey.deleted',
      entityType: 'survey',
      entityId: id,
      at: toInstant(deps.clock.now()),
    });
  });
}

/**
 * Invites the period's matched people in the audience who are not invited yet, each with an
 * invitation e-mail through the job queue (the dedupe key sends it once). Returns how many.
 */
export async function inviteSurveyAudience(
  db: Executor,
  survey: Pick<SurveyRecord, 'id' | 'periodId' | 'audience'>,
  now: Date,
): Promise<number> {
  const people = await uninvitedAudience(db, survey);
  const added = await insertSurveyInvitations(db, survey.id, people, toInstant(now));
  await enqueueMany(
    db,
    now,
    added.map((userId) => ({
      kind: SURVEY_INVITE_JOB_KIND,
      dedupeKey: `survey:${survey.id}:invite:${userId}`,
      runAt: now,
      maxAttempts: 5,
      payload: { surveyId: survey.id, userId },
    })),
  );
  return added.length;
}

/** Schedules a draft: it opens on its date (at once, if that is today) and invitations go out then. */
export async function publishSurvey(deps: Deps, actor: Actor, id: number): Promise<Survey> {
  const now = deps.clock.now();
  const at = toInstant(now);
  await deps.db.transaction().execute(async (trx) => {
    const survey = await findSurvey(trx, id);
    if (!survey) throw new NotFoundError('survey');
    if (survey.publishedAt !== null) throw new ConflictError('SURVEY_PUBLISHED', 'This survey is already scheduled.');
    const { timeZone } = await getSettings({ db: trx });
    const problems = [
      ...scheduleProblems(survey, { kind: survey.kind, window: survey.window, today: calendarDateIn(timeZone, now) }),
      ...questionProblems(survey.questions),
    ];
    if (problems.length > 0) refuse('SURVEY_NOT_READY', problems);
    await updateSurvey(trx, id, { published_at: at }, at);
    const invited =
      surveyState({ ...survey, publishedAt: at }, timeZone, now) === 'open' ? await inviteSurveyAudience(trx, survey, now) : 0;
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'survey.published',
      entityType: 'survey',
      entityId: id,
      details: { invited },
      at,
    });
  });
  return viewOne(deps, id);
}

/** Ends a scheduled or open survey now. Final: a closed survey does not reopen. */
export async function closeSurvey(deps: Deps, actor: Actor, id: number): Promise<Survey> {
  const now = deps.clock.now();
  const at = toInstant(now);
  await deps.db.transaction().execute(async (trx) => {
    const survey = await findSurvey(trx, id);
    if (!survey) throw new NotFoundError('survey');
    const { timeZone } = await getSettings({ db: trx });
    const state = surveyState(survey, timeZone, now);
    if (state === 'draft') throw new ConflictError('SURVEY_DRAFT', 'This survey is a draft: delete it instead.');
    if (state === 'closed') throw new ConflictError('SURVEY_CLOSED', 'This survey has already closed.');
    await updateSurvey(trx, id, { closed_early_at: at }, at);
    await recordAudit(trx, { actorId: actor.userId, action: 'survey.closed', entityType: 'survey', entityId: id, at });
  });
  return viewOne(deps, id);
}

/**
 * Gives people longer. Only while it is scheduled or open: reopening a closed survey would let
 * anyone who read its results work out a late answer by difference (decision 0012).
 */
export async function extendSurvey(deps: Deps, actor: Actor, id: number, closesOn: string): Promise<Survey> {
  const now = deps.clock.now();
  const at = toInstant(now);
  await deps.db.transaction().execute(async (trx) => {
    const survey = await findSurvey(trx, id);
    if (!survey) throw new NotFoundError('survey');
    const { timeZone } = await getSettings({ db: trx });
    const state = surveyState(survey, timeZone, now);
    if (state === 'closed') {
      throw new ConflictError('SURVEY_CLOSED', 'A closed survey cannot reopen: its results may already have been read.');
    }
    if (closesOn <= survey.closesOn) refuse('SURVEY_DATES', [{ path: 'closesOn', message: `Choose a date after ${survey.closesOn}.` }]);
    const problems = scheduleProblems(
      { opensOn: survey.opensOn, closesOn },
      { kind: survey.kind, window: survey.window, today: calendarDateIn(timeZone, now) },
    );
    if (problems.length > 0) refuse('SURVEY_DATES', problems);
    await updateSurvey(trx, id, { closes_on: closesOn }, at);
    await recordAudit(trx, {
      actorId: actor.userId,
      action: 'survey.extended',
      entityType: 'survey',
      entityId: id,
      details: { from: survey.closesOn, to: closesOn },
      at,
    });
  });
  return viewOne(deps, id);
}
