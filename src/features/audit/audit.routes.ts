import type { Deps } from '../../deps.ts';
import { errorSchema } from '../../shared/api/common.ts';
import { auditListSchema, auditQuerySchema } from '../../shared/api/audit.ts';
import type { App } from '../../http/types.ts';
import { listAudit } from './audit.store.ts';

export function auditRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/audit',
      {
        config: { access: ['staff'] },
        schema: { tags: ['audit'], summary: 'Staff and committee actions, newest first', querystring: auditQuerySchema, response: { 200: auditListSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema } },
      },
      async (request) => ({ entries: await listAudit(deps.db, request.query) }),
    );
  };
}
