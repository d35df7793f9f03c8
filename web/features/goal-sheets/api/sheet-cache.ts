import type { QueryClient } from '@tanstack/react-query';
import type { GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { queryKeys } from '../../../lib/query-keys.ts';
import { goalSheetKeys } from './goal-sheet-keys.ts';

/** After any change: the sheet as the server returned it, and a fresh look at everything it touches. */
export function afterSheetChange(queryClient: QueryClient, view: GoalSheetView): void {
  queryClient.setQueryData(goalSheetKeys.sheet(view.matchId), view);
  void queryClient.invalidateQueries({ queryKey: goalSheetKeys.versions(view.matchId) });
  void queryClient.invalidateQueries({ queryKey: ['goal-sheets', 'list'] });
  // Submissions and reviews send mail; reviews are audited.
  void queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
  void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
}
