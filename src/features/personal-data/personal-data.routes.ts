import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { eraseBodySchema, erasureResultSchema, erasurePreviewSchema, myDataSchema } from '../../shared/api/personal-data.ts';
import { erasePerson, previewErasure } from './erasure.service.ts';
import { myData } from './my-data.service.ts';

const tags = ['personal data'];

export function personalDataRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/my/data',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Everything Tandem holds about the caller, as a JSON download',
          response: { 200: myDataSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { fileName, data } = await myData(deps, actorOf(request));
        return reply.header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'no-store').send(data);
      },
    );

    app.get(
      '/api/people/:id/erasure',
      {
        config: { access: ['staff'] },
        schema: {
          tags,
          summary: 'What erasing this person would do (active matches ended, what is kept)',
          params: idParamsSchema,
          response: { 200: erasurePreviewSchema, ...errorResponses },
        },
      },
      (request) => previewErasure(deps, actorOf(request), request.params.id),
    );

    app.post(
      '/api/people/:id/erase',
      {
        config: { access: ['staff'] },
        schema: {
          tags,
          summary: 'Erase a person: personal details replaced, what the program keeps kept without identity',
          params: idParamsSchema,
          body: eraseBodySchema,
          response: { 200: erasureResultSchema, ...errorResponses },
        },
      },
      (request) => erasePerson(deps, actorOf(request), request.params.id, request.body),
    );
  };
}
