import type { GoalSheetView } from '../../../../src/shared/api/goal-sheets.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { formatDate, formatInstant } from '../../../lib/format-date.ts';
import { daysLeftWords } from '../due-words.ts';

function DueLine({ view }: { view: GoalSheetView }) {
  return (
    <p>
      Due <strong>{formatDate(view.dueOn)}</strong> ({daysLeftWords(view.daysLeft)}).
    </p>
  );
}

/** Where the sheet stands and what happens next, at the top of the page. */
export function StatusBanner({ view }: { view: GoalSheetView }) {
  const lateWord = view.onTime === false ? ' It arrived after the due date, so it counts as late.' : '';
  switch (view.status) {
    case 'draft':
      return view.overdue ? (
        <Alert tone="warning" title="Not sent yet, and past its due date" announce={false}>
          <DueLine view={view} />
          <p>Please send it as soon as you can. It will still be accepted, marked as late.</p>
        </Alert>
      ) : (
        <Alert tone="info" title="Draft: not sent to the program office yet" announce={false}>
          <DueLine view={view} />
          <p>Write it together: each of you can change it, and every save is kept in the history below.</p>
        </Alert>
      );
    case 'submitted':
      return (
        <Alert tone="info" title="Sent to the program office">
          <p>
            {view.submittedByName ?? 'One of you'} sent it on {view.submittedAt ? formatInstant(view.submittedAt) : 'an earlier date'}.
            {lateWord} The program office will acknowledge it, or send it back with a note if something needs changing.
          </p>
        </Alert>
      );
    case 'returned':
      return (
        <Alert tone="warning" title="Returned for changes" announce={false}>
          <p>
            The program office sent it back{view.reviewedAt ? ` on ${formatInstant(view.reviewedAt)}` : ''}
            {view.reviewedByName ? ` (${view.reviewedByName})` : ''} with this note:
          </p>
          <blockquote className="goal-sheet__note">{view.reviewComment}</blockquote>
          <p>Change it together, then send it again.</p>
        </Alert>
      );
    case 'acknowledged':
      return (
        <Alert tone="success" title="Acknowledged by the program office">
          <p>
            Acknowledged{view.reviewedAt ? ` on ${formatInstant(view.reviewedAt)}` : ''}.{lateWord} The sheet is final now: enjoy working on
            your goals.
          </p>
          {view.reviewComment ? <blockquote className="goal-sheet__note">{view.reviewComment}</blockquote> : null}
        </Alert>
      );
  }
}
