import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { Answers, SurveyForm } from '../../shared/api/surveys.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { toInstant } from '../../time/instant.ts';
import type { Actor } from '../accounts/actor.ts';
import { getSettings } from '../programs/program.service.ts';
import { deleteDraft, findDraft, findSurveyInvitation, listInvitationsOf, markResponded, saveDraft } from './survey-invitations.store.ts';
import { addAnonymousResponse, addNamedResponse, listNamedResponses } from './survey-responses.store.ts';
import { myStatusOf, summaryOf } from './survey-view.ts';
import { answerProblems, cleanAnswers, questionsFor, surveyState } from './survey.rules.ts';
import { countResponse, findSurvey, lockSurvey } from './surveys.store.ts';

/**
 * A participant's use cases: read the form, save a draft, submit once. Someone who was not
 * invited gets a 404 — the survey is not theirs to know of.
 */

async function invitedTo(deps: Pick<Deps, 'db'>, actor: Actor, surveyId: number) {
  const [survey, invitation] = await Promise.all([findSurvey(deps.db, surveyId), findSurveyInvitation(deps.db, surveyId, actor.userId)]);
  if (!survey || !invitation || survey.publishedAt === null) throw new NotFoundError('survey');
  return { survey, invitation };
}

export async function getSurveyForm(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, surveyId: number): Promise<SurveyForm> {
  const { survey, invitation } = await invitedTo(deps, actor, surveyId);
  const { timeZone } = await getSettings(deps);
  const draft = invitation.respondedOn === null ? await findDraft(deps.db, invitation.id) : undefined;
  return {
    ...summaryOf(survey, timeZone, deps.clock.now()),
    role: invitation.role,
    questions: questionsFor(survey.questions, invitation.role),
    answers: draft ? (JSON.parse(draft.answers) as Answers) : {},
    status: myStatusOf(invitation),
    draftSavedAt: draft?.savedAt ?? null,
    submittedOn: invitation.respondedOn,
  };
}

function refuseIfNotOpen(state: string, respondedOn: string | null): void {
  if (respondedOn !== null)
    throw new ConflictError('ALREADY_ANSWERED', `You sent your answers on ${respondedOn}. Thank you — they cannot be changed.`);
  if (state !== 'open') throw new ConflictError('SURVEY_CLOSED', 'This survey is not open for answers.');
}

function refuseProblems(problems: ReturnType<typeof answerProblems>): void {
  if (problems.length > 0) throw new RuleViolationError('INVALID_ANSWERS', problems[0]!.message, problems);
}

/** Saves what they have so far; it can be finished later, on any device. */
export async function saveSurveyDraft(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  surveyId: number,
  answers: Answers,
): Promise<{ savedAt: string }> {
  const now = deps.clock.now();
  const at = toInstant(now);
  return deps.db.transaction().execute(async (trx) => {
    const { survey, invitation } = await invitedTo({ db: trx }, actor, surveyId);
    const { timeZone } = await getSettings({ db: trx });
    refuseIfNotOpen(surveyState(survey, timeZone, now), invitation.respondedOn);
    const questions = questionsFor(survey.questions, invitation.role);
    refuseProblems(answerProblems(questions, answers, { final: false }));
    await saveDraft(trx, invitation.id, JSON.stringify(cleanAnswers(questions, answers)), at);
    return { savedAt: at };
  });
}

/**
 * Submits, once and for good, under the survey's lock. For an anonymous survey the answers go
 * to the answers side with no person and no time (hidden in a reshuffled crowd), the identity
 * side records only the date, and the draft is deleted — all in one transaction.
 */
export async function submitSurvey(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  surveyId: number,
  answers: Answers,
): Promise<{ submittedOn: string }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await invitedTo({ db: trx }, actor, surveyId);
    await lockSurvey(trx, surveyId);
    const { survey, invitation } = await invitedTo({ db: trx }, actor, surveyId);
    const { timeZone } = await getSettings({ db: trx });
    refuseIfNotOpen(surveyState(survey, timeZone, now), invitation.respondedOn);
    const questions = questionsFor(survey.questions, invitation.role);
    refuseProblems(answerProblems(questions, answers, { final: true }));
    const today = calendarDateIn(timeZone, now);
    if (!(await markResponded(trx, invitation.id, today))) {
      throw new ConflictError('ALREADY_ANSWERED', 'You have already sent your answers. Thank you.');
    }
    const response = { role: invitation.role, answers: cleanAnswers(questions, answers) };
    if (survey.named) await addNamedResponse(trx, survey.id, response, actor.userId);
    else await addAnonymousResponse(trx, survey.id, response);
    await countResponse(trx, survey.id);
    await deleteDraft(trx, invitation.id);
    return { submittedOn: today };
  });
}

/** One survey a person was asked to answer, as their own data shows it. */
export interface MySurveyRecord {
  surveyId: number;
  title: string;
  periodName: string;
  named: boolean;
  respondedOn: string | null;
  /** A named survey's answers with their questions; null for an anonymous survey (never linked to them). */
  answers: { question: string; answer: unknown }[] | null;
}

/**
 * The surveys a person was invited to and, for named ones, what they answered. Anonymous
 * answers are stored apart from identities and cannot be found from the person: the caller
 * learns only that they answered and when (which the invitation records anyway).
 */
export async function listMySurveyRecords(deps: Pick<Deps, 'db'>, actor: Actor): Promise<MySurveyRecord[]> {
  const out: MySurveyRecord[] = [];
  for (const invitation of await listInvitationsOf(deps.db, actor.userId)) {
    const survey = await findSurvey(deps.db, invitation.surveyId);
    if (!survey) continue;
    let answers: MySurveyRecord['answers'] = null;
    if (survey.named) {
      const mine = (await listNamedResponses(deps.db, survey.id)).find((r) => r.userId === actor.userId);
      answers = mine
        ? survey.questions.flatMap((q) => (q.id in mine.answers ? [{ question: q.text, answer: mine.answers[q.id] as unknown }] : []))
        : [];
    }
    out.push({
      surveyId: survey.id,
      title: survey.title,
      periodName: survey.periodName,
      named: survey.named,
      respondedOn: invitation.respondedOn,
      answers,
    });
  }
  return out;
}
