import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { errorSchema } from '../../../../src/shared/api/common.ts';
import { resourceSchema, uploadFieldsSchema } from '../../../../src/shared/api/resources.ts';
import type { Resource } from '../../../../src/shared/api/resources.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { currentCsrfToken, fetchCsrfToken } from '../../../lib/csrf-token.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { resourceKeys } from './resource-keys.ts';

export const uploadFieldsInputSchema = uploadFieldsSchema;
export type UploadFieldsInput = z.output<typeof uploadFieldsSchema>;

export interface UploadInput {
  fields: UploadFieldsInput;
  file: File;
  /** Bytes sent so far, of how many. */
  onProgress: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

const NETWORK = () => new ApiError(0, 'NETWORK', 'The upload stopped: we could not reach the server. Check your connection and try again.');

/**
 * One POST of the multipart form. XMLHttpRequest rather than fetch: only it reports how much of a
 * large file has gone up, which the progress bar needs.
 */
function send(form: FormData, csrfToken: string, input: UploadInput): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/resources/upload');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) input.onProgress(e.loaded, e.total);
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
    input.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function toError(status: number, body: unknown): ApiError {
  const parsed = errorSchema.safeParse(body);
  if (parsed.success) return new ApiError(status, parsed.data.code, parsed.data.message, parsed.data.details ?? []);
  if (status === 413) return new ApiError(413, 'FILE_TOO_LARGE', 'That file is larger than the program allows.');
  return new ApiError(status, 'HTTP_' + status, `The upload failed (HTTP ${status}). Please try again.`);
}

/** Uploads one file with its details, with the same CSRF handling as every other change. */
export async function uploadResource(input: UploadInput): Promise<Resource> {
  const form = new FormData();
  // Fields first, then the file: the server has the details before the bytes arrive.
  for (const [key, value] of Object.entries(input.fields)) form.append(key, value);
  form.append('file', input.file, input.file.name);

  let token = currentCsrfToken() ?? (await fetchCsrfToken());
  let res = await send(form, token, input);
  if (res.status === 403 && errorSchema.safeParse(res.body).data?.code === 'CSRF_INVALID') {
    // The token went stale (a new session, a server restart): get a fresh one and try once more.
    token = await fetchCsrfToken();
    res = await send(form, token, input);
  }
  if (res.status !== 201) throw toError(res.status, res.body);
  const parsed = resourceSchema.safeParse(res.body);
  if (!parsed.success)
    throw new ApiError(
      res.status,
      'UNEXPECTED_RESPONSE',
      'The server sent an answer this page did not expect. Please reload and try again.',
    );
  return parsed.data;
}

export function useUploadResource() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadResource,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: resourceKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
    },
  });
}
