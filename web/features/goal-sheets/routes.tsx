import type { FeatureRoutes } from '../../app/feature-routes.ts';

/** The pages of this feature: a match's sheet (the pair and staff; the server checks which), and the staff list. */
export const goalSheetsRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'matches/:id/goal-sheet', lazy: async () => ({ Component: (await import('./components/goal-sheet-page.tsx')).GoalSheetPage }) },
  ],
  staff: [{ path: 'goal-sheets', lazy: async () => ({ Component: (await import('./components/goal-sheets-page.tsx')).GoalSheetsPage }) }],
};
