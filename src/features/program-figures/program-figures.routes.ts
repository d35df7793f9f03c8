import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';
import { errorResponses } from '../../shared/api/common.ts';
import { periodQuerySchema, programFiguresSchema } from '../../shared/api/program-figures.ts';
import { chartOptionsSchema } from '../../shared/api/reports.ts';
import { chartOptions, programFigures } from './program-figures.service.ts';

/** The task force's workspace: counts only, never a person (PRODUCT.md §11, decision 0012). */
const READERS = ['staff', 'taskforce'] as const;
const TAGS = ['workspace'];

export function programFigureRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/program-figures',
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: "A period's own figures as charts, each hidden when a group would be under the confidentiality threshold",
          querystring: periodQuerySchema,
          response: { 200: programFiguresSchema, ...errorResponses },
        },
      },
      (request) => programFigures(deps, request.query.periodId),
    );

    app.get(
      '/api/report-charts/options',
      {
        config: { access: READERS },
        schema: {
          tags: TAGS,
          summary: "Charts a report may show for a period: its figures and its closed surveys' questions, each with its data",
          querystring: periodQuerySchema,
          response: { 200: chartOptionsSchema, ...errorResponses },
        },
      },
      (request) => chartOptions(deps, request.query.periodId),
    );
  };
}
