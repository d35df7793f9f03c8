import { Readable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { NotFoundError } from '../../errors.ts';
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
import { parseRange } from './byte-range.ts';
import type { RangeAnswer } from './byte-range.ts';
import { faqRoutes } from './faq.routes.ts';
import { contentDisposition } from './file-name.ts';
import { opensInline } from './file-types.ts';
import { readStoredFile, storedFileSize } from './resource-files.ts';
import { addLink, addUpload, changeResource, listVisibleResources, removeResource, resourceFileFor } from './resources.service.ts';
import { multipartLimits, receiveUpload } from './upload-parser.ts';

const STAFF = ['staff'] as const;

/** True when the browser already holds this version ("If-None-Match: *", a list, weak tags). */
function alreadyHeld(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

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
          response: {
            200: z.any().describe('The whole file'),
            206: z.any().describe('The requested range of the file'),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { file, createdAt } = await resourceFileFor(deps, actorOf(request), request.params.id);
        const size = await storedFileSize(files.uploadDir, file.key);
        if (size === null) throw new NotFoundError('file');
        // The key is random per upload and a file never changes, so it is a perfect validator.
        const etag = `"${file.key}"`;
        void reply
          .header('accept-ranges', 'bytes')
          .header('etag', etag)
          .header('last-modified', new Date(createdAt).toUTCString())
          .header('cache-control', 'private, no-cache');
        if (alreadyHeld(request.headers['if-none-match'], etag)) return reply.code(304).send();

        // A Range for another version of the file (If-Range) gets the whole current one.
        const ifRange = request.headers['if-range'];
        const range: RangeAnswer = ifRange === undefined || ifRange === etag ? parseRange(request.headers.range, size) : { kind: 'whole' };
        if (range.kind === 'unsatisfiable') {
          return reply
            .code(416)
            .header('content-range', `bytes */${size}`)
            .send({ code: 'RANGE_NOT_SATISFIABLE', message: `That part of the file does not exist: the file is ${size} bytes long.` });
        }
        void reply
          .type(file.type)
          .header('content-disposition', contentDisposition(opensInline(file.type) ? 'inline' : 'attachment', file.name));
        const part = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined;
        if (part) void reply.code(206).header('content-range', `bytes ${part.start}-${part.end}/${size}`);
        void reply.header('content-length', part ? part.end - part.start + 1 : size);
        // HEAD gets the headers only: an empty stream keeps Fastify from reading the file through.
        return reply.send(request.method === 'HEAD' ? Readable.from([]) : readStoredFile(files.uploadDir, file.key, part));
      },
    );
  };
}
