import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { reportSchema } from '../../../../src/shared/api/reports.ts';
import type { Report, updateReportBodySchema } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

export type UpdateReportInput = z.input<typeof updateReportBodySchema>;

/** Changes a report's title or who may read it once published. */
export function updateReport(id: number, input: UpdateReportInput): Promise<Report> {
  return apiRequest(`/api/reports/${id}`, reportSchema, { method: 'PATCH', body: input });
}

export function useUpdateReport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateReportInput) => updateReport(id, input),
    onSuccess: (report) => {
      // Only the report's own fields: the sections on screen keep what is being typed.
      queryClient.setQueryData<Report>(reportKeys.one(id), (old) =>
        old ? { ...old, title: report.title, visibility: report.visibility, updatedAt: report.updatedAt } : report,
      );
      void queryClient.invalidateQueries({ queryKey: reportKeys.list });
    },
  });
}
