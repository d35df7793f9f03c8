import { queryOptions, useQuery } from '@tanstack/react-query';
import { reportSchema } from '../../../../src/shared/api/reports.ts';
import type { Report } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

/** One report with its sections and the data of every chart in them. */
export function getReport(id: number): Promise<Report> {
  return apiRequest(`/api/reports/${id}`, reportSchema);
}

export function reportQueryOptions(id: number) {
  return queryOptions({ queryKey: reportKeys.one(id), queryFn: () => getReport(id), enabled: id > 0 });
}

export function useReport(id: number) {
  // The editor keeps what people type; fetching again on focus would only redraw what they see.
  return useQuery({ ...reportQueryOptions(id), refetchOnWindowFocus: false });
}
