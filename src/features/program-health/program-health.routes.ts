import type { Deps } from '../../deps.ts';
import type { App } from '../../http/types.ts';
import { errorResponses, idParamsSchema } from '../../shared/api/common.ts';
import { programHealthQuerySchema, programHealthSchema } from '../../shared/api/program-health.ts';
import { healthWorkerFor } from './health-runner.ts';
import { getProgramHealth } from './program-health.service.ts';

export function programHealthRoutes(deps: Deps) {
  return async (app: App) => {
    // Large periods are worked out in a thread of its own, started on first use; it stops with the app.
    const worker = healthWorkerFor(deps);
    if (worker) app.addHook('onClose', () => worker.close());
    app.get(
      '/api/periods/:id/health',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['program health'],
          summary: "A period's health: matches needing attention and why, goal sheets against the deadline, contacts per week",
          params: idParamsSchema,
          querystring: programHealthQuerySchema,
          response: { 200: programHealthSchema, ...errorResponses },
        },
      },
      (request) => getProgramHealth(deps, request.params.id, request.query.limit, { worker }),
    );
  };
}
