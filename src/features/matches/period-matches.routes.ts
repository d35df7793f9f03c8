import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { periodMatchListSchema, periodMatchQuerySchema } from '../../shared/api/period-matches.ts';
import { searchMatchesOfPeriod } from './period-matches.service.ts';

export function periodMatchRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/periods/:id/matches',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['matches'],
          summary: "A period's matches, ended ones too: searched, filtered, a page at a time",
          params: idParamsSchema,
          querystring: periodMatchQuerySchema,
          response: { 200: periodMatchListSchema, ...errorResponses },
        },
      },
      (request) => searchMatchesOfPeriod(deps, request.params.id, request.query),
    );
  };
}
