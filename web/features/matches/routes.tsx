import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { PeriodMatchesPage } from './components/period-matches-page.tsx';

/** The pages of this feature: the staff list of a period's matches. */
export const matchesRoutes: FeatureRoutes = {
  staff: [{ path: 'periods/:id/matches', element: <PeriodMatchesPage /> }],
};
