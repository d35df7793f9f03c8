import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { formatDate, formatInstant } from '../../../lib/format-date.ts';
import { useGoalSheet } from '../api/get-goal-sheet.ts';
import { daysLeftWords } from '../due-words.ts';
import { GoalSheetStatusBadges } from './status-badge.tsx';

/**
 * A summary of a match's goal sheet for the match page: where it stands, when it is due, and the
 * way in. Renders nothing for someone who may not see the sheet.
 */
export function GoalSheetCard({ matchId }: { matchId: number }) {
  const sheet = useGoalSheet(matchId);
  if (sheet.isError && isApiError(sheet.error) && sheet.error.status === 404) return null;
  return (
    <Card title="Goal sheet">
      {sheet.isPending ? <Loading label="Loading the goal sheet…" /> : null}
      {sheet.isError ? <LoadError error={sheet.error} what="the goal sheet" onRetry={() => void sheet.refetch()} /> : null}
      {sheet.data ? (
        <>
          <GoalSheetStatusBadges status={sheet.data.status} started={sheet.data.revision > 0} overdue={sheet.data.overdue} />
          <p>
            Due <strong>{formatDate(sheet.data.dueOn)}</strong>
            {sheet.data.firstSubmittedAt === null ? ` (${daysLeftWords(sheet.data.daysLeft)})` : ''}.
            {sheet.data.firstSubmittedAt !== null
              ? ` First sent ${formatInstant(sheet.data.firstSubmittedAt)}, ${sheet.data.onTime ? 'on time' : 'after the due date'}.`
              : ''}
          </p>
          <p>
            <Link to={`/matches/${matchId}/goal-sheet`}>Open the goal sheet</Link>
          </p>
        </>
      ) : null}
    </Card>
  );
}
