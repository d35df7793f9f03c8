import { sql } from 'kysely';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { errorSchema } from '../../shared/api/common.ts';
import type { App } from '../../http/types.ts';

export function healthRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/health',
      {
        config: { access: 'public' },
        schema: { tags: ['system'], summary: 'Liveness: the process answers', response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/api/ready',
      {
        config: { access: 'public' },
        schema: {
          tags: ['system'],
          summary: 'Readiness: the database answers and the instance is not stopping',
          response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) }), 503: errorSchema },
        },
      },
      async (_request, reply) => {
        if (deps.draining?.now) {
          return reply.code(503).send({ code: 'SHUTTING_DOWN', message: 'This instance is stopping; send new requests elsewhere.' });
        }
        try {
          await sql`select 1`.execute(deps.db);
          return { status: 'ready' as const, database: deps.dialect };
        } catch {
          return reply.code(503).send({ code: 'DATABASE_UNAVAILABLE', message: 'The database does not answer.' });
        }
      },
    );
  };
}
