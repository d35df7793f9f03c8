import { useMutation, useQueryClient } from '@tanstack/react-query';
import { okSchema } from '../../../../src/shared/api/common.ts';
import type { Report } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

/** Removes a section from a draft, with its text. */
export async function removeSection(reportId: number, sectionId: number): Promise<void> {
  await apiRequest(`/api/reports/${reportId}/sections/${sectionId}`, okSchema, { method: 'DELETE' });
}

export function useRemoveSection(reportId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sectionId: number) => removeSection(reportId, sectionId),
    onSuccess: (_, sectionId) => {
      queryClient.setQueryData<Report>(reportKeys.one(reportId), (old) =>
        old ? { ...old, sections: old.sections.filter((s) => s.id !== sectionId) } : old,
      );
    },
  });
}
