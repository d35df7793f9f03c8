import { Link } from 'react-router';
import type { EventView } from '../../../../src/shared/api/events.ts';
import { EVENT_AUDIENCE_LABELS, EVENT_KIND_LABELS } from '../../../../src/shared/events.ts';
import { Badge } from '../../../components/ui/badge.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { useEvents } from '../api/get-events.ts';
import { shortStart, zoneLabel } from './event-time.ts';
import { countsWords, PHASE_LABELS } from './event-words.ts';

interface Section {
  key: string;
  title: string;
  empty: string;
  events: EventView[];
}

const byStart = (a: EventView, b: EventView) => a.startsAt.localeCompare(b.startsAt);

/** Upcoming (and happening) soonest first; drafts by date; past and cancelled newest first. */
export function sections(events: readonly EventView[]): Section[] {
  const of = (...phases: EventView['phase'][]) => events.filter((e) => phases.includes(e.phase));
  return [
    {
      key: 'upcoming',
      title: 'Upcoming',
      empty: 'Nothing is scheduled yet. Published events will show here.',
      events: of('happening', 'upcoming').sort(byStart),
    },
    { key: 'drafts', title: 'Drafts', empty: 'No drafts. An event stays a draft until you publish it.', events: of('draft').sort(byStart) },
    { key: 'past', title: 'Past', empty: 'No past events yet.', events: of('past').sort(byStart).reverse() },
    { key: 'cancelled', title: 'Cancelled', empty: 'No cancelled events.', events: of('cancelled').sort(byStart).reverse() },
  ];
}

function EventsTable({ section }: { section: Section }) {
  return (
    <TableWrap label={`${section.title} events`}>
      <table>
        <caption className="visually-hidden">{section.title} events</caption>
        <thead>
          <tr>
            <th scope="col">Event</th>
            <th scope="col">Starts</th>
            <th scope="col">Invited</th>
            <th scope="col">Answers</th>
          </tr>
        </thead>
        <tbody>
          {section.events.map((e) => (
            <tr key={e.id}>
              <th scope="row">
                <Link to={`/events/${e.id}`}>{e.title}</Link>
                <br />
                <span className="muted small">{EVENT_KIND_LABELS[e.kind]}</span>{' '}
                {e.phase === 'happening' ? <Badge tone="success">{PHASE_LABELS.happening}</Badge> : null}
              </th>
              <td>
                {shortStart(e)}
                <br />
                <span className="muted small">{zoneLabel(e.timeZone)}</span>
              </td>
              <td>
                {EVENT_AUDIENCE_LABELS[e.audience]}
                {e.audience === 'period_matches' && e.periodName ? `: ${e.periodName}` : ''}
              </td>
              <td>{e.status === 'draft' ? <span className="muted">Not sent yet</span> : countsWords(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Staff's list of every event, by where it stands. */
export function StaffEventsPage() {
  const events = useEvents('all');
  return (
    <Page
      title="Events"
      intro={
        <p>
          Forums, trainings, networking sessions and meet-ups. Schedule one as a draft, check it, then publish it: everyone invited gets an
          e-mail with a calendar file and can answer yes, maybe or no. Recordings and slides you add afterwards go to the{' '}
          <Link to="/archive">archive</Link>.
        </p>
      }
      actions={
        <Link to="/events/new" className="button">
          Schedule an event
        </Link>
      }
    >
      {events.isPending ? <Loading label="Loading events…" /> : null}
      {events.isError ? <LoadError error={events.error} what="the events" onRetry={() => void events.refetch()} /> : null}
      {events.data
        ? sections(events.data).map((section) => (
            <Card key={section.key} title={`${section.title} (${section.events.length})`}>
              {section.events.length === 0 ? <p className="muted">{section.empty}</p> : <EventsTable section={section} />}
            </Card>
          ))
        : null}
    </Page>
  );
}
