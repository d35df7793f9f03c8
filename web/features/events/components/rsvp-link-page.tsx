import { useParams, useSearchParams } from 'react-router';
import { EVENT_KIND_LABELS, RSVP_LABELS, RSVP_RESPONSES } from '../../../../src/shared/events.ts';
import type { RsvpResponse } from '../../../../src/shared/events.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useAnswerRsvpLink } from '../api/answer-rsvp-link.ts';
import { useRsvpLink } from '../api/get-rsvp-link.ts';
import type { RsvpLinkView } from '../api/get-rsvp-link.ts';
import { EventWhen } from './event-when.tsx';
import { EventWhere } from './event-where.tsx';
import { answerThanks } from './event-words.ts';
import { RsvpChoice } from './rsvp-choice.tsx';

const CONFIRM_QUESTION: Record<RsvpResponse, string> = {
  yes: 'You chose “Yes” in the e-mail. Press the button to let us know you’ll be there.',
  maybe: 'You chose “Maybe” in the e-mail. Press the button to save it; you can change it later.',
  no: 'You chose “No” in the e-mail. Press the button to let us know you can’t come.',
};
const CONFIRM_WORDS: Record<RsvpResponse, string> = { yes: 'Yes, I’ll be there', maybe: 'Save “Maybe”', no: 'No, I can’t come' };

const asResponse = (value: string | null): RsvpResponse | null => RSVP_RESPONSES.find((r) => r === value) ?? null;

function Unusable({ error }: { error: unknown }) {
  const unknown = isApiError(error) && error.status === 404;
  return (
    <Page title={unknown ? 'We don’t recognise this link' : 'We couldn’t open this invitation'}>
      <p>
        {unknown
          ? 'Check that you opened the whole link from the e-mail. You can also sign in and answer from the Events page.'
          : errorMessage(error)}
      </p>
    </Page>
  );
}

/** Why answers are closed, in words: over, cancelled, or past the deadline. */
function closedWords(view: RsvpLinkView): string {
  switch (view.event.phase) {
    case 'cancelled':
      return 'This event was cancelled, so there is nothing to answer. We’re sorry for any change to your plans.';
    case 'past':
      return 'This event has already taken place, so answers are closed.';
    case 'happening':
      return 'This event has already started, so answers are closed.';
    default:
      return 'Answers for this event are closed. If you need to change your plans, write to the program office.';
  }
}

/**
 * The page an invitation's answer buttons open, without signing in: the token in the link names
 * the person and the event. Opening it changes nothing (mail scanners open every link of an
 * e-mail, decision 0011): the answer the link names is offered first, recorded with one press,
 * and the three buttons stay, to change it.
 */
export function RsvpLinkPage() {
  const token = useParams().token ?? '';
  const [params] = useSearchParams();
  const suggested = asResponse(params.get('response'));
  const view = useRsvpLink(token);
  const answer = useAnswerRsvpLink();

  if (view.isError) return <Unusable error={view.error} />;
  if (!view.data) {
    return (
      <Page title="Your invitation">
        <Loading label="Opening your invitation…" />
      </Page>
    );
  }

  const v = view.data;
  const state = answer.data?.state ?? v.state;
  const waitlistPosition = answer.data?.waitlistPosition ?? null;
  const sending = answer.isPending ? answer.variables.response : null;
  const title = `${EVENT_KIND_LABELS[v.event.kind]}: ${v.event.title}`;

  return (
    <Page title={v.event.title} documentTitle={title} intro={<p>{`Hello ${v.personName}, ${v.programName} invites you.`}</p>}>
      {answer.data ? (
        <Alert tone="success" title={answerThanks(answer.data.state, answer.data.waitlistPosition)} />
      ) : sending && !answer.data ? (
        <Loading label="Saving your answer…" />
      ) : null}
      {v.rsvpOpen && suggested && !answer.data && v.state !== suggested ? (
        <Card title="Confirm your answer">
          <p>{CONFIRM_QUESTION[suggested]}</p>
          <Button variant="primary" disabled={sending !== null} onClick={() => answer.mutate({ token, response: suggested })}>
            {CONFIRM_WORDS[suggested]}
          </Button>
        </Card>
      ) : null}
      <Card title="When and where">
        <dl className="dl">
          <dt>What</dt>
          <dd>{EVENT_KIND_LABELS[v.event.kind]}</dd>
          <dt>When</dt>
          <dd>
            <EventWhen event={v.event} />
          </dd>
          <dt>Where</dt>
          <dd>
            <EventWhere joinUrl={v.event.joinUrl} place={v.event.place} title={v.event.title} />
          </dd>
        </dl>
      </Card>
      <Card title="Will you come?">
        {v.rsvpOpen ? (
          <RsvpChoice
            state={state}
            waitlistPosition={waitlistPosition}
            label="Will you come?"
            sending={sending}
            error={answer.isError ? answer.error : null}
            withThanks={!answer.data}
            onAnswer={(response) => answer.mutate({ token, response })}
            onJoinWaitlist={() => answer.mutate({ token, response: 'yes', joinWaitlist: true })}
          />
        ) : (
          <>
            <p>{closedWords(v)}</p>
            {state && v.event.phase !== 'cancelled' ? <p>Your answer: {RSVP_LABELS[state]}.</p> : null}
          </>
        )}
        {v.rsvpOpen ? (
          <p className="muted small">You can change your answer here until answers close. When you’re signed in, it’s under Events too.</p>
        ) : null}
      </Card>
    </Page>
  );
}
