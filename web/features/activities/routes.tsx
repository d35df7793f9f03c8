import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { ActivitiesPage } from './components/activities-page.tsx';

/** The pages of this feature. The contact log and suggested activities live on the match page. */
export const activitiesRoutes: FeatureRoutes = {
  staff: [{ path: 'activities', element: <ActivitiesPage /> }],
};
