import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import {
  assignLiaisonBodySchema,
  liaisonAssignmentSchema,
  periodLiaisonsQuerySchema,
  periodLiaisonsSchema,
  spreadLiaisonsBodySchema,
  spreadResultSchema,
} from '../../shared/api/liaisons.ts';
import { liaisonMatchesSchema } from '../../shared/api/program-health.ts';
import { assignLiaison, getMyLiaisonMatches, getPeriodLiaisons, spreadLiaisons } from './liaisons.service.ts';

export function liaisonRoutes(deps: Deps) {
  return async (app: App) => {
    app.put(
      '/api/matches/:id/liaison',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['liaisons'],
          summary: 'Give a match a liaison (a committee member), or none with null; the liaison is e-mailed',
          params: idParamsSchema,
          body: assignLiaisonBodySchema,
          response: { 200: liaisonAssignmentSchema, ...errorResponses },
        },
      },
      (request) => assignLiaison(deps, actorOf(request), request.params.id, request.body.liaisonUserId),
    );

    app.post(
      '/api/periods/:id/liaisons/spread',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['liaisons'],
          summary: "Spread a period's active matches evenly over the chosen committee members",
          params: idParamsSchema,
          body: spreadLiaisonsBodySchema,
          response: { 200: spreadResultSchema, ...errorResponses },
        },
      },
      (request) => spreadLiaisons(deps, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/periods/:id/liaisons',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['liaisons'],
          summary: "A period's active matches with their liaisons (searched, a page at a time), and the committee members to choose from",
          params: idParamsSchema,
          querystring: periodLiaisonsQuerySchema,
          response: { 200: periodLiaisonsSchema, ...errorResponses },
        },
      },
      (request) => getPeriodLiaisons(deps, request.params.id, request.query),
    );

    app.get(
      '/api/my/liaison-matches',
      {
        config: { access: ['committee'] },
        schema: {
          tags: ['liaisons'],
          summary: 'The pairs I look after as liaison, with what needs attention (only mine)',
          response: { 200: liaisonMatchesSchema, ...errorResponses },
        },
      },
      (request) => getMyLiaisonMatches(deps, actorOf(request)),
    );
  };
}
