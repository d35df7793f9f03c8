import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import {
  activityListQuerySchema,
  activityListSchema,
  createActivityBodySchema,
  reorderActivitiesBodySchema,
  updateActivityBodySchema,
} from '../../shared/api/activities.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { addActivity, changeActivity, listCatalogue, reorderActivities } from './activities.service.ts';
import { contactRoutes } from './contacts.routes.ts';

/** The activity catalogue (staff keep it) and, registered alongside, the pairs' contact log. */
export function activityRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/activities',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['activities'],
          summary: 'The activity catalogue, in order (retired ones too for staff who ask)',
          querystring: activityListQuerySchema,
          response: { 200: activityListSchema, ...errorResponses },
        },
      },
      async (request) => ({ activities: await listCatalogue(deps, actorOf(request), request.query.includeRetired === 'true') }),
    );

    app.post(
      '/api/activities',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['activities'],
          summary: 'Add an activity to the catalogue',
          body: createActivityBodySchema,
          response: { 201: activityListSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send({ activities: await addActivity(deps, actorOf(request), request.body) }),
    );

    app.patch(
      '/api/activities/:id',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['activities'],
          summary: 'Edit, retire or restore an activity (activities are never deleted)',
          params: idParamsSchema,
          body: updateActivityBodySchema,
          response: { 200: activityListSchema, ...errorResponses },
        },
      },
      async (request) => ({ activities: await changeActivity(deps, actorOf(request), request.params.id, request.body) }),
    );

    app.post(
      '/api/activities/reorder',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['activities'],
          summary: 'Put the activities in a new order',
          body: reorderActivitiesBodySchema,
          response: { 200: activityListSchema, ...errorResponses },
        },
      },
      async (request) => ({ activities: await reorderActivities(deps, actorOf(request), request.body.ids) }),
    );

    await app.register(contactRoutes(deps));
  };
}
