import { useMutation } from '@tanstack/react-query';
import { eventSchema } from '../../../../src/shared/api/events.ts';
import type { EventView } from '../../../../src/shared/api/events.ts';
import type { EventMediaKind } from '../../../../src/shared/events.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { uploadError, uploadWithProgress } from '../../../lib/upload-with-progress.ts';
import type { UploadProgressOptions } from '../../../lib/upload-with-progress.ts';
import { useRefreshEvents } from './refresh-events.ts';

export interface MediaUploadInput extends UploadProgressOptions {
  eventId: number;
  kind: EventMediaKind;
  file: File;
}

/** Uploads the recording or the slides as a file (in place of any link or file before). */
export async function uploadMedia(input: MediaUploadInput): Promise<EventView> {
  const form = new FormData();
  form.append('file', input.file, input.file.name);

  const res = await uploadWithProgress(`/api/events/${input.eventId}/media/${input.kind}/upload`, form, input);
  if (res.status < 200 || res.status >= 300) throw uploadError(res.status, res.body);
  const parsed = eventSchema.safeParse(res.body);
  if (!parsed.success) {
    console.error(`Unexpected response from the ${input.kind} upload`, parsed.error.issues);
    throw new ApiError(
      res.status,
      'UNEXPECTED_RESPONSE',
      'The server sent an answer this page did not expect. Please reload and try again.',
    );
  }
  return parsed.data;
}

export function useUploadMedia() {
  const refresh = useRefreshEvents();
  return useMutation({ mutationFn: uploadMedia, onSuccess: (event) => refresh(event) });
}
