import type { GoalSheetStatus } from '../../../../src/shared/api/goal-sheets.ts';
import { Badge } from '../../../components/ui/badge.tsx';

const WORDS: Record<GoalSheetStatus, string> = {
  draft: 'Draft',
  submitted: 'Sent, waiting for review',
  returned: 'Returned for changes',
  acknowledged: 'Acknowledged',
};
const TONE: Record<GoalSheetStatus, 'neutral' | 'info' | 'warning' | 'success'> = {
  draft: 'neutral',
  submitted: 'info',
  returned: 'warning',
  acknowledged: 'success',
};

/** Where a sheet stands, in words (the colour only repeats them); plus "Overdue" when it is. */
export function GoalSheetStatusBadges({
  status,
  started = true,
  overdue = false,
}: {
  status: GoalSheetStatus;
  started?: boolean;
  overdue?: boolean;
}) {
  return (
    <span className="badges">
      <Badge tone={TONE[status]}>{status === 'draft' && !started ? 'Not started' : WORDS[status]}</Badge>
      {overdue ? <Badge tone="danger">Overdue</Badge> : null}
    </span>
  );
}
