import { Link } from 'react-router';
import { MENTOR_REQUEST_STATUS_LABELS } from '../../../../src/shared/matching-modes.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import type { MentorRequest } from '../api/get-my-mentor-requests.ts';
import { firstName } from './choice-words.ts';

/** What became of a request, in words for the mentee who made it. */
function outcome(r: MentorRequest): string {
  const first = firstName(r.mentor.name);
  const when = r.answeredAt ? ` on ${formatInstant(r.answeredAt)}` : '';
  switch (r.status) {
    case 'accepted':
      return `${first} said yes${when}.`;
    case 'declined':
      return `${first} can’t take you on this time${when ? ` (answered${when})` : ''}. That happens; it is not about you.`;
    case 'withdrawn':
      return `You withdrew this request${when}.`;
    case 'expired':
      return `${first} didn’t answer in time, so the request lapsed. You can ask someone else.`;
    case 'cancelled':
      return `This request was closed${when}: ${first} has no places left, you found a mentor, or the program office stepped in.`;
    case 'pending':
      return 'Waiting for an answer.';
  }
}

/** My requests that are settled, newest first: who said what, so nothing happens out of sight. */
export function EarlierRequests({ requests }: { requests: readonly MentorRequest[] }) {
  const settled = requests.filter((r) => r.status !== 'pending');
  if (settled.length === 0) return null;
  return (
    <Card title="Your earlier requests">
      <ul className="plain-list item-list">
        {settled.map((r) => (
          <li key={r.id}>
            <h3 className="item-title">
              {r.mentor.name} <Badge tone={r.status === 'accepted' ? 'success' : 'neutral'}>{MENTOR_REQUEST_STATUS_LABELS[r.status]}</Badge>
            </h3>
            <p className="muted small">Asked {formatInstant(r.createdAt)}</p>
            <p>{outcome(r)}</p>
            {r.answerNote ? (
              <blockquote className="request-note">
                <p className="small muted">
                  {r.status === 'cancelled' ? 'The program office wrote:' : `${firstName(r.mentor.name)} wrote:`}
                </p>
                <p>{r.answerNote}</p>
              </blockquote>
            ) : null}
            {r.matchId !== null ? (
              <p>
                <Link to={`/matches/${r.matchId}`}>Open your match with {r.mentor.name}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  );
}
