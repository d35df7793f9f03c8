import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, errorSchema, idParamsSchema } from '../../shared/api/common.ts';
import { myMatchListSchema } from '../../shared/api/matching.ts';
import { matchWorkspaceSchema } from '../../shared/api/workspace.ts';
import { listMyMatches } from './matches.service.ts';
import { getMatchWorkspace } from './workspace.service.ts';

export function matchRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/my/matches',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['matches'],
          summary: 'My matches: my partner and how to reach them',
          response: { 200: myMatchListSchema, 401: errorSchema },
        },
      },
      async (request) => ({ matches: await listMyMatches(deps, actorOf(request)) }),
    );

    app.get(
      '/api/matches/:id/workspace',
      {
        // Signed in; the service lets in only the match's two people and staff (404 for anyone else).
        config: { access: 'signed-in' },
        schema: {
          tags: ['matches'],
          summary: "A match's workspace: the partner, the dates that matter, keeping in touch, resources",
          params: idParamsSchema,
          response: { 200: matchWorkspaceSchema, ...errorResponses },
        },
      },
      (request) => getMatchWorkspace(deps, actorOf(request), request.params.id),
    );
  };
}
