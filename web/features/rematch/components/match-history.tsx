import { Link } from 'react-router';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { formatInstant } from '../../../lib/format-date.ts';
import { useMatchHistory } from '../api/get-match-history.ts';
import type { MatchHistory } from '../api/get-match-history.ts';

type HistoryEvent = MatchHistory['events'][number];

/** The words of the link to the other match an entry points to. */
function relatedLinkText(e: HistoryEvent): string {
  if (e.kind === 'made') return 'Open the earlier match';
  if (e.kind === 'rematched') return 'Open the new match';
  return 'Open the related match';
}

interface MatchTimelineProps {
  matchId: number;
  /** Links to other matches' pages: only staff can open them. */
  linkMatches: boolean;
}

/** A match's history, oldest first: when, and what happened in a sentence (who did it is in it). */
export function MatchTimeline({ matchId, linkMatches }: MatchTimelineProps) {
  const history = useMatchHistory(matchId);
  if (history.isPending) return <Loading label="Loading the history…" />;
  if (history.isError) return <LoadError error={history.error} what="the history" onRetry={() => void history.refetch()} />;
  const h = history.data;
  return (
    <>
      <p>
        {h.menteeName} (mentee) with {h.mentorName} (mentor), {h.periodName}.{' '}
        {h.status === 'ended' ? <Badge>Ended</Badge> : <Badge tone="success">Active</Badge>}
      </p>
      {h.events.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="item-list plain-list match-history">
          {h.events.map((e) => (
            <li key={e.id}>
              <p className="small muted">
                <time dateTime={e.at}>{formatInstant(e.at)}</time>
                {e.actorName ? ` · ${e.actorName}` : ''}
              </p>
              <p>{e.text}</p>
              {linkMatches && e.relatedMatchId !== null ? (
                <p>
                  <Link to={`/matches/${e.relatedMatchId}`}>
                    {relatedLinkText(e)}
                    <span className="visually-hidden"> (match {e.relatedMatchId})</span>
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The "History" section of a match page, for staff: made, requests, re-matches, check-ins, the end. */
export function MatchHistoryPanel({ matchId }: { matchId: number }) {
  return (
    <div id="history">
      <Card title="History">
        <MatchTimeline matchId={matchId} linkMatches />
      </Card>
    </div>
  );
}
