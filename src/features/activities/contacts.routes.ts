import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { contactLogSchema, logContactBodySchema } from '../../shared/api/activities.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { getContactLog, logContact, removeContact } from './contacts.service.ts';

/**
 * The contact log of a match. Routes are open to anyone signed in; the service decides by
 * ownership: the pair writes, the pair and staff read, everyone else gets 404.
 */
export function contactRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/matches/:id/contacts',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['activities'],
          summary: "A match's contact log, newest first, with how often the pair has been in touch",
          params: idParamsSchema,
          response: { 200: contactLogSchema, ...errorResponses },
        },
      },
      (request) => getContactLog(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/matches/:id/contacts',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['activities'],
          summary: 'Log a contact with your partner (mentor or mentee of the match only)',
          params: idParamsSchema,
          body: logContactBodySchema,
          response: { 201: contactLogSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await logContact(deps, actorOf(request), request.params.id, request.body)),
    );

    app.delete(
      '/api/contacts/:id',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['activities'],
          summary: 'Delete a contact you logged',
          params: idParamsSchema,
          response: { 200: contactLogSchema, ...errorResponses },
        },
      },
      (request) => removeContact(deps, actorOf(request), request.params.id),
    );
  };
}
