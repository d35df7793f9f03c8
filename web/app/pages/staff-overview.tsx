import { AuditShortcut } from '../../features/audit/components/audit-shortcut.tsx';
import { ReviewShortcut } from '../../features/applications/components/review-shortcut.tsx';
import { HealthShortcut } from '../../features/program-health/components/health-shortcut.tsx';
import { OutboxShortcut } from '../../features/outbox/components/outbox-shortcut.tsx';
import { PeopleShortcut } from '../../features/people/components/people-shortcut.tsx';
import { PeriodsShortcut } from '../../features/periods/components/periods-shortcut.tsx';
import { SettingsShortcut } from '../../features/settings/components/settings-shortcut.tsx';

/** The program office's shortcuts at the top of the home page: loaded for staff only. */
export default function StaffOverview() {
  return (
    <section aria-labelledby="staff-overview" className="home-section">
      <h2 id="staff-overview" className="visually-hidden">
        Program office
      </h2>
      <div className="grid">
        <PeopleShortcut />
        <PeriodsShortcut />
        <ReviewShortcut />
        <HealthShortcut />
        <SettingsShortcut />
        <OutboxShortcut />
        <AuditShortcut />
      </div>
    </section>
  );
}
