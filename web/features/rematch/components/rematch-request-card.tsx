import { useId, useState } from 'react';
import { Link } from 'react-router';
import { GOAL_SHEET_STATUS_LABELS } from '../../../../src/shared/api/goal-sheets.ts';
import type { RematchRequestStatus } from '../../../../src/shared/match-management.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { formatDate, formatInstant } from '../../../lib/format-date.ts';
import { focusWhen } from '../../../lib/reorder.ts';
import type { RematchQueueItem } from '../api/get-rematch-queue.ts';
import { FindPartnerPanel } from './find-partner-panel.tsx';
import { KeepMatchForm } from './keep-match-form.tsx';
import { MatchTimeline } from './match-history.tsx';
import type { Outcome } from './outcome.ts';

const STATUS_WORDS: Record<RematchRequestStatus, string> = {
  open: 'Open',
  withdrawn: 'Withdrawn',
  rematched: 'Re-matched',
  reapply: 'Moved to the next period',
  kept: 'Match kept',
  closed: 'Match ended',
};
const STATUS_TONE: Record<RematchRequestStatus, 'info' | 'success' | 'neutral'> = {
  open: 'info',
  withdrawn: 'neutral',
  rematched: 'success',
  reapply: 'neutral',
  kept: 'neutral',
  closed: 'neutral',
};

const otherSide = (side: 'mentor' | 'mentee') => (side === 'mentee' ? 'mentor' : 'mentee');

interface RematchRequestCardProps {
  item: RematchQueueItem;
  canAct: boolean;
  /** Links to match pages: only staff can open them. */
  linkMatches: boolean;
  onOutcome: (outcome: Outcome) => void;
}

/** One request: who asked and about whom, what they wrote, how the pair has been doing, and the two ways to act. */
export function RematchRequestCard({ item, canAct, linkMatches, onOutcome }: RematchRequestCardProps) {
  const [panel, setPanel] = useState<'find' | 'keep' | null>(null);
  const [showHistory, setShowHistory] = useState(false);
  const id = useId();
  const { requester, partner, match } = item;
  const partnerSide = otherSide(item.side);
  const findId = `${id}-find`;
  const keepId = `${id}-keep`;
  const close = (button: string) => {
    setPanel(null);
    focusWhen(button);
  };
  const done = (outcome: Outcome) => {
    setPanel(null);
    onOutcome(outcome);
  };

  return (
    <Card
      title={
        <>
          {requester.name} <span aria-hidden="true">→</span>
          <span className="visually-hidden">asks for a new partner instead of</span> {partner.name}
        </>
      }
      actions={<Badge tone={STATUS_TONE[item.status]}>{STATUS_WORDS[item.status]}</Badge>}
    >
      <div className="stack">
        <dl className="dl">
          <dt>Asked by</dt>
          <dd>
            {requester.name}, the {item.side} (<a href={`mailto:${requester.email}`}>{requester.email}</a>)
          </dd>
          <dt>Partner</dt>
          <dd>
            {partner.name}, the {partnerSide} (<a href={`mailto:${partner.email}`}>{partner.email}</a>)
          </dd>
          <dt>Period</dt>
          <dd>{match.periodName}</dd>
          <dt>Asked on</dt>
          <dd>{formatInstant(item.createdAt)}</dd>
          <dt>Window closes on</dt>
          <dd>{match.windowClosesOn ? formatDate(match.windowClosesOn) : 'No re-match window'}</dd>
          <dt>Match</dt>
          <dd>
            {linkMatches ? (
              <Link to={`/matches/${match.id}`}>
                Open the match page<span className="visually-hidden">: {`${requester.name} and ${partner.name}`}</span>
              </Link>
            ) : (
              `Match ${match.id}`
            )}
            {match.status === 'ended' ? (
              <>
                {' '}
                <Badge>Ended</Badge>
              </>
            ) : null}
          </dd>
        </dl>

        <div>
          <h3>Reason and wishes (private: the partner never sees this)</h3>
          <dl className="dl">
            <dt>Reason</dt>
            <dd className="goal-sheet__text">{item.reason}</dd>
            <dt>Wishes for a new {partnerSide}</dt>
            <dd className="goal-sheet__text">{item.wishes || <span className="muted">None given</span>}</dd>
          </dl>
        </div>

        <div>
          <h3>How the pair has been doing</h3>
          <PairHistory item={item} linkMatches={linkMatches} />
        </div>

        <details
          className="goal-sheet__version"
          onToggle={(e) => {
            if (e.currentTarget.open) setShowHistory(true);
          }}
        >
          <summary>
            The match’s history<span className="visually-hidden">: {`${requester.name} and ${partner.name}`}</span>
          </summary>
          {showHistory ? <MatchTimeline matchId={match.id} linkMatches={linkMatches} /> : null}
        </details>

        {item.status !== 'open' ? <Resolution item={item} /> : null}

        {item.status === 'open' && canAct ? (
          <div>
            <div className="form-actions">
              <Button id={findId} aria-expanded={panel === 'find'} onClick={() => setPanel(panel === 'find' ? null : 'find')}>
                Find a new partner<span className="visually-hidden"> for {requester.name}</span>
              </Button>
              <Button
                id={keepId}
                variant="secondary"
                aria-expanded={panel === 'keep'}
                onClick={() => setPanel(panel === 'keep' ? null : 'keep')}
              >
                Keep the match<span className="visually-hidden">: {`${requester.name} and ${partner.name}`}</span>
              </Button>
            </div>
            {panel === 'find' ? <FindPartnerPanel item={item} onDone={done} onCancel={() => close(findId)} /> : null}
            {panel === 'keep' ? <KeepMatchForm item={item} onDone={done} onCancel={() => close(keepId)} /> : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}

function PairHistory({ item, linkMatches }: { item: RematchQueueItem; linkMatches: boolean }) {
  const h = item.history;
  return (
    <dl className="dl">
      <dt>Contacts logged</dt>
      <dd>{h.contactsLogged}</dd>
      <dt>Last contact</dt>
      <dd>{h.lastContactOn ? formatDate(h.lastContactOn) : 'None yet'}</dd>
      <dt>Goal sheet</dt>
      <dd>{h.goalSheetStatus === 'none' ? 'Not started' : GOAL_SHEET_STATUS_LABELS[h.goalSheetStatus]}</dd>
      <dt>Earlier requests</dt>
      <dd>
        {h.earlierRequests.length === 0 ? (
          'None'
        ) : (
          <ul className="plain-list">
            {h.earlierRequests.map((r) => (
              <li key={r.id}>
                {r.requesterName}, {formatInstant(r.createdAt)}: {STATUS_WORDS[r.status].toLowerCase()}
                {r.matchId !== item.match.id ? (
                  linkMatches ? (
                    <>
                      {' '}
                      (<Link to={`/matches/${r.matchId}`}>another match</Link>)
                    </>
                  ) : (
                    ' (another match)'
                  )
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </dd>
    </dl>
  );
}

function Resolution({ item }: { item: RematchQueueItem }) {
  if (!item.resolvedAt) return null;
  return (
    <div>
      <p>
        {STATUS_WORDS[item.status]} on {formatInstant(item.resolvedAt)}
        {item.resolvedBy ? ` by ${item.resolvedBy}` : ''}.
      </p>
      {item.resolutionNote ? (
        <blockquote className="goal-sheet__note">
          <span className="visually-hidden">Note: </span>
          {item.resolutionNote}
        </blockquote>
      ) : null}
    </div>
  );
}
