import { useMutation, useQueryClient } from '@tanstack/react-query';
import { reportSchema } from '../../../../src/shared/api/reports.ts';
import type { Report } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

/**
 * Publishes a draft: its figures are frozen as they are now and its PDF and web page appear. The
 * server refuses an empty report (422 REPORT_EMPTY) and a chart whose groups are too small
 * (422 CHART_SUPPRESSED).
 */
export function publishReport(id: number): Promise<Report> {
  return apiRequest(`/api/reports/${id}/publish`, reportSchema, { method: 'POST' });
}

export function usePublishReport(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => publishReport(id),
    onSuccess: (report) => {
      queryClient.setQueryData(reportKeys.one(id), report);
      void queryClient.invalidateQueries({ queryKey: reportKeys.list });
    },
  });
}
