import { Link } from 'react-router';
import { RSVP_LABELS } from '../../../../src/shared/events.ts';
import { Card } from '../../../components/ui/card.tsx';
import { useEvents } from '../api/get-events.ts';
import { shortStart, zoneLabel } from './event-time.ts';

/**
 * The next few events the person is invited to, for the home and match pages. Nothing at all
 * while there are none (or while they load): the page stays calm.
 */
export function UpcomingEventsCard({ limit = 3 }: { limit?: number }) {
  const events = useEvents('upcoming');
  const next = (events.data ?? [])
    .filter((e) => e.status === 'published')
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
    .slice(0, limit);
  if (next.length === 0) return null;
  return (
    <Card title="Upcoming events">
      <ul className="plain-list link-list">
        {next.map((e) => (
          <li key={e.id}>
            <Link to={`/events/${e.id}`}>{e.title}</Link>
            <br />
            <span className="small">
              {shortStart(e)} <span className="muted">({zoneLabel(e.timeZone)})</span>
            </span>
            {' · '}
            <span className="small">{e.myRsvp ? `Your answer: ${RSVP_LABELS[e.myRsvp]}` : e.rsvpOpen ? 'Not answered yet' : ''}</span>
          </li>
        ))}
      </ul>
      <p className="small">
        <Link to="/events">All your events</Link>
      </p>
    </Card>
  );
}
