import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { ChoosePage } from './components/choose-page.tsx';
import { MentorCardPage } from './components/mentor-card-page.tsx';
import { PeriodRequestsPage } from './components/period-requests-page.tsx';
import { RequestPage } from './components/request-page.tsx';
import { RequestsPage } from './components/requests-page.tsx';

/**
 * Participant choice: a mentee's suggestions, a mentor's requests and card, one request (the page
 * the mentor's e-mail links to) for everyone signed in, since the server answers each by who is
 * asking; a period's requests for staff.
 */
export const mentorChoiceRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'choose', element: <ChoosePage /> },
    { path: 'requests', element: <RequestsPage /> },
    { path: 'requests/:id', element: <RequestPage /> },
    { path: 'mentor-card', element: <MentorCardPage /> },
  ],
  staff: [{ path: 'periods/:id/requests', element: <PeriodRequestsPage /> }],
};
