import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useMe } from '../../../lib/reads/me.ts';
import { focusWhen } from '../../../lib/reorder.ts';
import { useMentorRequest } from '../api/get-mentor-request.ts';
import type { MentorRequest } from '../api/get-my-mentor-requests.ts';
import { useWithdrawMentorRequest } from '../api/withdraw-mentor-request.ts';
import { AnswerOutcome, focusAnswerOutcome } from './answer-outcome.tsx';
import type { AnsweredNow } from './answer-outcome.tsx';
import { AnswerRequestForm } from './answer-request-form.tsx';
import { firstName } from './choice-words.ts';
import { RequestDetails } from './request-details.tsx';
import type { RequestViewer } from './request-details.tsx';

function viewerOf(r: MentorRequest, myId: number | undefined): RequestViewer {
  if (r.mentor.userId === myId) return 'mentor';
  if (r.mentee.userId === myId) return 'mentee';
  return 'staff';
}

/** The mentee's own request: withdraw it while it waits; once withdrawn, the way back to the suggestions. */
function WithdrawMine({ request: r }: { request: MentorRequest }) {
  const withdraw = useWithdrawMentorRequest();
  if (r.status === 'withdrawn') {
    return (
      <p id="withdrawn" tabIndex={-1}>
        You withdrew this request. <Link to="/choose">Ask another mentor</Link>
      </p>
    );
  }
  return (
    <>
      <ConfirmAction
        variant="secondary"
        label="Withdraw my request"
        labelDetail={`to ${r.mentor.name}`}
        question={`Withdraw your request to ${firstName(r.mentor.name)}? You can ask another mentor afterwards.`}
        groupLabel="Confirm withdrawing your request"
        confirmLabel="Yes, withdraw it"
        busy={withdraw.isPending}
        error={withdraw.isError ? withdraw.error : null}
        onConfirm={() => withdraw.mutate({ id: r.id, note: '' }, { onSuccess: () => focusWhen('withdrawn') })}
      />
    </>
  );
}

function titleFor(r: MentorRequest, viewer: RequestViewer): string {
  if (viewer === 'mentor') return `${r.mentee.name} would like you as their mentor`;
  if (viewer === 'mentee') return `Your request to ${r.mentor.name}`;
  return `${r.mentee.name}’s request to ${r.mentor.name}`;
}

/** One request: the page a mentor's e-mail links to, with Accept and Decline while it waits. */
export function RequestPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const request = useMentorRequest(valid ? id : 0);
  const { data: me } = useMe();
  const [answered, setAnswered] = useState<AnsweredNow | null>(null);
  const back = (
    <p className="breadcrumb">
      <Link to="/requests">← Your requests</Link>
    </p>
  );

  if (!valid || (request.isError && isApiError(request.error) && request.error.status === 404)) {
    return (
      <Page title="Request not found" before={back}>
        <p>We couldn’t find this request. The link may be out of date, or the request may be someone else’s.</p>
      </Page>
    );
  }
  if (request.isError) {
    return (
      <Page title="Mentor request" before={back}>
        <LoadError error={request.error} what="this request" onRetry={() => void request.refetch()} />
      </Page>
    );
  }
  if (!request.data) {
    return (
      <Page title="Mentor request" before={back}>
        <Loading label="Loading the request…" />
      </Page>
    );
  }

  const r = request.data;
  const viewer = viewerOf(r, me?.id);
  const title = titleFor(r, viewer);
  const matchLink =
    r.status === 'accepted' && r.matchId !== null && !answered ? (
      <p>
        <Link to={`/matches/${r.matchId}`} className="button">
          {viewer === 'mentor'
            ? `Open your match with ${r.mentee.name}`
            : viewer === 'mentee'
              ? `Open your match with ${r.mentor.name}`
              : 'Open the match'}
        </Link>
      </p>
    ) : null;

  return (
    <Page
      title={title}
      documentTitle={viewer === 'mentor' ? `Request from ${r.mentee.name}` : title}
      before={
        <p className="breadcrumb">
          {viewer === 'mentee' ? <Link to="/choose">← Your suggested mentors</Link> : null}
          {viewer === 'mentor' ? <Link to="/requests">← Your requests</Link> : null}
          {viewer === 'staff' ? <Link to={`/periods/${r.periodId}/requests`}>← The period’s requests</Link> : null}
        </p>
      }
      intro={<p>{r.periodName}</p>}
    >
      <AnswerOutcome answered={answered} />
      <Card title={viewer === 'mentee' ? 'Your request' : `About the request`}>
        <RequestDetails request={r} viewer={viewer} level={3} />
        {matchLink}
      </Card>
      {r.status === 'pending' && viewer !== 'mentee' ? (
        <Card title={viewer === 'staff' ? 'Answer for the mentor' : 'Your answer'}>
          <AnswerRequestForm
            request={r}
            byStaff={viewer === 'staff'}
            onAnswered={(a) => {
              setAnswered(a);
              focusAnswerOutcome();
            }}
          />
        </Card>
      ) : null}
      {(r.status === 'pending' || r.status === 'withdrawn') && viewer === 'mentee' ? (
        <Card title="Changed your mind?">
          <WithdrawMine request={r} />
        </Card>
      ) : null}
    </Page>
  );
}
