import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applicationImportSchema } from '../../../../src/shared/api/application-imports.ts';
import type { ApplicationImport, ImportMode } from '../../../../src/shared/api/application-imports.ts';
import type { ImportField } from '../../../../src/shared/api/applications.ts';
import { answerError, parseAnswer } from '../../../lib/api-client.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { uploadWithProgress } from '../../../lib/upload-with-progress.ts';
import type { UploadProgressOptions } from '../../../lib/upload-with-progress.ts';

export type ImportMapping = Partial<Record<ImportField, string>>;

export interface StartImportInput extends UploadProgressOptions {
  periodId: number;
  mode: ImportMode;
  /** Omitted: the server matches the headings by name. */
  mapping?: ImportMapping | undefined;
  file: File;
}

/**
 * Sends the CSV file itself (not base64 in JSON) to be checked or imported in the background; the
 * server answers 202 with the import at once. XMLHttpRequest, through uploadWithProgress, so the
 * page can show how much of a large file has gone up; the CSRF token and the errors are handled as
 * apiRequest handles them. No Idempotency-Key: an upload is not sent again by itself, and a second
 * import of the same file finds its people already applied rather than adding them twice.
 */
export async function startApplicationImport({ periodId, mode, mapping, file, ...progress }: StartImportInput): Promise<ApplicationImport> {
  const query = new URLSearchParams({ mode });
  if (mapping) query.set('mapping', JSON.stringify(mapping));
  const path = `/api/periods/${periodId}/application-imports?${query.toString()}`;
  const res = await uploadWithProgress(path, { file, contentType: 'text/csv' }, progress);
  if (res.status !== 202) throw answerError(res.status, res.body);
  return parseAnswer(applicationImportSchema, res.status, res.body, `POST ${path}`);
}

/** Starts a check (preview) or an import of a CSV file; its progress is read with useApplicationImport. */
export function useStartApplicationImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startApplicationImport,
    onSuccess: (started) => {
      queryClient.setQueryData(queryKeys.applicationImport(started.id), started);
      void queryClient.invalidateQueries({ queryKey: queryKeys.periodImports(started.periodId) });
    },
  });
}
