import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { RequireRole } from '../../app/require-role.tsx';

/**
 * The pages of this feature: staff assign liaisons (Liaisons, reached from Program health); a
 * committee member sees the pairs they look after (the server shows them only their own).
 */
export const liaisonsRoutes: FeatureRoutes = {
  signedIn: [
    {
      element: <RequireRole roles={['committee']} />,
      children: [{ path: 'liaison', lazy: async () => ({ Component: (await import('./components/my-pairs-page.tsx')).MyPairsPage }) }],
    },
  ],
  staff: [{ path: 'liaisons', lazy: async () => ({ Component: (await import('./components/liaisons-page.tsx')).LiaisonsPage }) }],
};
