import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { goalSheetListSchema } from '../../../../src/shared/api/goal-sheets.ts';
import type { GoalSheetList, GoalSheetListRow } from '../../../../src/shared/api/goal-sheets.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { goalSheetKeys } from './goal-sheet-keys.ts';

export type { GoalSheetList, GoalSheetListRow };
export interface GoalSheetFilters {
  periodId?: number | undefined;
  status?: string | undefined;
}

export function getGoalSheets(filters: GoalSheetFilters): Promise<GoalSheetList> {
  const query = new URLSearchParams();
  if (filters.periodId) query.set('periodId', String(filters.periodId));
  if (filters.status) query.set('status', filters.status);
  const qs = query.toString();
  return apiRequest(`/api/goal-sheets${qs ? `?${qs}` : ''}`, goalSheetListSchema);
}

/** Staff: every match of a period and where its goal sheet stands. */
export function useGoalSheets(filters: GoalSheetFilters) {
  return useQuery(
    queryOptions({ queryKey: goalSheetKeys.list(filters), queryFn: () => getGoalSheets(filters), placeholderData: keepPreviousData }),
  );
}
