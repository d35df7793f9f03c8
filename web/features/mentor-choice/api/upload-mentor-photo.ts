import { useMutation, useQueryClient } from '@tanstack/react-query';
import { myMentorCardSchema } from '../../../../src/shared/api/mentor-choice.ts';
import type { MyMentorCard } from '../../../../src/shared/api/mentor-choice.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { uploadError, uploadWithProgress } from '../../../lib/upload-with-progress.ts';
import type { UploadProgressOptions } from '../../../lib/upload-with-progress.ts';
import { mentorChoiceKeys } from './mentor-choice-keys.ts';

export interface PhotoUploadInput extends UploadProgressOptions {
  file: File;
  /** What the photo shows, for people who cannot see it (required). */
  alt: string;
}

/** A new photo for my card, in place of any before; the server crops it square and resizes it. */
export async function uploadMentorPhoto(input: PhotoUploadInput): Promise<MyMentorCard> {
  const form = new FormData();
  // The description first, so the server has it before the file streams in.
  form.append('alt', input.alt);
  form.append('file', input.file, input.file.name);
  const res = await uploadWithProgress('/api/my/mentor-card/photo', form, input, 'PUT');
  if (res.status < 200 || res.status >= 300) throw uploadError(res.status, res.body);
  const parsed = myMentorCardSchema.safeParse(res.body);
  if (!parsed.success) {
    console.error('Unexpected response from the photo upload', parsed.error.issues);
    throw new ApiError(
      res.status,
      'UNEXPECTED_RESPONSE',
      'The server sent an answer this page did not expect. Please reload and try again.',
    );
  }
  return parsed.data;
}

export function useUploadMentorPhoto() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadMentorPhoto,
    onSuccess: (card) => queryClient.setQueryData(mentorChoiceKeys.myCard, card),
  });
}
