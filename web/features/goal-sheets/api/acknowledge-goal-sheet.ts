import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { afterSheetChange } from './sheet-cache.ts';
import { sendSheetChange } from './sheet-request.ts';

/** Staff: the sheet is fine; this is final. The comment, if any, goes to the pair. */
export function acknowledgeGoalSheet({
  matchId,
  revision,
  comment,
}: {
  matchId: number;
  revision: number;
  comment: string;
}): Promise<GoalSheetView> {
  return sendSheetChange(`/api/matches/${matchId}/goal-sheet/acknowledge`, 'POST', { revision, ...(comment.trim() && { comment }) });
}

export function useAcknowledgeGoalSheet() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: acknowledgeGoalSheet, onSuccess: (view) => afterSheetChange(queryClient, view) });
}
