import type { GoalSheetEvent, GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useGoalSheetVersions } from '../api/get-goal-sheet-versions.ts';
import { SheetContentView } from './sheet-content-view.tsx';

const EVENT_WORDS: Record<GoalSheetEvent, string> = {
  saved: 'Saved',
  submitted: 'Sent to the program office',
  returned: 'Returned to the pair',
  acknowledged: 'Acknowledged',
};

/** Every version of the sheet, newest first, each one open to read. */
export function SheetHistory({ matchId, programGoals }: { matchId: number; programGoals: GoalSheetView['programGoals'] }) {
  const versions = useGoalSheetVersions(matchId);
  return (
    <Card title="History">
      {versions.isPending ? <Loading label="Loading the history…" /> : null}
      {versions.isError ? <LoadError error={versions.error} what="the history" onRetry={() => void versions.refetch()} /> : null}
      {versions.data?.length === 0 ? (
        <p className="muted">Nothing saved yet. Each save, submission and review will be listed here.</p>
      ) : null}
      {versions.data && versions.data.length > 0 ? (
        <ol className="item-list plain-list">
          {versions.data.map((v) => (
            <li key={`${v.revision}-${v.event}`}>
              <p>
                <strong>{EVENT_WORDS[v.event]}</strong> by {v.actorName ?? 'a former member'}, {formatInstant(v.at)}
              </p>
              {v.comment ? <blockquote className="goal-sheet__note">{v.comment}</blockquote> : null}
              <details className="goal-sheet__version">
                <summary>Show version {v.revision}</summary>
                <SheetContentView content={v.content} programGoals={programGoals} />
              </details>
            </li>
          ))}
        </ol>
      ) : null}
    </Card>
  );
}
