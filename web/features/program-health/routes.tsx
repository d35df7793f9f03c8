import type { FeatureRoutes } from '../../app/feature-routes.ts';

/**
 * The pages of this feature: the staff's program-health view. Loaded on demand: its charts
 * (recharts) are most of its weight, and only staff ever open it.
 */
export const programHealthRoutes: FeatureRoutes = {
  staff: [{ path: 'health', lazy: async () => ({ Component: (await import('./components/health-page.tsx')).HealthPage }) }],
};
