import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';
import { errorResponses } from '../../shared/api/common.ts';
import { acrossYearsQuerySchema, surveyTrendSchema, trendQuestionsSchema } from '../../shared/api/program-figures.ts';
import { listTrendQuestions, surveyTrend } from './survey-trends.service.ts';

/** Aggregates only: staff and the advisory task force (PRODUCT.md §10–§11). */
const READERS = ['staff', 'taskforce'] as const;
const TAGS = ['surveys'];

export function surveyTrendRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/survey-results/across-years/questions',
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: 'Questions of closed wrap-up surveys that can be followed from year to year',
          response: { 200: trendQuestionsSchema, ...errorResponses },
        },
      },
      () => listTrendQuestions(deps),
    );

    app.get(
      '/api/survey-results/across-years',
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: "One question's answers in each period's closed wrap-up survey, hidden where too few answered",
          querystring: acrossYearsQuerySchema,
          response: { 200: surveyTrendSchema, ...errorResponses },
        },
      },
      (request) => surveyTrend(deps, request.query.questionId),
    );
  };
}
