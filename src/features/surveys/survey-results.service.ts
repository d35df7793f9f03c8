import { randomInt } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import type { SurveyProgress, SurveyResults } from '../../shared/api/surveys.ts';
import { RESPONDENT_ROLES } from '../../shared/surveys.ts';
import type { ResultBreakdown } from '../../shared/surveys.ts';
import { calendarDateIn } from '../../time/calendar-date.ts';
import { addDays } from '../../time/zoned.ts';
import { getSettings } from '../programs/program.service.ts';
import { listSurveyInvitations, respondedByDay } from './survey-invitations.store.ts';
import { listNamedResponses, listResponses } from './survey-responses.store.ts';
import { sampleTexts, surveyResults } from './survey-results.rules.ts';
import { surveyState } from './survey.rules.ts';
import { findSurvey } from './surveys.store.ts';
import type { SurveyRecord } from './surveys.store.ts';
import { memoUnlessChanged } from '../../db/unchanged-cache.ts';

/** Reading a survey: response rates (who, never what), aggregate results, a named survey's answers. */

async function surveyOrNotFound(deps: Pick<Deps, 'db'>, id: number): Promise<SurveyRecord> {
  const survey = await findSurvey(deps.db, id);
  if (!survey) throw new NotFoundError('survey');
  return survey;
}

/** Counts by role and by day, and who has not answered yet so staff can nudge them. */
export async function surveyProgress(deps: Pick<Deps, 'db' | 'clock'>, id: number): Promise<SurveyProgress> {
  const survey = await surveyOrNotFound(deps, id);
  const { timeZone } = await getSettings(deps);
  const [invitations, byDay] = await Promise.all([listSurveyInvitations(deps.db, id), respondedByDay(deps.db, id)]);
  const invited = invitations.length;
  const responded = invitations.filter((i) => i.respondedOn !== null).length;
  const today = calendarDateIn(timeZone, deps.clock.now());
  const last = [today, survey.closesOn].sort()[0]!;
  const overTime: SurveyProgress['overTime'] = [];
  if (survey.publishedAt !== null && survey.opensOn <= last) {
    let total = 0;
    const counts = new Map(byDay.map((d) => [d.on, d.count]));
    for (let date = survey.opensOn; date <= last && overTime.length < 400; date = addDays(date, 1)) {
      total += counts.get(date) ?? 0;
      overTime.push({ date, responded: total, rate: invited === 0 ? 0 : total / invited });
    }
  }
  return {
    invited,
    responded,
    byRole: RESPONDENT_ROLES.map((role) => {
      const mine = invitations.filter((i) => i.role === role);
      return { role, invited: mine.length, responded: mine.filter((i) => i.respondedOn !== null).length };
    }).filter((r) => r.invited > 0),
    overTime,
    notYet: invitations
      .filter((i) => i.respondedOn === null)
      .map((i) => ({
        userId: i.userId,
        name: i.name,
        email: i.email,
        role: i.role,
        invitedAt: i.mailedAt,
        remindersSent: i.remindersSent,
        started: i.draftSavedAt !== null,
      })),
  };
}

/** What a closed survey's results are made of (checked under tests: memoUnlessChanged). */
const SURVEY_RESULT_READS = ['surveys', 'periods', 'program_settings', 'survey_responses', 'survey_drafts', 'survey_invitations', 'users'];

const cryptoRandom = () => randomInt(2 ** 31) / 2 ** 31;

/**
 * Aggregates only, and only once the survey has closed: totals that move while people answer
 * would let a reader who watches the not-yet list work out one person's answers by difference.
 */
export async function getSurveyResults(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: number,
  by: readonly ResultBreakdown[],
): Promise<SurveyResults> {
  const survey = await surveyOrNotFound(deps, id);
  const settings = await getSettings(deps);
  const state = surveyState(survey, settings.timeZone, deps.clock.now());
  if (state === 'draft') throw new NotFoundError('survey');
  if (state !== 'closed') {
    throw new ConflictError(
      'RESULTS_NOT_YET',
      `Results appear when the survey closes (${survey.closesOn}), so that nobody can work out one person's answers by watching the totals change.`,
    );
  }
  // A closed survey's answers change no more (reopening it is a write): what reading and adding up
  // 46,000 of them gives is kept until a table it reads is written (unchanged-cache.ts); each
  // answer then samples its written answers afresh.
  const full = await memoUnlessChanged(
    deps.db,
    `survey-results ${id} ${by.join(',')}`,
    async () => {
      // The survey and the settings read again in here, so that what the answer is made of is
      // among what it reads (a reopened survey, a new smallest group).
      const [kept, keptSettings] = [await surveyOrNotFound(deps, id), await getSettings(deps)];
      const [responses, invitations] = await Promise.all([listResponses(deps.db, id), listSurveyInvitations(deps.db, id)]);
      const min = keptSettings.surveyMinGroupSize;
      return {
        surveyId: kept.id,
        title: kept.title,
        periodName: kept.periodName,
        state,
        minGroupSize: min,
        respondents: responses.length,
        invited: invitations.length,
        questions: surveyResults(kept.questions, responses, { min, by, random: cryptoRandom }),
      };
    },
    { reads: SURVEY_RESULT_READS },
  );
  return { ...full, questions: sampleTexts(full.questions, cryptoRandom) };
}

/** A named survey's answers, person by person. An anonymous survey has no such thing to give. */
export async function namedSurveyAnswers(deps: Pick<Deps, 'db'>, id: number) {
  const survey = await surveyOrNotFound(deps, id);
  if (!survey.named) {
    throw new ConflictError('SURVEY_ANONYMOUS', 'This survey is anonymous: answers are kept apart from names and shown only in aggregate.');
  }
  const people = await listNamedResponses(deps.db, id);
  return {
    questions: survey.questions,
    people: people.map((p) => ({ userId: p.userId, name: p.name, role: p.role, answers: p.answers })),
  };
}
