import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MAX_WISHES } from '../../../../src/shared/matching-modes.ts';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useMyMentorRequests } from '../api/get-my-mentor-requests.ts';
import type { MentorRequest } from '../api/get-my-mentor-requests.ts';
import { useMySuggestions } from '../api/get-my-suggestions.ts';
import type { MySuggestions, Suggestion } from '../api/get-my-suggestions.ts';
import { useSaveMyWishes } from '../api/save-my-wishes.ts';
import { askLimitInWords } from './choice-words.ts';
import { CompareTable } from './compare-table.tsx';
import { EarlierRequests } from './earlier-requests.tsx';
import { SuggestionCard } from './suggestion-card.tsx';
import { WishList } from './wish-list.tsx';

function HowWeSuggest() {
  return (
    <details className="how-we-suggest">
      <summary>How we suggest mentors</summary>
      <ul>
        <li>
          <strong>Your best fit</strong> is the mentor the program would pair you with if it matched everyone at once, so that as many
          people as possible get a mentor who suits them.
        </li>
        <li>
          <strong>Also a good fit</strong> means choosing this mentor costs the rest of the program little.
        </li>
        <li>
          <strong>Popular</strong> means some other mentees have few good fits besides this mentor. You may still ask them.
        </li>
        <li>
          <strong>In high demand</strong> means more mentees fit this mentor best than the mentor has places.
        </li>
      </ul>
      <p>We only suggest mentors who have a place left and whom the program’s rules allow for you.</p>
    </details>
  );
}

function SuggestionList({ children }: { children: ReactNode }) {
  return (
    <section aria-labelledby="suggested-mentors" className="home-section">
      <h2 id="suggested-mentors">Your suggested mentors</h2>
      <p className="muted">Best fit first.</p>
      <ol className="plain-list mentor-cards">{children}</ol>
    </section>
  );
}

/** Participant choice: ask a mentor (or a few at once, as the program allows) and see the answer. */
function AskMentors({
  data,
  sent,
  announce,
}: {
  data: MySuggestions;
  sent: readonly MentorRequest[] | undefined;
  announce: (words: string) => void;
}) {
  const atLimit = data.pendingRequests >= data.requestsAtOnce;
  return (
    <>
      <p className="choose-status">
        {askLimitInWords(data.requestsAtOnce)}{' '}
        {data.pendingRequests > 0
          ? `You are waiting for ${data.pendingRequests === 1 ? 'an answer' : `${data.pendingRequests} answers`}.`
          : 'Ask the mentor you would most like; they answer by e-mail.'}{' '}
        {atLimit ? 'To ask someone else, wait for the answer or withdraw your request.' : null}
      </p>
      <HowWeSuggest />
      <CompareTable suggestions={data.suggestions} />
      <SuggestionList>
        {data.suggestions.map((s) => (
          <li key={s.mentorId}>
            <SuggestionCard
              mode="ask"
              suggestion={s}
              request={sent?.find((r) => r.id === s.pendingRequestId)}
              canAsk={!atLimit && s.placesLeft > 0}
              expiryDays={data.requestExpiryDays}
              announce={announce}
            />
          </li>
        ))}
      </SuggestionList>
    </>
  );
}

const wishedInOrder = (suggestions: readonly Suggestion[]) =>
  suggestions
    .filter((s) => s.wishRank !== null)
    .sort((a, b) => (a.wishRank ?? 0) - (b.wishRank ?? 0))
    .map((s) => s.mentorId);

