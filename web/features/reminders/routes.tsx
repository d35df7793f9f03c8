import type { FeatureRoutes } from '../../app/feature-routes.ts';

/** The pages of this feature. */
export const remindersRoutes: FeatureRoutes = {
  staff: [{ path: 'reminders', lazy: async () => ({ Component: (await import('./components/reminders-page.tsx')).RemindersPage }) }],
};
