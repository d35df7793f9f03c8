import type { FeatureRoutes } from '../../app/feature-routes.ts';

/** The page a check-in e-mail links to: open to anyone with the link (the token is the key). */
export const checkInsRoutes: FeatureRoutes = {
  open: [{ path: 'check-in/:token', lazy: async () => ({ Component: (await import('./components/check-in-page.tsx')).CheckInPage }) }],
};
