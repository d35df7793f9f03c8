import { queryOptions, useQuery } from '@tanstack/react-query';
import { goalSheetVersionListSchema } from '../../../../src/shared/api/goal-sheets.ts';
import type { GoalSheetVersion } from '../../../../src/shared/api/goal-sheets.ts';
import { apiRequest } from '../../../lib/api-client.ts';
import { goalSheetKeys } from './goal-sheet-keys.ts';

export type { GoalSheetVersion };

export async function getGoalSheetVersions(matchId: number): Promise<GoalSheetVersion[]> {
  return (await apiRequest(`/api/matches/${matchId}/goal-sheet/versions`, goalSheetVersionListSchema)).versions;
}

/** Every saved version, submission and review of the sheet, newest first. */
export function useGoalSheetVersions(matchId: number) {
  return useQuery(
    queryOptions({ queryKey: goalSheetKeys.versions(matchId), queryFn: () => getGoalSheetVersions(matchId), enabled: matchId > 0 }),
  );
}
