import { queryOptions, useQuery } from '@tanstack/react-query';
import { reportListSchema } from '../../../../src/shared/api/reports.ts';
import type { ReportSummary } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

/** Every annual report, draft or published (staff and the task force). */
export async function getReports(): Promise<ReportSummary[]> {
  return (await apiRequest('/api/reports', reportListSchema)).reports;
}

export function useReports() {
  return useQuery(queryOptions({ queryKey: reportKeys.list, queryFn: getReports }));
}
