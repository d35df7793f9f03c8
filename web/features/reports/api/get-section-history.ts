import { useQuery } from '@tanstack/react-query';
import { sectionHistorySchema } from '../../../../src/shared/api/reports.ts';
import type { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

export type SectionVersion = z.output<typeof sectionHistorySchema>['versions'][number];

/** The saved versions of one section, newest first: when, and by whom. */
export async function getSectionHistory(reportId: number, sectionId: number): Promise<SectionVersion[]> {
  return (await apiRequest(`/api/reports/${reportId}/sections/${sectionId}/history`, sectionHistorySchema)).versions;
}

/** Fetched only while the history is open. */
export function useSectionHistory(reportId: number, sectionId: number, open: boolean) {
  return useQuery({
    queryKey: reportKeys.history(reportId, sectionId),
    queryFn: () => getSectionHistory(reportId, sectionId),
    enabled: open,
  });
}
