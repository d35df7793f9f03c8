import { useState } from 'react';
import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useMyMentorRequests } from '../api/get-my-mentor-requests.ts';
import type { MentorRequest } from '../api/get-my-mentor-requests.ts';
import { AnswerOutcome, focusAnswerOutcome } from './answer-outcome.tsx';
import type { AnsweredNow } from './answer-outcome.tsx';
import { AnswerRequestForm } from './answer-request-form.tsx';
import { RequestDetails, RequestStatusBadge } from './request-details.tsx';

function ReceivedList({ requests, onAnswered }: { requests: readonly MentorRequest[]; onAnswered?: (a: AnsweredNow) => void }) {
  return (
    <ul className="plain-list item-list">
      {requests.map((r) => (
        <li key={r.id} className="request-item">
          <h3 className="item-title">
            <Link to={`/requests/${r.id}`}>{r.mentee.name}</Link>
          </h3>
          <RequestDetails request={r} viewer="mentor" level={4} />
          {onAnswered && r.status === 'pending' ? <AnswerRequestForm request={r} byStaff={false} onAnswered={onAnswered} /> : null}
          {r.status === 'accepted' && r.matchId !== null ? (
            <p>
              <Link to={`/matches/${r.matchId}`}>Open your match with {r.mentee.name}</Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function SentList({ requests }: { requests: readonly MentorRequest[] }) {
  return (
    <ul className="plain-list item-list">
      {requests.map((r) => (
        <li key={r.id}>
          <p className="item-title">
            <Link to={`/requests/${r.id}`}>To {r.mentor.name}</Link> <RequestStatusBadge status={r.status} />
          </p>
          <p className="muted small">{r.periodName}</p>
        </li>
      ))}
    </ul>
  );
}

/**
 * A mentor's requests: mentees who would like them, waiting ones first, each with who is asking,
 * their note, why the pair fits, and Accept / Decline; then the ones answered. Below, the requests
 * this person sent as a mentee, if any.
 */
export function RequestsPage() {
  const requests = useMyMentorRequests();
  const [answered, setAnswered] = useState<AnsweredNow | null>(null);
  const onAnswered = (a: AnsweredNow) => {
    setAnswered(a);
    focusAnswerOutcome();
  };
  const received = requests.data?.received ?? [];
  const waiting = received.filter((r) => r.status === 'pending');
  const settled = received.filter((r) => r.status !== 'pending');
  const sent = requests.data?.sent ?? [];

  return (
    <Page
      title="Mentee requests"
      intro={
        <p>
          Mentees who would like you as their mentor. Answer each one by the date shown: a request nobody answers lapses, and the mentee is
          free to ask someone else. Mentees choose from your <Link to="/mentor-card">mentor card</Link>.
        </p>
      }
    >
      <AnswerOutcome answered={answered} />
      {requests.isPending ? <Loading label="Loading your requests…" /> : null}
      {requests.isError ? <LoadError error={requests.error} what="your requests" onRetry={() => void requests.refetch()} /> : null}
      {requests.data ? (
        <>
          <Card title="Waiting for your answer">
            {waiting.length === 0 ? (
              <p className="muted">No request is waiting for you. When a mentee asks for you, you’ll get an e-mail and see it here.</p>
            ) : (
              <ReceivedList requests={waiting} onAnswered={onAnswered} />
            )}
          </Card>
          {settled.length > 0 ? (
            <Card title="Answered and closed">
              <ReceivedList requests={settled} />
            </Card>
          ) : null}
          {sent.length > 0 ? (
            <Card title="Requests you sent">
              <SentList requests={sent} />
              <p className="small">
                <Link to="/choose">Your suggested mentors</Link>
              </p>
            </Card>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
