import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { RequireRole } from '../../app/require-role.tsx';
import { LiaisonsPage } from './components/liaisons-page.tsx';
import { MyPairsPage } from './components/my-pairs-page.tsx';

/**
 * The pages of this feature: staff assign liaisons (Liaisons, reached from Program health); a
 * committee member sees the pairs they look after (the server shows them only their own).
 */
export const liaisonsRoutes: FeatureRoutes = {
  signedIn: [{ element: <RequireRole roles={['committee']} />, children: [{ path: 'liaison', element: <MyPairsPage /> }] }],
  staff: [{ path: 'liaisons', element: <LiaisonsPage /> }],
};
