import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError } from '../../../components/ui/query-status.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useMyMatches } from '../api/get-my-matches.ts';
import type { MyMatch } from '../api/get-my-matches.ts';
import { splitCurrentMatches } from './current-matches.ts';
import { PersonContact } from './person-contact.tsx';

function PartnerCard({ match }: { match: MyMatch }) {
  const p = match.partner;
  const title = match.myRole === 'mentee' ? 'Your mentor' : 'Your mentee';
  return (
    <Card title={`${title}: ${p.name}`} className="partner-card">
      <p className="muted small">
        {match.periodName}, matched {formatInstant(match.matchedAt)}. {match.status === 'ended' ? <Badge>Ended</Badge> : null}
      </p>
      <PersonContact person={p} />
      {match.explanation ? (
        <>
          <h3>Why we paired you</h3>
          <p>{match.explanation}</p>
        </>
      ) : null}
      <p className="muted small">A short hello by e-mail is a fine way to start. Agree together how and how often you’ll talk.</p>
      <p>
        <Link to={`/matches/${match.id}`} className="button button--secondary">
          Open your match<span className="visually-hidden"> with {p.name}</span>
        </Link>
      </p>
    </Card>
  );
}

/**
 * "Your mentor" / "Your mentee" cards for the current period's matches; matches from other periods,
 * and ones that have ended, fold under "Earlier matches". Nothing until matches are announced.
 */
export function PartnerCards() {
  const matches = useMyMatches();
  if (matches.isError) return <LoadError error={matches.error} what="your match" onRetry={() => void matches.refetch()} />;
  if (!matches.data) return null;
  const { current, earlier } = splitCurrentMatches(matches.data);
  return (
    <>
      {current.map((m) => (
        <PartnerCard key={m.id} match={m} />
      ))}
      {earlier.length > 0 ? (
        <details className="fold earlier-matches">
          <summary className="fold__summary">
            <span className="fold__title">Earlier matches</span>
            <span className="fold__hint">
              {earlier.length === 1 ? '1 match' : `${earlier.length} matches`} from before or that have ended
            </span>
          </summary>
          <div className="fold__body">
            {earlier.map((m) => (
              <PartnerCard key={m.id} match={m} />
            ))}
          </div>
        </details>
      ) : null}
    </>
  );
}
