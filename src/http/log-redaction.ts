import type { FastifyRequest } from 'fastify';

/** Invitation and reset links carry their token in the path; logs keep the route, not the secret. */
export function redactUrl(url: string): string {
  return url.replace(/[A-Za-z0-9_-]{32,}/g, '[token]');
}

export const logSerializers = {
  req(request: FastifyRequest) {
    return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
  },
};

/** Paths pino blanks wherever they appear in a logged object. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  'token',
  '*.token',
];
