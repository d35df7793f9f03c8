import type { FeatureRoutes } from '../../app/feature-routes.ts';

/**
 * Letters of recognition: a mentor's own letters for everyone signed in (the list is empty for
 * anyone who has not completed a year as a mentor), and each period's letters for staff.
 */
export const recognitionLettersRoutes: FeatureRoutes = {
  signedIn: [{ path: 'letters', lazy: async () => ({ Component: (await import('./components/my-letters-page.tsx')).MyLettersPage }) }],
  staff: [
    {
      path: 'periods/:id/letters',
      lazy: async () => ({ Component: (await import('./components/period-letters-page.tsx')).PeriodLettersPage }),
    },
  ],
};
