import type { FeatureRoutes } from '../../app/feature-routes.ts';

/** The pages of this feature: the FAQ is open to all (applicants read it too). */
export const resourcesRoutes: FeatureRoutes = {
  open: [{ path: 'faq', lazy: async () => ({ Component: (await import('./components/faq-page.tsx')).FaqPage }) }],
  signedIn: [{ path: 'resources', lazy: async () => ({ Component: (await import('./components/resources-page.tsx')).ResourcesPage }) }],
};
