import type { Deps } from '../../deps.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import {
  createPeriodBodySchema,
  periodListSchema,
  periodSchema,
  transitionBodySchema,
  updatePeriodBodySchema,
} from '../../shared/api/periods.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { createPeriod, getPeriod, listPeriodViews, transitionPeriod, updatePeriod } from './periods.service.ts';

export function periodRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/periods',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['periods'], summary: 'Program periods, newest first', response: { 200: periodListSchema, ...errorResponses } },
      },
      async () => ({ periods: await listPeriodViews(deps) }),
    );

    app.get(
      '/api/periods/:id',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['periods'], summary: 'One period', params: idParamsSchema, response: { 200: periodSchema, ...errorResponses } },
      },
      (request) => getPeriod(deps, request.params.id),
    );

    app.post(
      '/api/periods',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['periods'],
          summary: 'Create a period (starts as a draft)',
          body: createPeriodBodySchema,
          response: { 201: periodSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await createPeriod(deps, actorOf(request), request.body)),
    );

    app.patch(
      '/api/periods/:id',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['periods'],
          summary: "Change a period's name or dates",
          params: idParamsSchema,
          body: updatePeriodBodySchema,
          response: { 200: periodSchema, ...errorResponses },
        },
      },
      (request) => updatePeriod(deps, actorOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/periods/:id/transition',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['periods'],
          summary: 'Move a period to its next status',
          params: idParamsSchema,
          body: transitionBodySchema,
          response: { 200: periodSchema, ...errorResponses },
        },
      },
      (request) => transitionPeriod(deps, actorOf(request), request.params.id, request.body.to),
    );
  };
}
