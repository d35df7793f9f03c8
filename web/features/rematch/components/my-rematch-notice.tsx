import { Link } from 'react-router';
import { Card } from '../../../components/ui/card.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { useMyRematchOverview } from '../api/my-rematch.ts';
import type { MyRematchOverview } from '../api/my-rematch.ts';

/**
 * Home: where a re-match request stands. After "reapply next period", which period the person is
 * in (or will be) and its dates; while a request is open, that it is; while a guarantee window is
 * open, the way to ask. Nothing at all when none of this applies.
 */
export function MyRematchNotice() {
  const overview = useMyRematchOverview();
  const data = overview.data;
  if (!data) return null;
  const open = data.requests.filter((r) => r.status === 'open');
  if (!data.reapply && open.length === 0 && data.openWindows.length === 0) return null;
  return (
    <div className="home-section rematch-notice">
      {data.reapply ? <Reapply reapply={data.reapply} /> : null}
      {open.map((r) => (
        <Card key={r.id} title="Your request for a new partner" className="rematch-notice__open">
          <p>
            The program office has your request and will be in touch. <Link to={`/matches/${r.matchId}`}>See it on your match page</Link>
          </p>
        </Card>
      ))}
      {data.openWindows.map((w) => (
        <p key={w.matchId} className="rematch-notice__window">
          Not working out with {w.partnerName}? You may ask for a new {w.partnerRole} until {formatDate(w.closesOn)}:{' '}
          <Link to={`/matches/${w.matchId}#new-partner`}>ask for a new {w.partnerRole}</Link>.
        </p>
      ))}
    </div>
  );
}

function Reapply({ reapply }: { reapply: NonNullable<MyRematchOverview['reapply']> }) {
  const next = reapply.nextPeriod;
  return (
    <Card title="You are carried into the next period" className="rematch-notice__reapply">
      {next ? (
        reapply.inPool ? (
          <p>
            You are in the pool for <strong>{next.name}</strong> without applying again. Matches are announced around{' '}
            {formatDate(next.matchesAnnouncedOn)}.
          </p>
        ) : (
          <p>
            You will be in the pool for <strong>{next.name}</strong> as soon as it opens on {formatDate(next.applicationsOpenOn)}, without
            applying again. Matches are announced around {formatDate(next.matchesAnnouncedOn)}.
          </p>
        )
      ) : (
        <p>You will be in the pool for the next period as soon as the program office opens it, without applying again.</p>
      )}
    </Card>
  );
}
