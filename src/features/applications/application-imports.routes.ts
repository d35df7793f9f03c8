import type { Deps } from '../../deps.ts';
import { actorOf } from '../../http/access.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import {
  applicationImportListSchema,
  applicationImportSchema,
  MAX_FILE_IMPORT_BYTES,
  startImportQuerySchema,
} from '../../shared/api/application-imports.ts';
import { getFileImport, listFileImports, startFileImport } from './application-imports.service.ts';
import { importExecutorFor } from './import-executor.ts';

const REVIEWERS = ['staff', 'committee'] as const;
const tags = ['applications'];

const NOT_A_FILE = 'Send the CSV file itself with content-type text/csv.';

/** Whether a request's body came through this plugin's CSV parser (any other type is refused). */
const isFile = (body: unknown): body is Buffer => Buffer.isBuffer(body);

export function applicationImportRoutes(deps: Deps) {
  return async (app: App) => {
    // Imports run in worker threads owned by this app; closing the app stops them.
    const executor = importExecutorFor(deps);
    app.addHook('onClose', () => executor.close());

    // The file is sent as it is, not as JSON: read as bytes, up to the largest file taken. A body
    // over the limit is refused (413) as soon as its length is known, before it is read.
    // Any other type of body (JSON has its own parser; the handler refuses it) is not a file.
    app.addContentTypeParser('*', (_request, _payload, done) =>
      done(Object.assign(new Error(NOT_A_FILE), { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }), undefined),
    );
    app.addContentTypeParser(
      ['text/csv', 'application/csv'],
      { parseAs: 'buffer', bodyLimit: MAX_FILE_IMPORT_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/api/periods/:id/application-imports',
      {
        config: { access: REVIEWERS },
        bodyLimit: MAX_FILE_IMPORT_BYTES,
        schema: {
          tags,
          summary: 'Import applications from a CSV file of up to 100,000 rows, in the background',
          description:
            'Send the file itself with content-type text/csv. Answers 202 with the import at once; ' +
            'GET /api/application-imports/{id} tells its progress and, once done, its result.',
          params: idParamsSchema,
          querystring: startImportQuerySchema,
          response: { 202: applicationImportSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        if (!isFile(request.body)) {
          return reply.code(415).send({ code: 'UNSUPPORTED_MEDIA_TYPE', message: NOT_A_FILE });
        }
        const started = await startFileImport(deps, actorOf(request), request.params.id, request.query, request.body);
        return reply.code(202).send(started);
      },
    );

    app.get(
      '/api/periods/:id/application-imports',
      {
        config: { access: REVIEWERS },
        schema: {
          tags,
          summary: "A period's latest background imports (and checks), newest first, without their rows",
          params: idParamsSchema,
          response: { 200: applicationImportListSchema, ...errorResponses },
        },
      },
      async (request) => ({ imports: await listFileImports(deps, request.params.id) }),
    );

    app.get(
      '/api/application-imports/:id',
      {
        config: { access: REVIEWERS },
        schema: {
          tags,
          summary: "A background import's progress, and its result once done",
          params: idParamsSchema,
          response: { 200: applicationImportSchema, ...errorResponses },
        },
      },
      (request) => getFileImport(deps, request.params.id),
    );
  };
}
