import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'tandem_session';

/**
 * HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot send it with a form,
 * Secure whenever the request came over HTTPS (directly or through a trusted proxy).
 */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}
