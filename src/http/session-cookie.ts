import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'tandem_session';
/**
 * The name over HTTPS. A browser accepts a `__Host-` cookie only from this exact host, Secure and
 * for path `/`, so a sibling subdomain or a plain-HTTP page cannot plant or overwrite one.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

const isSecure = (request: FastifyRequest) => request.protocol === 'https';

/** The cookie a session travels in for this request's connection. */
export function sessionCookieName(request: FastifyRequest): string {
  return isSecure(request) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The session token the request carries, if any; over HTTPS only the `__Host-` cookie counts. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(request)];
}

/**
 * HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot send it with a form,
 * Secure whenever the request came over HTTPS (directly or through a trusted proxy).
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(sessionCookieName(request), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(request),
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(sessionCookieName(request), { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(request) });
}
