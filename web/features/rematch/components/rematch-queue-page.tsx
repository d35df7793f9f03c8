import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { RadioGroup } from '../../../components/ui/radio-group.tsx';
import { focusWhen } from '../../../lib/reorder.ts';
import { useIsStaff } from '../../../lib/reads/me.ts';
import { useRematchQueue } from '../api/get-rematch-queue.ts';
import type { QueueFilter } from '../api/get-rematch-queue.ts';
import { RematchRequestCard } from './rematch-request-card.tsx';
import type { Outcome } from './outcome.ts';

const FILTER_OPTIONS: { value: QueueFilter; label: string }[] = [
  { value: 'open', label: 'Open requests' },
  { value: 'all', label: 'All requests' },
];

const INTRO =
  'People who asked for a new partner within the re-match window, oldest first. What they wrote is private: their partner never sees it.';

const OUTCOME_ID = 'rematch-outcome';

/** Staff and the committee: the re-match requests, oldest first, and what to do about each. */
export function RematchQueuePage() {
  const [params, setParams] = useSearchParams();
  const filter: QueueFilter = params.get('show') === 'all' ? 'all' : 'open';
  const queue = useRematchQueue(filter);
  const isStaff = useIsStaff();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  // The card that was acted on may leave the list: say what happened above it and put the focus there.
  const report = (next: Outcome) => {
    setOutcome(next);
    focusWhen(OUTCOME_ID);
  };

  const data = queue.data;
  const requests = data ? [...data.requests].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id) : [];
  return (
    <Page title="Re-match queue" intro={<p>{INTRO}</p>}>
      <div>
        <RadioGroup
          legend="Show"
          options={FILTER_OPTIONS}
          value={filter}
          onChange={(value) => {
            setOutcome(null);
            setParams(value === 'open' ? {} : { show: value }, { replace: true });
          }}
        />
      </div>
      {data && !data.canAct ? (
        <Alert tone="info" announce={false}>
          <p>The committee can read the queue, but the program office acts on it.</p>
        </Alert>
      ) : null}
      <div id={OUTCOME_ID} tabIndex={-1}>
        {outcome ? <OutcomeNotice outcome={outcome} linkMatches={isStaff} /> : null}
      </div>
      {queue.isPending ? <Loading label="Loading the queue…" /> : null}
      {queue.isError ? <LoadError error={queue.error} what="the re-match queue" onRetry={() => void queue.refetch()} /> : null}
      {data && !queue.isPlaceholderData ? (
        <p className="muted small" role="status">
          {countWords(requests.length, filter)}
        </p>
      ) : null}
      {data && requests.length === 0 && !queue.isPlaceholderData ? (
        <p>
          {filter === 'open'
            ? 'Nobody is waiting for a new partner right now. New requests show up here as soon as someone asks.'
            : 'Nobody has asked for a new partner yet.'}
        </p>
      ) : null}
      {requests.length > 0 ? (
        <ol className="plain-list" aria-busy={queue.isFetching || undefined}>
          {requests.map((item) => (
            <li key={item.id}>
              <RematchRequestCard item={item} canAct={data?.canAct ?? false} linkMatches={isStaff} onOutcome={report} />
            </li>
          ))}
        </ol>
      ) : null}
    </Page>
  );
}

function countWords(n: number, filter: QueueFilter): string {
  if (filter === 'open') return n === 0 ? 'No open requests.' : n === 1 ? '1 open request.' : `${n} open requests, oldest first.`;
  return n === 0 ? 'No requests.' : n === 1 ? '1 request.' : `${n} requests, oldest first.`;
}

function OutcomeNotice({ outcome, linkMatches }: { outcome: Outcome; linkMatches: boolean }) {
  let links: ReactNode = null;
  if (linkMatches && outcome.newMatches.length > 0) {
    links = (
      <ul className="plain-list link-list">
        {outcome.newMatches.map((m) => (
          <li key={m.id}>
            <Link to={`/matches/${m.id}`}>New match: {m.names}</Link>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Alert tone={outcome.tone} title={outcome.title}>
      {outcome.lines.length > 0 ? (
        <ul>
          {outcome.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {links}
    </Alert>
  );
}
