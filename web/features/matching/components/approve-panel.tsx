import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useApproveRun } from '../api/approve-run.ts';
import type { MatchingRun, RunResult } from '../api/get-run.ts';
import type { Workspace } from '../api/get-workspace.ts';

interface ApprovePanelProps {
  period: Workspace['period'];
  run: MatchingRun;
  result: RunResult;
  canManagePeriods: boolean;
}

function approveFailure(error: unknown): { title: string; text: string } {
  if (isApiError(error) && error.code === 'STALE_RUN') return { title: 'This proposal is out of date.', text: error.message };
  if (isApiError(error) && error.code === 'PERIOD_NOT_MATCHING')
    return { title: 'The period isn’t in its matching phase.', text: error.message };
  return { title: 'We couldn’t approve the matches.', text: errorMessage(error) };
}

/** The last step: create the matches and tell everyone, after one more look. */
export function ApprovePanel({ period, run, result, canManagePeriods }: ApprovePanelProps) {
  const approve = useApproveRun();
  const [confirming, setConfirming] = useState(false);
  const pairs = result.summary.matched;
  const unmatched = result.summary.unmatched;

  if (approve.isSuccess) {
    return (
      <Alert tone="success" title="Matches approved.">
        <p>
          {approve.data.matchesCreated} {approve.data.matchesCreated === 1 ? 'match was' : 'matches were'} created and both partners were
          e-mailed. {approve.data.unmatchedNotified}{' '}
          {approve.data.unmatchedNotified === 1 ? 'person who wasn’t matched has' : 'people who weren’t matched have'} been told too.
        </p>
      </Alert>
    );
  }
  if (run.status === 'approved') return <p>This proposal has been approved. The matches are made and everyone has been told.</p>;
  if (period.status === 'applications_open') {
    return (
      <Alert tone="info" title="Applications are still open." announce={false}>
        <p>
          You can try runs now, but matches can be approved only once the period has moved on to Matching, when no new applications can
          arrive.
        </p>
        {canManagePeriods ? (
          <p>
            <Link to={`/periods/${period.id}`}>Open {period.name} to move it to Matching</Link>
          </p>
        ) : (
          <p>The program office moves the period to Matching when applications close.</p>
        )}
      </Alert>
    );
  }
  if (period.status !== 'matching') return <p>Matches for this period can’t be approved now: it isn’t in its matching phase.</p>;
  if (run.stale) return <p className="muted">Run matching again before approving: the proposal above is out of date.</p>;
  if (run.status !== 'done') return null;

  const failure = approve.isError ? approveFailure(approve.error) : null;
  return (
    <>
      {failure ? (
        <Alert tone="error" title={failure.title}>
          {failure.text}
        </Alert>
      ) : null}
      {confirming ? (
        <div className="confirm-box" role="group" aria-label="Confirm approval">
          <p>
            <strong>
              This creates {pairs} {pairs === 1 ? 'match' : 'matches'} and e-mails everyone:
            </strong>{' '}
            both people in each pair, and the {unmatched} {unmatched === 1 ? 'mentee' : 'mentees'} who weren’t matched. It can’t be undone.
          </p>
          <div className="form-actions">
            <Button busy={approve.isPending} onClick={() => approve.mutate(run.id)} autoFocus>
              Yes, approve and send e-mails
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              Not yet
            </Button>
          </div>
        </div>
      ) : (
        <>
          <p>When you’re happy with the proposal, approve it. Everyone hears from us by e-mail straight away.</p>
          <Button
            onClick={() => {
              approve.reset();
              setConfirming(true);
            }}
          >
            Approve these matches
          </Button>
        </>
      )}
    </>
  );
}
