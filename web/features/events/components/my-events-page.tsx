import { Link } from 'react-router';
import { EVENT_KIND_LABELS } from '../../../../src/shared/events.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { useEvents } from '../api/get-events.ts';
import type { EventView } from '../api/get-events.ts';
import { EventWhen } from './event-when.tsx';
import { EventWhere } from './event-where.tsx';
import { PHASE_LABELS, PHASE_TONES } from './event-words.ts';
import { RsvpButtons } from './rsvp-buttons.tsx';

function MyEvent({ event }: { event: EventView }) {
  const headingId = `event-${event.id}-title`;
  return (
    <article className="resource" aria-labelledby={headingId}>
      <h3 id={headingId} className="item-title">
        <Link to={`/events/${event.id}`}>{event.title}</Link>
      </h3>
      <p className="badges">
        <Badge tone="info">{EVENT_KIND_LABELS[event.kind]}</Badge>
        {event.phase !== 'upcoming' ? <Badge tone={PHASE_TONES[event.phase]}>{PHASE_LABELS[event.phase]}</Badge> : null}
      </p>
      <p>
        <EventWhen event={event} />
      </p>
      <p>
        <EventWhere joinUrl={event.joinUrl} place={event.place} title={event.title} />
      </p>
      {event.phase === 'cancelled' ? (
        <p className="muted">This event was cancelled.</p>
      ) : event.rsvpOpen ? (
        <RsvpButtons event={event} compact />
      ) : (
        <p className="small">Answers are closed{event.myRsvp ? '' : '. You didn’t answer'}.</p>
      )}
    </article>
  );
}

/** The events a mentor or mentee is invited to, soonest first, each with a quick answer. */
export function MyEventsPage() {
  const events = useEvents('upcoming');
  const list = [...(events.data ?? [])].filter((e) => e.status !== 'draft').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Page
      title="Events"
      intro={
        <p>
          Forums, trainings and get-togethers you’re invited to. Let the program office know whether you can come; you can change your
          answer until answers close. Missed one? Recordings and slides are in the <Link to="/archive">archive</Link>.
        </p>
      }
    >
      {events.isPending ? <Loading label="Loading your events…" /> : null}
      {events.isError ? <LoadError error={events.error} what="your events" onRetry={() => void events.refetch()} /> : null}
      {events.data ? (
        <Card title="Coming up">
          {list.length === 0 ? (
            <p className="muted">No events coming up right now. When the program office invites you to one, it will appear here.</p>
          ) : (
            <ul className="plain-list item-list">
              {list.map((e) => (
                <li key={e.id}>
                  <MyEvent event={e} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </Page>
  );
}
