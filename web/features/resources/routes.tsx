import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { FaqPage } from './components/faq-page.tsx';
import { ResourcesPage } from './components/resources-page.tsx';

/** The pages of this feature: the FAQ is open to all (applicants read it too). */
export const resourcesRoutes: FeatureRoutes = {
  open: [{ path: 'faq', element: <FaqPage /> }],
  signedIn: [{ path: 'resources', element: <ResourcesPage /> }],
};
