import type { Deps } from '../../deps.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import {
  createInvitationBodySchema,
  invitationListSchema,
  invitationSchema,
  peopleQuerySchema,
  updateUserBodySchema,
  userListSchema,
  userSchema,
} from '../../shared/api/users.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { getPerson, invitePerson, listInvitationViews, listPeople, revokeInvitation, updatePerson } from './people.service.ts';

export function peopleRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/users',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['people'],
          summary: 'Everyone with an account: searched, filtered, a page at a time',
          querystring: peopleQuerySchema,
          response: { 200: userListSchema, ...errorResponses },
        },
      },
      (request) => listPeople(deps, request.query),
    );

    app.get(
      '/api/users/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['people'],
          summary: 'One person (staff: anyone; others: themselves)',
          params: idParamsSchema,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      (request) => getPerson(deps, actorOf(request), request.params.id),
    );

    app.patch(
      '/api/users/:id',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['people'],
          summary: 'Rename, change roles, disable or enable',
          params: idParamsSchema,
          body: updateUserBodySchema,
          response: { 200: userSchema, ...errorResponses },
        },
      },
      (request) => updatePerson(deps, actorOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/invitations',
      {
        config: { access: ['staff'] },
        schema: { tags: ['people'], summary: 'Invitations sent', response: { 200: invitationListSchema, ...errorResponses } },
      },
      async () => ({ invitations: await listInvitationViews(deps) }),
    );

    app.post(
      '/api/invitations',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['people'],
          summary: 'Invite someone by e-mail',
          body: createInvitationBodySchema,
          response: { 201: invitationSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await invitePerson(deps, actorOf(request), request.body)),
    );

    app.post(
      '/api/invitations/:id/revoke',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['people'],
          summary: 'Withdraw a pending invitation',
          params: idParamsSchema,
          response: { 200: invitationSchema, ...errorResponses },
        },
      },
      (request) => revokeInvitation(deps, actorOf(request), request.params.id),
    );
  };
}
