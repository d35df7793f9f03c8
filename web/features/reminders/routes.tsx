import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { RemindersPage } from './components/reminders-page.tsx';

/** The pages of this feature. */
export const remindersRoutes: FeatureRoutes = {
  staff: [{ path: 'reminders', element: <RemindersPage /> }],
};
