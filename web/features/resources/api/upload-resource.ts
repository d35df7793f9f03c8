import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { resourceSchema, uploadFieldsSchema } from '../../../../src/shared/api/resources.ts';
import type { Resource } from '../../../../src/shared/api/resources.ts';
import { ApiError } from '../../../lib/api-error.ts';
import { uploadError, uploadWithProgress } from '../../../lib/upload-with-progress.ts';
import type { UploadProgressOptions } from '../../../lib/upload-with-progress.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { resourceKeys } from './resource-keys.ts';

export const uploadFieldsInputSchema = uploadFieldsSchema;
export type UploadFieldsInput = z.output<typeof uploadFieldsSchema>;

export interface UploadInput extends UploadProgressOptions {
  fields: UploadFieldsInput;
  file: File;
}

/** Uploads one file with its details, with the same CSRF handling as every other change. */
export async function uploadResource(input: UploadInput): Promise<Resource> {
  const form = new FormData();
  // Fields first, then the file: the server has the details before the bytes arrive.
  for (const [key, value] of Object.entries(input.fields)) form.append(key, value);
  form.append('file', input.file, input.file.name);

  const res = await uploadWithProgress('/api/resources/upload', form, input);
  if (res.status !== 201) throw uploadError(res.status, res.body);
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
