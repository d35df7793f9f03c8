import { Link, useLocation, useParams } from 'react-router';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { EVENT_KIND_LABELS } from '../../../../src/shared/events.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { useIsStaff } from '../../../lib/reads/me.ts';
import { useEvent } from '../api/get-event.ts';
import { AttendeesPanel } from './attendees-panel.tsx';
import { EventMediaView } from './event-media.tsx';
import { isEventPageState } from './event-page-state.ts';
import { EventWhen } from './event-when.tsx';
import { EventWhere } from './event-where.tsx';
import { LinkedText } from './linked-text.tsx';
import { answerThanks, audienceWords, PHASE_LABELS, PHASE_TONES, plural } from './event-words.ts';
import { momentIn } from './event-time.ts';
import { MediaPanel } from './media-panel.tsx';
import { RsvpButtons } from './rsvp-buttons.tsx';
import { StaffEventActions } from './staff-event-actions.tsx';

const back = (
  <p className="breadcrumb">
    <Link to="/events">← Events</Link>
  </p>
);

function SavedNote({ event }: { event: EventView }) {
  const state: unknown = useLocation().state;
  if (!isEventPageState(state)) return null;
  // Published since it was saved: the page says so itself.
  if (state.saved === 'created' && event.status !== 'draft') return null;
  if (event.status === 'draft') {
    return (
      <Alert tone="success" title="Saved as a draft.">
        <p>Nobody has been told yet. Check the details below, then publish it to invite {audienceWords(event)}.</p>
      </Alert>
    );
  }
  return (
    <Alert tone="success" title="Changes saved.">
      {event.status === 'published' ? (
        <p>If the time, place or other details people were told of changed, everyone invited is being e-mailed an update.</p>
      ) : null}
    </Alert>
  );
}

function Details({ event, staff }: { event: EventView; staff: boolean }) {
  const deadline = event.rsvpDeadline;
  return (
    <Card title="Details">
      <dl className="dl">
        <dt>When</dt>
        <dd>
          <EventWhen event={event} />
        </dd>
        <dt>Where</dt>
        <dd>
          <EventWhere joinUrl={event.joinUrl} place={event.place} title={event.title} />
        </dd>
        {event.host ? (
          <>
            <dt>Host</dt>
            <dd>{event.host}</dd>
          </>
        ) : null}
        {staff ? (
          <>
            <dt>Invited</dt>
            <dd>{audienceWords(event).replace(/^./, (c) => c.toUpperCase())}</dd>
          </>
        ) : null}
        {event.capacity !== null ? (
          <>
            <dt>Places</dt>
            <dd>{plural(event.capacity, 'place', 'places')}</dd>
          </>
        ) : null}
        {deadline ? (
          <>
            <dt>Answers close</dt>
            <dd>{momentIn(deadline.at, event.timeZone)}</dd>
          </>
        ) : null}
      </dl>
      {event.description ? (
        <>
          <h3>About this event</h3>
          <LinkedText text={event.description} />
        </>
      ) : null}
      {event.status === 'published' && event.phase !== 'past' ? (
        <p>
          <a href={`/api/events/${event.id}/calendar.ics`} download className="button button--secondary button--small">
            Add to calendar
          </a>{' '}
          <span className="muted small">A calendar file for Outlook, Google Calendar, Apple Calendar and others.</span>
        </p>
      ) : null}
    </Card>
  );
}

/** The person's own answer: the buttons while answers are open, otherwise what they said. */
function YourAnswer({ event }: { event: EventView }) {
  if (event.status !== 'published') return null;
  if (event.rsvpOpen) {
    return (
      <Card title="Your answer">
        <RsvpButtons event={event} />
        {event.rsvpDeadline ? <p className="muted small">You can change your answer until answers close.</p> : null}
      </Card>
    );
  }
  if (event.phase === 'past') return null;
  return (
    <Card title="Your answer">
      <p>
        {event.myRsvp ? answerThanks(event.myRsvp, event.myWaitlistPosition) : 'You didn’t answer.'}{' '}
        {event.phase === 'happening' ? 'The event has started, so answers are closed.' : 'Answers are now closed.'}
      </p>
    </Card>
  );
}

function Afterwards({ event }: { event: EventView }) {
  if (!event.recording && !event.slides) return null;
  return (
    <Card title="Recording and slides">
      <EventMediaView event={event} />
    </Card>
  );
}

function Body({ event }: { event: EventView }) {
  const staff = useIsStaff();
  // Staff see every event, but are asked only for the ones they are invited to.
  const asked = event.invited;
  return (
    <Page
      title={event.title}
      documentTitle={`Event: ${event.title}`}
      before={back}
      intro={
        <p className="badges">
          <Badge tone="info">{EVENT_KIND_LABELS[event.kind]}</Badge>
          <Badge tone={PHASE_TONES[event.phase]}>{PHASE_LABELS[event.phase]}</Badge>
        </p>
      }
      actions={staff ? <StaffEventActions event={event} /> : null}
    >
      <SavedNote event={event} />
      {event.phase === 'cancelled' ? (
        <Alert tone="warning" announce={false} title="This event was cancelled.">
          <p>{staff ? 'Everyone invited was told.' : 'It won’t take place. We’re sorry for any change to your plans.'}</p>
        </Alert>
      ) : null}
      {event.phase === 'draft' ? (
        <Alert tone="info" announce={false} title="This is a draft.">
          <p>Only staff can see it. Publish it to invite {audienceWords(event)}.</p>
        </Alert>
      ) : null}
      {event.phase === 'happening' ? (
        <Alert tone="info" announce={false} title="Happening now.">
          {event.joinUrl ? (
            <p>
              <a href={event.joinUrl} target="_blank" rel="noreferrer">
                Join now (opens in a new tab)
              </a>
            </p>
          ) : null}
        </Alert>
      ) : null}
      <Details event={event} staff={staff} />
      {asked ? <YourAnswer event={event} /> : null}
      {staff ? null : <Afterwards event={event} />}
      {staff && event.status !== 'draft' ? <AttendeesPanel event={event} /> : null}
      {/* The server takes a recording once the event has started: no form before then. */}
      {staff && (event.phase === 'happening' || event.phase === 'past') ? <MediaPanel event={event} /> : null}
    </Page>
  );
}

/** One event's page, for everyone invited; staff also run it from here. */
export function EventPage() {
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const event = useEvent(valid ? id : 0);
  if (!valid || (event.isError && isApiError(event.error) && event.error.status === 404)) {
    return (
      <Page title="Event not found" before={back}>
        <p>We couldn’t find this event. The link may be out of date, or the event may be for other people in the program.</p>
      </Page>
    );
  }
  if (event.isError) {
    return (
      <Page title="Event" before={back}>
        <LoadError error={event.error} what="the event" onRetry={() => void event.refetch()} />
      </Page>
    );
  }
  if (!event.data) {
    return (
      <Page title="Event" before={back}>
        <Loading label="Loading the event…" />
      </Page>
    );
  }
  return <Body event={event.data} />;
}
