import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { InvalidInputError } from '../errors.ts';
import { beginIdempotent, finishIdempotent, IDEMPOTENCY_KEY } from '../features/idempotency/idempotency.service.ts';
import type { App } from './types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The claimed Idempotency-Key of a change that is running (decision 0022). */
    idempotency: { userId: number; key: string } | null;
  }
}

const CHANGES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Idempotent writes (issue #15 item 6, decision 0022): a signed-in change that carries an
 * `Idempotency-Key` header runs once; the same request with the same key, within a day, gets the
 * first answer again (with `Idempotent-Replayed: true`) instead of running twice. Decided after
 * the route is matched and its input checked, so the key belongs to the route, not the raw path.
 * Signed-out changes are left alone: their answers can start a session, which is never kept.
 */
export function registerIdempotency(app: App, deps: Pick<Deps, 'db' | 'clock'>): void {
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers['idempotency-key'];
    const route = request.routeOptions.url;
    if (header === undefined || !CHANGES.has(request.method) || !request.auth || route === undefined) return;
    if (typeof header !== 'string' || !IDEMPOTENCY_KEY.test(header)) {
      throw new InvalidInputError('INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 8 to 100 letters, digits, or _ . : -');
    }
    const userId = request.auth.user.id;
    const begun = await beginIdempotent(deps, {
      userId,
      key: header,
      method: request.method,
      route,
      params: request.params,
      query: request.query,
      body: request.body,
    });
    if (begun.kind === 'replay') {
      void reply.code(begun.status).header('idempotent-replayed', 'true');
      if (begun.type) void reply.header('content-type', begun.type);
      return reply.send(begun.body);
    }
    request.idempotency = { userId, key: header };
    return undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    // A 5xx rolled its transaction back: a retry may run. An answer that starts a session or is
    // streamed is not kept, but the change was made: a retry gets 409, not a second change.
    const keepable = !reply.hasHeader('set-cookie') && typeof payload === 'string';
    const type = reply.getHeader('content-type');
    const outcome =
      reply.statusCode >= 500
        ? 'release'
        : keepable
          ? { status: reply.statusCode, type: typeof type === 'string' ? type : null, body: payload }
          : null;
    try {
      await finishIdempotent(deps, claim.userId, claim.key, outcome);
    } catch (err) {
      request.log.error({ err }, 'could not keep the answer of an idempotent change');
    }
    return payload;
  });
}
