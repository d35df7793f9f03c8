import { queryOptions, useQuery } from '@tanstack/react-query';
import { reportListSchema } from '../../../../src/shared/api/reports.ts';
import type { ReportSummary } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

/** The published reports the signed-in person may read (participants: those shared with them). */
export async function getPublishedReports(): Promise<ReportSummary[]> {
  return (await apiRequest('/api/reports/published', reportListSchema)).reports;
}

export function usePublishedReports() {
  return useQuery(queryOptions({ queryKey: reportKeys.published, queryFn: getPublishedReports }));
}
