import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { afterSheetChange } from './sheet-cache.ts';
import { sendSheetChange } from './sheet-request.ts';

/** Sends the sheet at `revision` to the program office; 422 INCOMPLETE_SHEET lists what is missing. */
export function submitGoalSheet({ matchId, revision }: { matchId: number; revision: number }): Promise<GoalSheetView> {
  return sendSheetChange(`/api/matches/${matchId}/goal-sheet/submit`, 'POST', { revision });
}

export function useSubmitGoalSheet() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: submitGoalSheet, onSuccess: (view) => afterSheetChange(queryClient, view) });
}
