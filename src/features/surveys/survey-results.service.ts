import { randomBytes, randomFillSync } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import { ConflictError, NotFoundError } from '../../errors.ts';
import { surveyResultsSchema } from '../../shared/api/surveys.ts';
import type { SurveyResults } from '../../shared/api/surveys.ts';
import type { ResultBreakdown } from '../../shared/surveys.ts';
import { getSettings } from '../programs/program.service.ts';
import { countInvitations } from './survey-invitations.store.ts';
import { listNamedResponses, listResponses } from './survey-responses.store.ts';
import { sampleTexts, surveyResults } from './survey-results.rules.ts';
import { sampledJsonOf, writeSampled } from './survey-results-json.ts';
import type { SampledJson } from './survey-results-json.ts';
import { surveyState } from './survey.rules.ts';
import { findSurvey } from './surveys.store.ts';
import type { SurveyRecord } from './surveys.store.ts';
import { isKeptAnswer, memoUnlessChanged } from '../../db/unchanged-cache.ts';

/** Reading a survey's answers: aggregate results, a named survey's answers (rates: survey-progress.service.ts). */

/** The survey, or a 404. */
export async function surveyOrNotFound(deps: Pick<Deps, 'db'>, id: number): Promise<SurveyRecord> {
  const survey = await findSurvey(deps.db, id);
  if (!survey) throw new NotFoundError('survey');
  return survey;
}

/** What a closed survey's results are made of (checked under tests: memoUnlessChanged). */
const SURVEY_RESULT_READS = ['surveys', 'periods', 'program_settings', 'survey_responses', 'survey_invitations'];

/** Numbers in [0, 1) from the operating system's random source, a thousand drawn at a time. */
const drawn = new Uint32Array(1024);
let nextDrawn = drawn.length;
const cryptoRandom = (): number => {
  if (nextDrawn === drawn.length) {
    randomFillSync(drawn);
    nextDrawn = 0;
  }
  return drawn[nextDrawn++]! / 2 ** 32;
};

/**
 * Aggregates only, and only once the survey has closed: totals that move while people answer
 * would let a reader who watches the not-yet list work out one person's answers by difference.
 * Every written answer is in here: an answer sent shows a sample (sampleTexts).
 */
async function closedSurveyResults(deps: Pick<Deps, 'db' | 'clock'>, id: number, by: readonly ResultBreakdown[]): Promise<SurveyResults> {
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
      const [responses, invitations] = await Promise.all([listResponses(deps.db, id), countInvitations(deps.db, [id])]);
      const min = keptSettings.surveyMinGroupSize;
      return {
        surveyId: kept.id,
        title: kept.title,
        periodName: kept.periodName,
        state,
        minGroupSize: min,
        respondents: responses.length,
        invited: invitations.get(id)?.invited ?? 0,
        questions: surveyResults(kept.questions, responses, { min, by, random: cryptoRandom }),
      };
    },
    { reads: SURVEY_RESULT_READS },
  );
  return full;
}

/** A closed survey's results, with a random sample of each summary's written answers. */
export async function getSurveyResults(
  deps: Pick<Deps, 'db' | 'clock'>,
  id: number,
  by: readonly ResultBreakdown[],
): Promise<SurveyResults> {
  const full = await closedSurveyResults(deps, id, by);
  return { ...full, questions: sampleTexts(full.questions, cryptoRandom) };
}

/** The JSON of each kept result, checked against the route's schema once, gaps left for samples. */
const keptJson = new WeakMap<SurveyResults, SampledJson>();

/**
 * getSurveyResults as the route sends it: the same answer (checked against `surveyResultsSchema`,
 * unknown fields dropped), written as JSON from what was written once for the kept results.
 */
export async function getSurveyResultsJson(deps: Pick<Deps, 'db' | 'clock'>, id: number, by: readonly ResultBreakdown[]): Promise<string> {
  const full = await closedSurveyResults(deps, id, by);
  // Worked out afresh (PostgreSQL, a transaction): nothing to write once for.
  if (!isKeptAnswer(full))
    return JSON.stringify(surveyResultsSchema.parse({ ...full, questions: sampleTexts(full.questions, cryptoRandom) }));
  let json = keptJson.get(full);
  if (!json) {
    json = sampledJsonOf(surveyResultsSchema.parse(full), randomBytes(16).toString('hex'));
    keptJson.set(full, json);
  }
  return writeSampled(json, cryptoRandom);
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
