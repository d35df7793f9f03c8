import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { outboxListSchema, outboxMessageSchema, outboxQuerySchema } from '../../shared/api/outbox.ts';
import type { App } from '../../http/types.ts';
import { findOutbox, listOutbox } from './outbox.store.ts';


export function outboxRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/outbox',
      {
        config: { access: ['staff'] },
        schema: { tags: ['mail'], summary: 'Every message Tandem has sent or recorded', querystring: outboxQuerySchema, response: { 200: outboxListSchema, ...errorResponses } },
      },
      async (request) => ({ messages: await listOutbox(deps.db, request.query), delivery: deps.mailer.delivery }),
    );

    app.get(
      '/api/outbox/:id',
      { config: { access: ['staff'] }, schema: { tags: ['mail'], summary: 'One message', params: idParamsSchema, response: { 200: outboxMessageSchema, ...errorResponses } } },
      async (request) => {
        const message = await findOutbox(deps.db, request.params.id);
        if (!message) throw new NotFoundError('message');
        return message;
      },
    );
  };
}
