import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorSchema } from '../../shared/api/common.ts';
import { myMatchListSchema } from '../../shared/api/matching.ts';
import { listMyMatches } from './matches.service.ts';

export function matchRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/my/matches',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['matches'], summary: 'My matches: my partner and how to reach them', response: { 200: myMatchListSchema, 401: errorSchema } },
      },
      async (request) => ({ matches: await listMyMatches(deps, actorOf(request)) }),
    );
  };
}
