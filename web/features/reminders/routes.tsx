import type { FeatureRoutes } from '../../app/feature-routes.ts';

/** The pages of this feature. */
export const remindersRoutes: FeatureRoutes = {};
