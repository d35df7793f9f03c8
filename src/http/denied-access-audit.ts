import type { FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { recordAudit } from '../features/audit/audit.service.ts';
import { toInstant } from '../time/instant.ts';
import { redactUrl } from './log-redaction.ts';

/**
 * Every permission failure (a 403: a role the route does not allow, a missing or foreign CSRF
 * token, a service's own refusal) leaves an audit entry: who, which route as matched (not the raw
 * path, which has many spellings), the code, and the path as asked with link tokens hidden
 * (issue #15 item 11). Anonymous callers get 401s, which are not recorded: they would let anyone
 * fill the log. A failure to write the entry is logged and does not change the answer.
 */
export async function auditDeniedAccess(deps: Pick<Deps, 'db' | 'clock'>, request: FastifyRequest, code: string): Promise<void> {
  const route = request.routeOptions.url ?? '(no route)';
  try {
    await recordAudit(deps.db, {
      actorId: request.auth?.user.id ?? null,
      action: 'access.denied',
      entityType: 'route',
      entityId: `${request.method} ${route}`.slice(0, 200),
      details: { code, path: redactUrl(request.url).slice(0, 300) },
      at: toInstant(deps.clock.now()),
    });
  } catch (err) {
    request.log.error({ err }, 'could not record a refused request in the audit log');
  }
}
