import type { RouteObject } from 'react-router';

/**
 * The pages one feature adds, by who may open them. The router spreads each feature's routes into
 * the right layout, so a feature adds pages without editing the router.
 */
export interface FeatureRoutes {
  /** Anyone; someone signed in keeps their own header and menu. */
  open?: RouteObject[];
  /** Anyone signed in; the server still checks ownership of every record. */
  signedIn?: RouteObject[];
  /** Staff and the matching committee (the server still decides what each may change). */
  reviewers?: RouteObject[];
  /** Staff only. */
  staff?: RouteObject[];
}
