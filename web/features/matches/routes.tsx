import type { FeatureRoutes } from '../../app/feature-routes.ts';

/** The pages of this feature: the staff list of a period's matches. */
export const matchesRoutes: FeatureRoutes = {
  staff: [
    {
      path: 'periods/:id/matches',
      lazy: async () => ({ Component: (await import('./components/period-matches-page.tsx')).PeriodMatchesPage }),
    },
  ],
};
