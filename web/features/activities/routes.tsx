import type { FeatureRoutes } from '../../app/feature-routes.ts';

/** The pages of this feature. The contact log and suggested activities live on the match page. */
export const activitiesRoutes: FeatureRoutes = {
  staff: [{ path: 'activities', lazy: async () => ({ Component: (await import('./components/activities-page.tsx')).ActivitiesPage }) }],
};
