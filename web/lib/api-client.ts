import type { z } from 'zod';
import { errorSchema } from '../../src/shared/api/common.ts';
import { ApiError } from './api-error.ts';
import { currentCsrfToken, fetchCsrfToken } from './csrf-token.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  signal?: AbortSignal;
}

/** Sent with every change, the same on a retry, so the server runs it once (decision 0022). */
type Change = { idempotencyKey: string } | null;

const NETWORK_MESSAGE = 'We could not reach the server. Check your connection and try again.';

async function send(path: string, options: RequestOptions, csrfToken: string | null, change: Change): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (change) headers['idempotency-key'] = change.idempotencyKey;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
}

/**
 * Sends, and when the answer is lost on the way (the connection dropped) sends a change once more
 * with the same key: if the first one arrived, the server answers with its result instead of
 * making it twice.
 */
async function sendOnce(path: string, options: RequestOptions, csrfToken: string | null, change: Change): Promise<Response> {
  try {
    return await send(path, options, csrfToken, change);
  } catch (error) {
    if (!change || !(error instanceof ApiError) || error.code !== 'NETWORK') throw error;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return send(path, options, csrfToken, change);
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON: a proxy or gateway error page. Fall through to a generic message.
  }
  return answerError(res.status, body);
}

/**
 * The error for an answer that is not a success, from its status and its body parsed as JSON (null
 * when it was not JSON). Exported for requests sent another way (XMLHttpRequest, for progress).
 */
export function answerError(status: number, body: unknown): ApiError {
  const parsed = errorSchema.safeParse(body);
  if (parsed.success) {
    return new ApiError(status, parsed.data.code, parsed.data.message, parsed.data.details ?? []);
  }
  if (status === 429) {
    return new ApiError(429, 'RATE_LIMITED', 'Too many attempts. Please wait a few minutes and try again.');
  }
  if (status >= 500 || status === 0) {
    return new ApiError(status, 'SERVER_ERROR', 'The server ran into a problem. Please try again in a moment.');
  }
  return new ApiError(status, 'HTTP_' + status, `The request failed (HTTP ${status}).`);
}

/** A successful answer, parsed with the shared schema; one the page did not expect is an error. */
export function parseAnswer<S extends z.ZodType>(schema: S, status: number, json: unknown, request: string): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error(`Unexpected response from ${request}`, parsed.error.issues);
    throw new ApiError(status, 'UNEXPECTED_RESPONSE', 'The server sent an answer this page did not expect. Please reload and try again.');
  }
  return parsed.data;
}

/**
 * Calls the API and parses the answer with the shared zod schema, so the page
 * never works with a shape the server did not promise.
 */
export async function apiRequest<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const method = options.method ?? 'GET';
  const changes = method !== 'GET';
  // Every change carries a CSRF token, even on public forms: the server checks it whenever
  // a session cookie is present, and a browser can't tell whether an old one still is.
  let token = changes ? (currentCsrfToken() ?? (await fetchCsrfToken())) : null;
  const change: Change = changes ? { idempotencyKey: crypto.randomUUID() } : null;

  let res = await sendOnce(path, options, token, change);
  if (res.status === 403 && changes) {
    const error = await toApiError(res.clone());
    if (error.code === 'CSRF_INVALID') {
      // The token went stale (a new session, a server restart): get a fresh one and retry once.
      token = await fetchCsrfToken();
      res = await sendOnce(path, options, token, change);
    }
  }
  if (!res.ok) throw await toApiError(res);

  const json: unknown = res.status === 204 ? {} : await res.json();
  return parseAnswer(schema, res.status, json, `${method} ${path}`);
}
