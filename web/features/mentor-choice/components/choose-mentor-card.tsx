import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { useMyMentorRequests } from '../api/get-my-mentor-requests.ts';
import { useMySuggestions } from '../api/get-my-suggestions.ts';
import { answerBy, askLimitInWords } from './choice-words.ts';

/**
 * On a choosing mentee's home: the way to their suggestions, and the request they are waiting on.
 * Nothing for a mentee who has a mentor or is not in a period where mentees choose.
 */
export function ChooseMentorCard() {
  const suggestions = useMySuggestions();
  const data = suggestions.data;
  const requests = useMyMentorRequests(data?.state === 'choosing' && data.pendingRequests > 0);
  if (!data || data.state !== 'choosing' || !data.period) return null;
  const waiting = (requests.data?.sent ?? []).filter((r) => r.status === 'pending');
  const hybrid = data.period.mode === 'hybrid';
  const wishes = data.suggestions.filter((s) => s.wishRank !== null).length;

  return (
    <Card title="Choose your mentor">
      {hybrid ? (
        <p>
          In {data.period.name}, tell the matching committee which of your suggested mentors you would like.{' '}
          {wishes > 0 ? `You have named ${wishes === 1 ? 'one mentor' : `${wishes} mentors`} so far.` : 'You haven’t named anyone yet.'}
        </p>
      ) : waiting.length > 0 ? (
        <ul className="plain-list link-list">
          {waiting.map((r) => (
            <li key={r.id}>
              You asked {r.mentor.name}: waiting for an answer (by {answerBy(r.expiresAt)}).
            </li>
          ))}
        </ul>
      ) : data.pendingRequests > 0 ? (
        <p>You are waiting for an answer to your request.</p>
      ) : (
        <p>
          In {data.period.name}, you choose your mentor.{' '}
          {data.suggestions.length > 0
            ? `${data.suggestions.length === 1 ? 'One mentor fits' : `${data.suggestions.length} mentors fit`} what you told us. ${askLimitInWords(data.requestsAtOnce)}`
            : data.emptyReason}
        </p>
      )}
      <p>
        <Link to="/choose" className="button button--secondary">
          {hybrid ? 'See your suggestions' : data.pendingRequests > 0 ? 'See your suggestions and requests' : 'Find your mentor'}
        </Link>
      </p>
    </Card>
  );
}
