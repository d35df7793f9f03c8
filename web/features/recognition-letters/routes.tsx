import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { MyLettersPage } from './components/my-letters-page.tsx';
import { PeriodLettersPage } from './components/period-letters-page.tsx';

/**
 * Letters of recognition: a mentor's own letters for everyone signed in (the list is empty for
 * anyone who has not completed a year as a mentor), and each period's letters for staff.
 */
export const recognitionLettersRoutes: FeatureRoutes = {
  signedIn: [{ path: 'letters', element: <MyLettersPage /> }],
  staff: [{ path: 'periods/:id/letters', element: <PeriodLettersPage /> }],
};
