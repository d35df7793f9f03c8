import { useIsStaff } from '../../../lib/reads/me.ts';
import { MySurveysPage } from './my-surveys-page.tsx';
import { StaffSurveysPage } from './staff-surveys-page.tsx';

/** /surveys: staff run every survey from here; mentors and mentees see the ones they're asked to answer. */
export function SurveysPage() {
  return useIsStaff() ? <StaffSurveysPage /> : <MySurveysPage />;
}
