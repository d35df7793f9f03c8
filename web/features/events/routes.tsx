import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { ArchivePage } from './components/archive-page.tsx';
import { EditEventPage } from './components/edit-event-page.tsx';
import { EventPage } from './components/event-page.tsx';
import { EventsPage } from './components/events-page.tsx';
import { NewEventPage } from './components/new-event-page.tsx';
import { RsvpLinkPage } from './components/rsvp-link-page.tsx';

/**
 * Events: the list and each event's page for everyone signed in (what they show depends on the
 * role), scheduling and editing for staff, and the answer page an invitation links to, open to
 * anyone with the link (the token is the key).
 */
export const eventsRoutes: FeatureRoutes = {
  open: [{ path: 'rsvp/:token', element: <RsvpLinkPage /> }],
  signedIn: [
    { path: 'events', element: <EventsPage /> },
    { path: 'events/:id', element: <EventPage /> },
    { path: 'archive', element: <ArchivePage /> },
  ],
  staff: [
    { path: 'events/new', element: <NewEventPage /> },
    { path: 'events/:id/edit', element: <EditEventPage /> },
  ],
};
