import { AccountPage } from '../../features/auth/components/account-page.tsx';
import { CalendarFeedSection } from '../../features/events/components/calendar-feed-section.tsx';
import { MyDataSection } from '../../features/personal-data/components/my-data-section.tsx';

/** The account page lists each feature's personal settings; features don't import each other. */
export function AccountRoute() {
  return (
    <AccountPage>
      <CalendarFeedSection />
      <MyDataSection />
    </AccountPage>
  );
}
