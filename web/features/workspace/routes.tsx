import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { RequireRole } from '../../app/require-role.tsx';
import { WorkspacePage } from './components/workspace-page.tsx';

/** The advisory task force's workspace, for the task force and staff (the server checks it too). */
export const workspaceRoutes: FeatureRoutes = {
  signedIn: [
    {
      element: <RequireRole roles={['staff', 'taskforce']} />,
      children: [{ path: 'workspace', element: <WorkspacePage /> }],
    },
  ],
};
