import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { RequireRole } from '../../app/require-role.tsx';

/** The advisory task force's workspace, for the task force and staff (the server checks it too). */
export const workspaceRoutes: FeatureRoutes = {
  signedIn: [
    {
      element: <RequireRole roles={['staff', 'taskforce']} />,
      children: [{ path: 'workspace', lazy: async () => ({ Component: (await import('./components/workspace-page.tsx')).WorkspacePage }) }],
    },
  ],
};
