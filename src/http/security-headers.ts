import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { HelmetOptions } from 'helmet';

/**
 * The headers helmet sets for these options, worked out once. With no per-request parts (no CSP
 * nonces, no directive functions) they are the same on every answer, and setting them from a
 * ready object costs a fraction of running helmet's dozen middlewares (and @fastify/helmet,
 * which built them again for every request) each time.
 */
export function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
    finished = true;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  if (!finished) throw new Error('helmet did not finish at once: its headers depend on the request.');
  return Object.freeze(headers);
}
