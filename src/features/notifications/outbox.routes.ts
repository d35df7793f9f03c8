import type { Deps } from '../../deps.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { outboxListSchema, outboxMessageSchema, outboxQuerySchema } from '../../shared/api/outbox.ts';
import type { App } from '../../http/types.ts';
import { readOutbox, readOutboxMessage } from './outbox.service.ts';

export function outboxRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/outbox',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['mail'],
          summary: 'Every message Tandem has sent or recorded',
          querystring: outboxQuerySchema,
          response: { 200: outboxListSchema, ...errorResponses },
        },
      },
      (request) => readOutbox(deps, request.query),
    );

    app.get(
      '/api/outbox/:id',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['mail'],
          summary: 'One message',
          params: idParamsSchema,
          response: { 200: outboxMessageSchema, ...errorResponses },
        },
      },
      (request) => readOutboxMessage(deps, request.params.id),
    );
  };
}
