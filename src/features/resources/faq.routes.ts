import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { createFaqBodySchema, faqListSchema, reorderFaqBodySchema, updateFaqBodySchema } from '../../shared/api/resources.ts';
import { addFaqEntry, changeFaqEntry, readFaq, removeFaqEntry, reorderFaq } from './faq.service.ts';

const STAFF = ['staff'] as const;

/** The program's FAQ: anyone reads it (applicants too), staff keep it. */
export function faqRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/faq',
      {
        config: { access: 'public' },
        schema: { tags: ['resources'], summary: 'The FAQ, in order', response: { 200: faqListSchema, ...errorResponses } },
      },
      async () => ({ entries: await readFaq(deps) }),
    );

    app.post(
      '/api/faq',
      {
        config: { access: STAFF },
        schema: {
          tags: ['resources'],
          summary: 'Add a question to the FAQ (at the end)',
          body: createFaqBodySchema,
          response: { 201: faqListSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send({ entries: await addFaqEntry(deps, actorOf(request), request.body) }),
    );

    app.patch(
      '/api/faq/:id',
      {
        config: { access: STAFF },
        schema: {
          tags: ['resources'],
          summary: 'Reword a question or its answer',
          params: idParamsSchema,
          body: updateFaqBodySchema,
          response: { 200: faqListSchema, ...errorResponses },
        },
      },
      async (request) => ({ entries: await changeFaqEntry(deps, actorOf(request), request.params.id, request.body) }),
    );

    app.delete(
      '/api/faq/:id',
      {
        config: { access: STAFF },
        schema: {
          tags: ['resources'],
          summary: 'Remove a question from the FAQ',
          params: idParamsSchema,
          response: { 200: faqListSchema, ...errorResponses },
        },
      },
      async (request) => ({ entries: await removeFaqEntry(deps, actorOf(request), request.params.id) }),
    );

    app.post(
      '/api/faq/reorder',
      {
        config: { access: STAFF },
        schema: {
          tags: ['resources'],
          summary: 'Put the FAQ in a new order',
          body: reorderFaqBodySchema,
          response: { 200: faqListSchema, ...errorResponses },
        },
      },
      async (request) => ({ entries: await reorderFaq(deps, actorOf(request), request.body.ids) }),
    );
  };
}
