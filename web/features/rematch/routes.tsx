import type { FeatureRoutes } from '../../app/feature-routes.ts';

/** The re-match queue: staff act on it, the committee reads it (and acts when the settings allow). */
export const rematchRoutes: FeatureRoutes = {
  reviewers: [
    { path: 'rematch', lazy: async () => ({ Component: (await import('./components/rematch-queue-page.tsx')).RematchQueuePage }) },
  ],
};
