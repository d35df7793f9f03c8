import { queryOptions, useQuery } from '@tanstack/react-query';
import { goalSheetViewSchema } from '../../../../src/shared/api/goal-sheets.ts';
import type { GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { goalSheetKeys } from './goal-sheet-keys.ts';

export type { GoalSheetView };

export function getGoalSheet(matchId: number): Promise<GoalSheetView> {
  return apiRequest(`/api/matches/${matchId}/goal-sheet`, goalSheetViewSchema);
}

export function goalSheetQueryOptions(matchId: number) {
  return queryOptions({ queryKey: goalSheetKeys.sheet(matchId), queryFn: () => getGoalSheet(matchId), enabled: matchId > 0 });
}

/** A match's goal sheet, with what the viewer may do with it. */
export function useGoalSheet(matchId: number) {
  return useQuery(goalSheetQueryOptions(matchId));
}
