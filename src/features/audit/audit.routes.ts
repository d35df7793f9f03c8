import type { Deps } from '../../deps.ts';
import { errorResponses } from '../../shared/api/common.ts';
import { auditListSchema, auditQuerySchema } from '../../shared/api/audit.ts';
import type { App } from '../../http/types.ts';
import { readAuditLog } from './audit.service.ts';

export function auditRoutes(deps: Deps) {
  return async (app: App) => {
    app.get(
      '/api/audit',
      {
        config: { access: ['staff'] },
        schema: {
          tags: ['audit'],
          summary: 'Staff and committee actions, newest first',
          querystring: auditQuerySchema,
          response: { 200: auditListSchema, ...errorResponses },
        },
      },
      (request) => readAuditLog(deps, request.query),
    );
  };
}
