import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useGoalSheet } from '../api/get-goal-sheet.ts';
import { GoalSheetEditor } from './goal-sheet-editor.tsx';
import { ReviewBox } from './review-box.tsx';
import { SheetContentView } from './sheet-content-view.tsx';
import { SheetHistory } from './sheet-history.tsx';
import { StatusBanner } from './status-banner.tsx';
import { Card } from '../../../components/ui/card.tsx';

const homeLink = (
  <p className="breadcrumb">
    <Link to="/">← Your home page</Link>
  </p>
);
const listLink = (
  <p className="breadcrumb">
    <Link to="/goal-sheets">← Goal sheets</Link>
  </p>
);

/** A match's goal sheet: the pair write and send it; staff read, acknowledge or return it. */
export function GoalSheetPage() {
  const params = useParams();
  const matchId = Number(params.id);
  const valid = Number.isInteger(matchId) && matchId > 0;
  const sheet = useGoalSheet(valid ? matchId : 0);
  // Keeps the editor on screen while it holds unsaved edits, even if the sheet was locked meanwhile.
  const [editorDirty, setEditorDirty] = useState(false);

  if (!valid || (sheet.isError && isApiError(sheet.error) && sheet.error.status === 404)) {
    return (
      <Page title="Goal sheet not found" before={homeLink}>
        <p>We couldn’t find this goal sheet. It may belong to a match you’re not part of.</p>
      </Page>
    );
  }
  if (sheet.isError) {
    return (
      <Page title="Goal sheet" before={homeLink}>
        <LoadError error={sheet.error} what="the goal sheet" onRetry={() => void sheet.refetch()} />
      </Page>
    );
  }
  if (sheet.isPending) {
    return (
      <Page title="Goal sheet" before={homeLink}>
        <Loading label="Loading the goal sheet…" />
      </Page>
    );
  }

  const v = sheet.data;
  const showEditor = v.canEdit || (editorDirty && v.viewer !== 'staff');
  return (
    <Page
      title="Goal sheet"
      before={v.viewer === 'staff' ? listLink : homeLink}
      intro={
        <p>
          {v.mentee.name} (mentee) and {v.mentor.name} (mentor) · {v.periodName}
          {v.matchStatus === 'ended' ? ' · this match has ended' : ''}
        </p>
      }
      actions={
        <div className="form-actions">
          <a className="button button--secondary button--small" href={`/api/matches/${v.matchId}/goal-sheet.pdf`} download>
            Download as PDF
          </a>
          <a className="button button--secondary button--small" href="/api/goal-sheets/blank.pdf" download>
            Blank template (PDF)
          </a>
        </div>
      }
    >
      <StatusBanner view={v} />
      {showEditor ? (
        <GoalSheetEditor key={v.matchId} view={v} onDirtyChange={setEditorDirty} />
      ) : (
        <Card title="The goals">
          <SheetContentView content={v.content} programGoals={v.programGoals} />
        </Card>
      )}
      {v.canReview ? <ReviewBox key={v.revision} view={v} /> : null}
      <SheetHistory matchId={v.matchId} programGoals={v.programGoals} />
    </Page>
  );
}
