import { errorSchema } from '../../../../src/shared/api/common.ts';
import { goalSheetViewSchema, staleRevisionSchema } from '../../../../src/shared/api/goal-sheets.ts';
import type { GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { currentCsrfToken, fetchCsrfToken } from '../../../lib/csrf-token.ts';

/**
 * The sheet changed since it was loaded: carries the sheet as it is now, so the editor can merge.
 * It is an ApiError like any other (409, STALE_REVISION) for code that does not care.
 */
export class StaleSheetError extends ApiError {
  constructor(
    message: string,
    readonly current: GoalSheetView,
  ) {
    super(409, 'STALE_REVISION', message);
    this.name = 'StaleSheetError';
  }
}

export function isStaleSheetError(error: unknown): error is StaleSheetError {
  return error instanceof StaleSheetError;
}

const NETWORK_MESSAGE = 'We could not reach the server. Check your connection and try again.';

async function send(path: string, method: 'PUT' | 'POST', body: unknown, token: string): Promise<Response> {
  try {
    return await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': token },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
}

async function jsonOf(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return null;
  }
}

/**
 * A change to a goal sheet (save, submit, review). Like apiRequest, with one difference: a 409
 * STALE_REVISION carries the current sheet in `details.current`, which the shared error shape
 * has no room for, so it is read here and thrown as a StaleSheetError.
 */
export async function sendSheetChange(path: string, method: 'PUT' | 'POST', body: unknown): Promise<GoalSheetView> {
  let res = await send(path, method, body, currentCsrfToken() ?? (await fetchCsrfToken()));
  let json = await jsonOf(res);
  const csrf = errorSchema.safeParse(json);
  if (res.status === 403 && csrf.success && csrf.data.code === 'CSRF_INVALID') {
    // The token went stale (a new session, a server restart): get a fresh one and retry once.
    res = await send(path, method, body, await fetchCsrfToken());
    json = await jsonOf(res);
  }
  if (res.ok) {
    const view = goalSheetViewSchema.safeParse(json);
    if (view.success) return view.data;
    throw new ApiError(
      res.status,
      'UNEXPECTED_RESPONSE',
      'The server sent an answer this page did not expect. Please reload and try again.',
    );
  }
  const stale = staleRevisionSchema.safeParse(json);
  if (res.status === 409 && stale.success) throw new StaleSheetError(stale.data.message, stale.data.details.current);
  const error = errorSchema.safeParse(json);
  if (error.success) throw new ApiError(res.status, error.data.code, error.data.message, error.data.details ?? []);
  if (res.status >= 500) throw new ApiError(res.status, 'SERVER_ERROR', 'The server ran into a problem. Please try again in a moment.');
  throw new ApiError(res.status, `HTTP_${res.status}`, `The request failed (HTTP ${res.status}).`);
}
