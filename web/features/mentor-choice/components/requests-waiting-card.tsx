import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { useMyMentorRequests } from '../api/get-my-mentor-requests.ts';
import { answerBy } from './choice-words.ts';

/** On a mentor's home: the mentees waiting for an answer, soonest due first. Nothing while none wait. */
export function RequestsWaitingCard() {
  const requests = useMyMentorRequests();
  const waiting = (requests.data?.received ?? []).filter((r) => r.status === 'pending');
  if (waiting.length === 0) return null;
  const sorted = [...waiting].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  return (
    <Card title={waiting.length === 1 ? '1 mentee asked for you' : `${waiting.length} mentees asked for you`}>
      <ul className="plain-list link-list">
        {sorted.map((r) => (
          <li key={r.id}>
            <Link to={`/requests/${r.id}`}>{r.mentee.name}</Link>
            <span className="muted"> — answer by {answerBy(r.expiresAt)}</span>
          </li>
        ))}
      </ul>
      <p className="small">
        <Link to="/requests">All your requests</Link>
      </p>
    </Card>
  );
}
