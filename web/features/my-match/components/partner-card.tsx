import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError } from '../../../components/ui/query-status.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useMyMatches } from '../api/get-my-matches.ts';
import type { MyMatch } from '../api/get-my-matches.ts';

function PartnerCard({ match }: { match: MyMatch }) {
  const p = match.partner;
  const title = match.myRole === 'mentee' ? 'Your mentor' : 'Your mentee';
  const work = [p.jobTitle, p.employer].filter(Boolean).join(', ');
  return (
    <Card title={`${title}: ${p.name}`} className="partner-card">
      <p className="muted small">
        {match.periodName}, matched {formatInstant(match.matchedAt)}. {match.status === 'ended' ? <Badge>Ended</Badge> : null}
      </p>
      <dl className="dl">
        <dt>Name</dt>
        <dd>{p.name}</dd>
        {work ? (
          <>
            <dt>Work</dt>
            <dd>{work}</dd>
          </>
        ) : null}
        <dt>E-mail</dt>
        <dd>
          <a href={`mailto:${p.email}`}>{p.email}</a>
        </dd>
        {p.phone ? (
          <>
            <dt>Phone</dt>
            <dd>
              <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`}>{p.phone}</a>
            </dd>
          </>
        ) : null}
        <dt>Likes to keep in touch by</dt>
        <dd>{p.channels.map((c) => CHANNEL_LABELS[c]).join(', ') || 'No preference given'}</dd>
        {p.languages.length > 0 ? (
          <>
            <dt>Languages</dt>
            <dd>{p.languages.join(', ')}</dd>
          </>
        ) : null}
        <dt>Where</dt>
        <dd>
          {p.region} · {p.timeZone.replaceAll('_', ' ')}
        </dd>
      </dl>
      {match.explanation ? (
        <>
          <h3>Why we paired you</h3>
          <p>{match.explanation}</p>
        </>
      ) : null}
      <p className="muted small">A short hello by e-mail is a fine way to start. Agree together how and how often you’ll talk.</p>
    </Card>
  );
}

/** "Your mentor" / "Your mentee" cards for each current match; nothing until matches are announced. */
export function PartnerCards() {
  const matches = useMyMatches();
  if (matches.isError) return <LoadError error={matches.error} what="your match" onRetry={() => void matches.refetch()} />;
  if (!matches.data) return null;
  return (
    <>
      {matches.data.map((m) => (
        <PartnerCard key={m.id} match={m} />
      ))}
    </>
  );
}
