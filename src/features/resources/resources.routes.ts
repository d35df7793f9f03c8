import fastifyMultipart from '@fastify/multipart';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema, okSchema } from '../../shared/api/common.ts';
import {
  createLinkBodySchema,
  resourceListQuerySchema,
  resourceListSchema,
  resourceSchema,
  updateResourceBodySchema,
} from '../../shared/api/resources.ts';
import { faqRoutes } from './faq.routes.ts';
import { addLink, addUpload, changeResource, listVisibleResources, removeResource, resourceFileFor } from './resources.service.ts';
import { multipartLimits, receiveUpload } from '../../files/upload-parser.ts';
import { sendStoredFile, storedFileResponses } from '../../http/send-stored-file.ts';

const STAFF = ['staff'] as const;

/** Resources (links and uploaded files) and, registered alongside, the FAQ. */
export function resourceRoutes(deps: Deps) {
  const files = { uploadDir: deps.config.uploadDir, maxUploadBytes: deps.config.maxUploadBytes };

  return async (app: App) => {
    await app.register(faqRoutes(deps));

    app.get(
      '/api/resources',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['resources'],
          summary: 'The resources you may see, by topic (staff see all and may filter by audience)',
          querystring: resourceListQuerySchema,
          response: { 200: resourceListSchema, ...errorResponses },
        },
      },
      async (request) => ({
        resources: await listVisibleResources(deps, actorOf(request), request.query.audience),
        maxUploadBytes: files.maxUploadBytes,
      }),
    );

    app.post(
      '/api/resources',
      {
        config: { access: STAFF },
        schema: {
          tags: ['resources'],
          summary: 'Add a link (a page, a video or a document elsewhere)',
          body: createLinkBodySchema,
          response: { 201: resourceSchema, ...errorResponses },
        },
      },
      async (request, reply) => reply.code(201).send(await addLink(deps, actorOf(request), request.body)),
    );

    // Multipart is accepted by this one route only; the rest of the API keeps taking JSON alone.
    await app.register(async (scope: App) => {
      await scope.register(fastifyMultipart, { limits: multipartLimits(files.maxUploadBytes), throwFileSizeLimit: true });
      scope.post(
        '/api/resources/upload',
        {
          config: { access: STAFF },
          schema: {
            tags: ['resources'],
            summary: 'Upload a file (multipart/form-data: kind, title, description, audience, topic and one file)',
            consumes: ['multipart/form-data'],
            response: { 201: resourceSchema, ...errorResponses },
          },
        },
        async (request, reply) => {
          const { fields, file } = await receiveUpload(request, files);
          return reply.code(201).send(await addUpload(deps, actorOf(request), fields, file));
        },
      );
    });

    app.patch(
      '/api/resources/:id',
      {
        config: { access: STAFF },
        schema: {
          tags: ['resources'],
          summary: 'Change a resource’s title, description, kind, audience, topic or (for a link) address',
          params: idParamsSchema,
          body: updateResourceBodySchema,
          response: { 200: resourceSchema, ...errorResponses },
        },
      },
      (request) => changeResource(deps, actorOf(request), request.params.id, request.body),
    );

    app.delete(
      '/api/resources/:id',
      {
        config: { access: STAFF },
        schema: {
          tags: ['resources'],
          summary: 'Delete a resource (and its file)',
          params: idParamsSchema,
          response: { 200: okSchema, ...errorResponses },
        },
      },
      async (request) => {
        await removeResource(deps, actorOf(request), request.params.id);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/resources/:id/file',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['resources'],
          summary: 'The uploaded file, for those it is meant for; supports Range requests (206, 416) for video',
          params: idParamsSchema,
          // The bytes themselves: a stream is never run through a serializer.
          response: { ...storedFileResponses, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { file, createdAt } = await resourceFileFor(deps, actorOf(request), request.params.id);
        return sendStoredFile(request, reply, { uploadDir: files.uploadDir, file, storedAt: createdAt });
      },
    );
  };
}
