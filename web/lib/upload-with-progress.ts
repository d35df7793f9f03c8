import { errorSchema } from '../../src/shared/api/common.ts';
import { ApiError } from './api-error.ts';
import { currentCsrfToken, fetchCsrfToken } from './csrf-token.ts';

export interface UploadProgressOptions {
  /** Bytes sent so far, of how many. */
  onProgress: (sent: number, total: number) => void;
  signal?: AbortSignal | undefined;
}

/** The answer as it came: the status, and the body parsed as JSON (null when it was not JSON). */
export interface UploadResponse {
  status: number;
  body: unknown;
}

const NETWORK = () => new ApiError(0, 'NETWORK', 'The upload stopped: we could not reach the server. Check your connection and try again.');

/** POST adds a file; PUT puts one in place of another (a mentor's card photo). */
export type UploadMethod = 'POST' | 'PUT';

/** A multipart form, or a file sent as it is, as the body, with the content type the route takes (such as text/csv). */
export type UploadBody = FormData | { file: Blob; contentType: string };

/**
 * One send of the body. XMLHttpRequest rather than fetch: only it reports how much of a large file
 * has gone up, which the progress bar needs.
 */
function send(
  path: string,
  body: UploadBody,
  csrfToken: string,
  options: UploadProgressOptions,
  method: UploadMethod,
): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    // Set, not left to the browser: it would send a .csv file's own type, which on Windows is often application/vnd.ms-excel.
    if (!(body instanceof FormData)) xhr.setRequestHeader('content-type', body.contentType);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) options.onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the status alone has to do.
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(NETWORK());
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body instanceof FormData ? body : body.file);
  });
}

/**
 * Sends a multipart form or a file (a POST unless told otherwise) with the same CSRF handling as
 * every other change, reporting progress as it goes. Resolves with whatever the server answered; the caller decides what counts as success
 * and turns a failure into an error with {@link uploadError} (or api-client's answerError). Rejects on a network failure
 * (an ApiError) or when the signal aborts (a DOMException named AbortError).
 */
export async function uploadWithProgress(
  path: string,
  body: UploadBody,
  options: UploadProgressOptions,
  method: UploadMethod = 'POST',
): Promise<UploadResponse> {
  let token = currentCsrfToken() ?? (await fetchCsrfToken());
  let res = await send(path, body, token, options, method);
  if (res.status === 403 && errorSchema.safeParse(res.body).data?.code === 'CSRF_INVALID') {
    // The token went stale (a new session, a server restart): get a fresh one and try once more.
    token = await fetchCsrfToken();
    res = await send(path, body, token, options, method);
  }
  return res;
}

/** The error to show for an upload the server refused. */
export function uploadError(status: number, body: unknown): ApiError {
  const parsed = errorSchema.safeParse(body);
  if (parsed.success) return new ApiError(status, parsed.data.code, parsed.data.message, parsed.data.details ?? []);
  if (status === 413) return new ApiError(413, 'FILE_TOO_LARGE', 'That file is larger than the program allows.');
  return new ApiError(status, 'HTTP_' + status, `The upload failed (HTTP ${status}). Please try again.`);
}

/** True when the upload failed only because someone cancelled it. */
export function isUploadCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
