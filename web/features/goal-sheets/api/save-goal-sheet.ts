import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GoalSheetView, SaveGoalSheetBody } from '../../../../src/shared/api/goal-sheets.ts';
import { afterSheetChange } from './sheet-cache.ts';
import { sendSheetChange } from './sheet-request.ts';

export type SaveInput = { matchId: number } & SaveGoalSheetBody;

/** Saves on top of `baseRevision`; a StaleSheetError (409) carries the newer sheet to merge with. */
export function saveGoalSheet({ matchId, ...body }: SaveInput): Promise<GoalSheetView> {
  return sendSheetChange(`/api/matches/${matchId}/goal-sheet`, 'PUT', body);
}

export function useSaveGoalSheet() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveGoalSheet, onSuccess: (view) => afterSheetChange(queryClient, view) });
}
