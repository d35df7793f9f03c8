import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { HealthPage } from './components/health-page.tsx';

/** The pages of this feature: the staff's program-health view. */
export const programHealthRoutes: FeatureRoutes = {
  staff: [{ path: 'health', element: <HealthPage /> }],
};
