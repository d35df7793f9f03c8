import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { afterSheetChange } from './sheet-cache.ts';
import { sendSheetChange } from './sheet-request.ts';

/** Staff: back to the pair with a comment saying what to change. */
export function returnGoalSheet({
  matchId,
  revision,
  comment,
}: {
  matchId: number;
  revision: number;
  comment: string;
}): Promise<GoalSheetView> {
  return sendSheetChange(`/api/matches/${matchId}/goal-sheet/return`, 'POST', { revision, comment });
}

export function useReturnGoalSheet() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: returnGoalSheet, onSuccess: (view) => afterSheetChange(queryClient, view) });
}
