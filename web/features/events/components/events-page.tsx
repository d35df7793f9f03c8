import { useIsStaff } from '../../../lib/reads/me.ts';
import { MyEventsPage } from './my-events-page.tsx';
import { StaffEventsPage } from './staff-events-page.tsx';

/** /events: staff run every event from here; everyone else sees the events they're invited to. */
export function EventsPage() {
  return useIsStaff() ? <StaffEventsPage /> : <MyEventsPage />;
}
