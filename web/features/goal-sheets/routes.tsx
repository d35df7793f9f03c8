import type { FeatureRoutes } from '../../app/feature-routes.ts';
import { GoalSheetPage } from './components/goal-sheet-page.tsx';
import { GoalSheetsPage } from './components/goal-sheets-page.tsx';

/** The pages of this feature: a match's sheet (the pair and staff; the server checks which), and the staff list. */
export const goalSheetsRoutes: FeatureRoutes = {
  signedIn: [{ path: 'matches/:id/goal-sheet', element: <GoalSheetPage /> }],
  staff: [{ path: 'goal-sheets', element: <GoalSheetsPage /> }],
};