/** Hybrid mode: mark the mentors I would like, in order; the committee's run counts them. */
function StateWishes({ data, announce }: { data: MySuggestions; announce: (words: string) => void }) {
  const save = useSaveMyWishes();
  const [ids, setIds] = useState<number[]>(() => wishedInOrder(data.suggestions));
  const byId = new Map(data.suggestions.map((s) => [s.mentorId, s]));
  const full = ids.length >= MAX_WISHES;

  const store = (next: number[], saved: () => void) => {
    const before = ids;
    setIds(next);
    save.mutate(next, { onSuccess: saved, onError: () => setIds(before) });
  };
  const toggle = (s: Suggestion) => {
    if (ids.includes(s.mentorId)) {
      store(
        ids.filter((id) => id !== s.mentorId),
        () => announce(`${s.name} is off your wishes.`),
      );
    } else {
      store([...ids, s.mentorId], () => announce(`${s.name} added as your choice number ${ids.length + 1}.`));
    }
  };

  return (
    <>
      <Card title="Your wishes">
        <p className="muted">
          Up to {MAX_WISHES} mentors, first choice first ({ids.length} of {MAX_WISHES} so far). Each change is saved at once.
        </p>
        <WishList ids={ids} byId={byId} busy={save.isPending} error={save.error} save={store} announce={announce} />
      </Card>
      <HowWeSuggest />
      <CompareTable suggestions={data.suggestions} />
      <SuggestionList>
        {data.suggestions.map((s) => {
          const rank = ids.indexOf(s.mentorId);
          return (
            <li key={s.mentorId}>
              <SuggestionCard
                mode="wish"
                suggestion={s}
                wishRank={rank === -1 ? null : rank + 1}
                full={full}
                busy={save.isPending}
                onToggleWish={() => toggle(s)}
              />
            </li>
          );
        })}
      </SuggestionList>
    </>
  );
}

/** Matched, or not in a period where mentees choose: why there is nothing here, and where to go instead. */
function NothingToChoose({ data, sent }: { data: MySuggestions; sent: readonly MentorRequest[] | undefined }) {
  const accepted = sent?.find((r) => r.status === 'accepted' && r.matchId !== null);
  return (
    <Card>
      <p>{data.emptyReason}</p>
      {data.state === 'matched' && accepted?.matchId ? (
        <p>
          <Link to={`/matches/${accepted.matchId}`} className="button">
            Open your match with {accepted.mentor.name}
          </Link>
        </p>
      ) : (
        <p>
          <Link to="/">Back to your home page</Link>
          {data.state === 'matched' ? ', where your mentor’s card links to your match.' : null}
        </p>
      )}
    </Card>
  );
}

function introFor(data: MySuggestions | undefined) {
  if (!data?.period || data.state !== 'choosing') return null;
  if (data.period.mode === 'hybrid') {
    return (
      <p>
        In {data.period.name}, the matching committee makes the pairs and counts your wishes. Mark the suggested mentors you would like, in
        order.
      </p>
    );
  }
  return (
    <p>
      In {data.period.name}, you choose your mentor. These mentors have a place left and fit what you told us. Each card says why you may
      fit, and whether other mentees depend on that mentor too.
    </p>
  );
}

/** A mentee's suggestions, best first: compare them, then ask a mentor (or, in hybrid mode, state wishes). */
export function ChoosePage() {
  const suggestions = useMySuggestions();
  const requests = useMyMentorRequests();
  const [announcement, setAnnouncement] = useState('');
  const data = suggestions.data;
  const sent = requests.data?.sent;

  return (
    <Page title="Find your mentor" intro={introFor(data)}>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      {suggestions.isPending ? <Loading label="Finding the mentors who fit you…" /> : null}
      {suggestions.isError ? (
        <LoadError error={suggestions.error} what="your suggestions" onRetry={() => void suggestions.refetch()} />
      ) : null}
      {data && data.state !== 'choosing' ? <NothingToChoose data={data} sent={sent} /> : null}
      {data?.state === 'choosing' && data.suggestions.length === 0 ? (
        <Card>
          <p>{data.emptyReason}</p>
        </Card>
      ) : null}
      {data?.state === 'choosing' && data.suggestions.length > 0 ? (
        data.period?.mode === 'hybrid' ? (
          <StateWishes data={data} announce={setAnnouncement} />
        ) : (
          <AskMentors data={data} sent={sent} announce={setAnnouncement} />
        )
      ) : null}
      {sent ? <EarlierRequests requests={sent} /> : null}
    </Page>
  );
}
