import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema, okSchema } from '../../shared/api/common.ts';
import { notYetListSchema, notYetQuerySchema } from '../../shared/api/survey-not-yet.ts';
import {
  createSurveyBodySchema,
  draftSavedSchema,
  extendSurveyBodySchema,
  namedAnswersSchema,
  resultsQuerySchema,
  saveDraftBodySchema,
  submitBodySchema,
  submittedSchema,
  surveyFormSchema,
  surveyListSchema,
  surveyProgressSchema,
  surveyResultsSchema,
  surveySchema,
  updateSurveyBodySchema,
} from '../../shared/api/surveys.ts';
import { getSurveyForm, saveSurveyDraft, submitSurvey } from './survey-answers.service.ts';
import { surveyNotYet, surveyProgress } from './survey-progress.service.ts';
import { sendWrittenJson } from '../../http/send-written-json.ts';
import { getSurveyResultsJson, namedSurveyAnswers } from './survey-results.service.ts';
import {
  changeSurvey,
  closeSurvey,
  createSurvey,
  extendSurvey,
  getSurvey,
  listResultSurveys,
  listSurveysFor,
  publishSurvey,
  removeSurvey,
} from './surveys.service.ts';

const STAFF = ['staff'] as const;
/** Aggregates only: staff and the advisory task force (PRODUCT.md §10). */
const RESULT_READERS = ['staff', 'taskforce'] as const;
const TAGS = ['surveys'];

export function surveyRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/surveys',
      {
        config: { access: 'signed-in' },
        schema: { tags: TAGS, summary: 'The surveys I can answer (staff: all)', response: { 200: surveyListSchema, ...errorResponses } },
      },
      async (request) => ({ surveys: await listSurveysFor(deps, actorOf(request)) }),
    );

    app.get(
      '/api/survey-results',
      {
        config: { access: RESULT_READERS },
        schema: {
          tags: TAGS,
          summary: 'Surveys whose aggregate results I may read',
          response: { 200: surveyListSchema, ...errorResponses },
        },
      },
      async () => ({ surveys: await listResultSurveys(deps) }),
    );

    app.post(
      '/api/surveys',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'A new draft for a period: the default wrap-up survey or mid-point check-in, ready to edit',
          body: createSurveyBodySchema,
          response: { 201: surveySchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await createSurvey(deps, actorOf(request), request.body)),
    );

    app.get(
      '/api/surveys/:id',
      {
        config: { access: STAFF },
        schema: { tags: TAGS, summary: 'One survey, whole', params: idParamsSchema, response: { 200: surveySchema, ...errorResponses } },
      },
      (request) => getSurvey(deps, request.params.id),
    );

    app.patch(
      '/api/surveys/:id',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Change a survey; once anyone has answered, only the wording of questions (each fix is recorded)',
          params: idParamsSchema,
          body: updateSurveyBodySchema,
          response: { 200: surveySchema, ...errorResponses },
        },
      },
      (request) => changeSurvey(deps, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/surveys/:id',
      {
        config: { access: STAFF },
        schema: { tags: TAGS, summary: 'Delete a draft', params: idParamsSchema, response: { 200: okSchema, ...errorResponses } },
      },
      async (request) => {
        await removeSurvey(deps, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/surveys/:id/publish',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Schedule a draft: it opens on its date and its audience is invited by e-mail',
          params: idParamsSchema,
          response: { 200: surveySchema, ...errorResponses },
        },
      },
      (request) => publishSurvey(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/surveys/:id/close',
      {
        config: { access: STAFF },
        schema: { tags: TAGS, summary: 'Close a survey now', params: idParamsSchema, response: { 200: surveySchema, ...errorResponses } },
      },
      (request) => closeSurvey(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/surveys/:id/extend',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Give people longer: a later closing date',
          params: idParamsSchema,
          body: extendSurveyBodySchema,
          response: { 200: surveySchema, ...errorResponses },
        },
      },
      (request) => extendSurvey(deps, actorOf(request), request.params.id, request.body.closesOn),
    );

    app.get(
      '/api/surveys/:id/progress',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Response rates by role and by day (never what anyone said)',
          params: idParamsSchema,
          response: { 200: surveyProgressSchema, ...errorResponses },
        },
      },
      (request) => surveyProgress(deps, request.params.id),
    );

    app.get(
      '/api/surveys/:id/not-yet',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: 'Who has not answered yet, to nudge them: searched, filtered, a page at a time (never what anyone said)',
          params: idParamsSchema,
          querystring: notYetQuerySchema,
          response: { 200: notYetListSchema, ...errorResponses },
        },
      },
      (request) => surveyNotYet(deps, request.params.id, request.query),
    );

    app.get(
      '/api/surveys/:id/results',
      {
        config: { access: RESULT_READERS },
        schema: {
          tags: TAGS,
          summary: 'Aggregate results once closed; any group under the threshold is hidden',
          params: idParamsSchema,
          querystring: resultsQuerySchema,
          response: { 200: surveyResultsSchema, ...errorResponses },
        },
      },
      // Checked against the schema above and written as JSON by the service (getSurveyResultsJson).
      async (request, reply) =>
        sendWrittenJson(reply, await getSurveyResultsJson(deps, request.params.id, request.query.by ? [request.query.by] : [])),
    );

    app.get(
      '/api/surveys/:id/answers',
      {
        config: { access: STAFF },
        schema: {
          tags: TAGS,
          summary: "A named survey's answers, person by person (an anonymous survey has none to give)",
          params: idParamsSchema,
          response: { 200: namedAnswersSchema, ...errorResponses },
        },
      },
      (request) => namedSurveyAnswers(deps, request.params.id),
    );

    app.get(
      '/api/surveys/:id/form',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'The survey as I answer it: my questions, my draft, where I stand',
          params: idParamsSchema,
          response: { 200: surveyFormSchema, ...errorResponses },
        },
      },
      (request) => getSurveyForm(deps, actorOf(request), request.params.id),
    );

    app.put(
      '/api/surveys/:id/draft',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Save my answers so far, to finish later',
          params: idParamsSchema,
          body: saveDraftBodySchema,
          response: { 200: draftSavedSchema, ...errorResponses },
        },
      },
      (request) => saveSurveyDraft(deps, actorOf(request), request.params.id, request.body.answers),
    );

    app.post(
      '/api/surveys/:id/response',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: TAGS,
          summary: 'Send my answers, once and for good',
          params: idParamsSchema,
          body: submitBodySchema,
          response: { 201: submittedSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await submitSurvey(deps, actorOf(request), request.params.id, request.body.answers)),
    );
  };
}
