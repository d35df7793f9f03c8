import type { FeatureRoutes } from '../../app/feature-routes.ts';

/**
 * Events: the list and each event's page for everyone signed in (what they show depends on the
 * role), scheduling and editing for staff, and the answer page an invitation links to, open to
 * anyone with the link (the token is the key).
 */
export const eventsRoutes: FeatureRoutes = {
  open: [{ path: 'rsvp/:token', lazy: async () => ({ Component: (await import('./components/rsvp-link-page.tsx')).RsvpLinkPage }) }],
  signedIn: [
    { path: 'events', lazy: async () => ({ Component: (await import('./components/events-page.tsx')).EventsPage }) },
    { path: 'events/:id', lazy: async () => ({ Component: (await import('./components/event-page.tsx')).EventPage }) },
    { path: 'archive', lazy: async () => ({ Component: (await import('./components/archive-page.tsx')).ArchivePage }) },
  ],
  staff: [
    { path: 'events/new', lazy: async () => ({ Component: (await import('./components/new-event-page.tsx')).NewEventPage }) },
    { path: 'events/:id/edit', lazy: async () => ({ Component: (await import('./components/edit-event-page.tsx')).EditEventPage }) },
  ],
};
