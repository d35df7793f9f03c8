import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { RequireRole } from '../../app/require-role.tsx';

/**
 * The annual report: written, published and read by the advisory task force and staff. The editor
 * (TipTap) loads with the report's page only.
 */
export const reportsRoutes: FeatureRoutes = {
  signedIn: [
    {
      element: <RequireRole roles={['staff', 'taskforce']} />,
      children: [
        { path: 'reports', lazy: async () => ({ Component: (await import('./components/reports-page.tsx')).ReportsPage }) },
        { path: 'reports/:id', lazy: async () => ({ Component: (await import('./components/report-page.tsx')).ReportPage }) },
      ],
    },
  ],
};
