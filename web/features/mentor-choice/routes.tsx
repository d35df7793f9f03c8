import type { FeatureRoutes } from '../../app/feature-routes.ts';

/**
 * Participant choice: a mentee's suggestions, a mentor's requests and card, one request (the page
 * the mentor's e-mail links to) for everyone signed in, since the server answers each by who is
 * asking; a period's requests for staff.
 */
export const mentorChoiceRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'choose', lazy: async () => ({ Component: (await import('./components/choose-page.tsx')).ChoosePage }) },
    { path: 'requests', lazy: async () => ({ Component: (await import('./components/requests-page.tsx')).RequestsPage }) },
    { path: 'requests/:id', lazy: async () => ({ Component: (await import('./components/request-page.tsx')).RequestPage }) },
    { path: 'mentor-card', lazy: async () => ({ Component: (await import('./components/mentor-card-page.tsx')).MentorCardPage }) },
  ],
  staff: [
    {
      path: 'periods/:id/requests',
      lazy: async () => ({ Component: (await import('./components/period-requests-page.tsx')).PeriodRequestsPage }),
    },
  ],
};
