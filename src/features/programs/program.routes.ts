import type { Deps } from '../../deps.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import {
  createGoalBodySchema,
  programGoalListSchema,
  reorderGoalsBodySchema,
  settingsSchema,
  updateGoalBodySchema,
  updateSettingsBodySchema,
} from '../../shared/api/settings.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import {
  addProgramGoal,
  changeProgramGoal,
  getSettings,
  listProgramGoals,
  reorderProgramGoals,
  updateSettings,
} from './program.service.ts';

export function programRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/settings',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['program'], summary: 'Program settings', response: { 200: settingsSchema, ...errorResponses } },
      },
      () => getSettings(deps),
    );

    app.patch(
      '/api/settings',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['program'],
          summary: 'Change program settings',
          body: updateSettingsBodySchema,
          response: { 200: settingsSchema, ...errorResponses },
        },
      },
      (request) => updateSettings(deps, actorOf(request), request.body),
    );

    app.get(
      '/api/program-goals',
      {
        config: { access: 'signed-in' },
        schema: { tags: ['program'], summary: 'The program goals, in order', response: { 200: programGoalListSchema, ...errorResponses } },
      },
      async () => ({ goals: await listProgramGoals(deps) }),
    );

    app.post(
      '/api/program-goals',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['program'],
          summary: 'Add a program goal',
          body: createGoalBodySchema,
          response: { 201: programGoalListSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send({ goals: await addProgramGoal(deps, actorOf(request), request.body) }),
    );

    app.patch(
      '/api/program-goals/:id',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['program'],
          summary: 'Edit, retire or restore a program goal',
          params: idParamsSchema,
          body: updateGoalBodySchema,
          response: { 200: programGoalListSchema, ...errorResponses },
        },
      },
      async (request) => ({ goals: await changeProgramGoal(deps, actorOf(request), request.params.id, request.body) }),
    );

    app.post(
      '/api/program-goals/reorder',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['program'],
          summary: 'Put the program goals in a new order',
          body: reorderGoalsBodySchema,
          response: { 200: programGoalListSchema, ...errorResponses },
        },
      },
      async (request) => ({ goals: await reorderProgramGoals(deps, actorOf(request), request.body.ids) }),
    );
  };
}
