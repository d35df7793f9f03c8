import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { reportSchema } from '../../../../src/shared/api/reports.ts';
import type { Report, createReportBodySchema } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

export type CreateReportInput = z.input<typeof createReportBodySchema>;

/** Starts a draft for a period: the default outline, or the sections of a published report. */
export function createReport(input: CreateReportInput): Promise<Report> {
  return apiRequest('/api/reports', reportSchema, { method: 'POST', body: input });
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReport,
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.one(report.id), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.list });
    },
  });
}
