import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { chartOptionsSchema } from '../../../../src/shared/api/reports.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { reportKeys } from './report-keys.ts';

export type ChartOption = z.output<typeof chartOptionsSchema>['options'][number];

/** What can be put in a report for a period: its own figures and its closed surveys' questions, with their data. */
export async function getChartOptions(periodId: number): Promise<ChartOption[]> {
  return (await apiRequest(`/api/report-charts/options?periodId=${periodId}`, chartOptionsSchema)).options;
}

/** Fetched once the chart dialog opens. */
export function useChartOptions(periodId: number, open: boolean) {
  return useQuery({ queryKey: reportKeys.chartOptions(periodId), queryFn: () => getChartOptions(periodId), enabled: open });
}
