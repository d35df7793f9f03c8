import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reportSectionSchema } from '../../../../src/shared/api/reports.ts';
import type { Report, ReportSection } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

/** Adds an empty section at the end of a draft. */
export function addSection(reportId: number, title: string): Promise<ReportSection> {
  return apiRequest(`/api/reports/${reportId}/sections`, reportSectionSchema, { method: 'POST', body: { title } });
}

export function useAddSection(reportId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: string) => addSection(reportId, title),
    onSuccess: (section) => {
      queryClient.setQueryData<Report>(reportKeys.one(reportId), (old) =>
        old ? { ...old, sections: [...old.sections.filter((s) => s.id !== section.id), section] } : old,
      );
    },
  });
}
