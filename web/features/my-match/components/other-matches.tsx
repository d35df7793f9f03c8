import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useMyMatches } from '../api/get-my-matches.ts';
import type { MyMatch } from '../api/get-my-matches.ts';
import { splitCurrentMatches } from './current-matches.ts';

function MatchLink({ match }: { match: MyMatch }) {
  return (
    <li>
      <Link to={`/matches/${match.id}`}>
        {match.partner.name}, your {match.myRole === 'mentee' ? 'mentor' : 'mentee'}
      </Link>{' '}
      <span className="muted small">
        · {match.periodName}, matched {formatInstant(match.matchedAt)}
      </span>{' '}
      {match.status === 'ended' ? <Badge>Ended</Badge> : null}
    </li>
  );
}

/**
 * On a match page: the person's other matches (a second mentee this period, last year's partner),
 * the current period's first and the rest folded under "Earlier matches". Nothing when there are none.
 */
export function OtherMatches({ matchId }: { matchId: number }) {
  const matches = useMyMatches();
  const others = (matches.data ?? []).filter((m) => m.id !== matchId);
  if (others.length === 0) return null;
  const { current, earlier } = splitCurrentMatches(matches.data ?? []);
  const currentOthers = current.filter((m) => m.id !== matchId);
  const earlierOthers = earlier.filter((m) => m.id !== matchId);
  return (
    <nav className="other-matches" aria-label="Your other matches">
      {currentOthers.length > 0 ? (
        <>
          <p className="other-matches__label">Your other matches this period</p>
          <ul className="plain-list">
            {currentOthers.map((m) => (
              <MatchLink key={m.id} match={m} />
            ))}
          </ul>
        </>
      ) : null}
      {earlierOthers.length > 0 ? (
        <details className="other-matches__earlier">
          <summary>Earlier matches ({earlierOthers.length})</summary>
          <ul className="plain-list">
            {earlierOthers.map((m) => (
              <MatchLink key={m.id} match={m} />
            ))}
          </ul>
        </details>
      ) : null}
    </nav>
  );
}
