import { useMe } from '../../features/auth/api/get-me.ts';
import { AuditShortcut } from '../../features/audit/components/audit-shortcut.tsx';
import { CommitteeWelcome } from '../../features/home/components/committee-welcome.tsx';
import { MenteeWelcome } from '../../features/home/components/mentee-welcome.tsx';
import { MentorWelcome } from '../../features/home/components/mentor-welcome.tsx';
import { TaskforceWelcome } from '../../features/home/components/taskforce-welcome.tsx';
import { OutboxShortcut } from '../../features/outbox/components/outbox-shortcut.tsx';
import { PeopleShortcut } from '../../features/people/components/people-shortcut.tsx';
import { PeriodsShortcut } from '../../features/periods/components/periods-shortcut.tsx';
import { useSettings } from '../../features/settings/api/get-settings.ts';
import { SettingsShortcut } from '../../features/settings/components/settings-shortcut.tsx';
import { Page } from '../../components/ui/page.tsx';

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function StaffOverview() {
  return (
    <section aria-labelledby="staff-overview" className="home-section">
      <h2 id="staff-overview" className="visually-hidden">
        Program office
      </h2>
      <div className="grid">
        <PeopleShortcut />
        <PeriodsShortcut />
        <SettingsShortcut />
        <OutboxShortcut />
        <AuditShortcut />
      </div>
    </section>
  );
}

/** The home page: one section per role the person holds. */
export function HomePage() {
  const { data: me } = useMe();
  const settings = useSettings();
  if (!me) return null;
  const roles = new Set(me.roles);
  const facts = settings.data;

  return (
    <Page title={`Welcome, ${firstName(me.name)}`} documentTitle="Home">
      {roles.has('staff') ? <StaffOverview /> : null}
      {roles.has('committee') ? <CommitteeWelcome /> : null}
      {roles.has('taskforce') ? <TaskforceWelcome /> : null}
      {roles.has('mentor') ? <MentorWelcome facts={facts} /> : null}
      {roles.has('mentee') ? <MenteeWelcome facts={facts} /> : null}
      {roles.size === 0 ? (
        <p>Your account doesn’t have a role in the program yet. The program office will set that up; you don’t need to do anything.</p>
      ) : null}
    </Page>
  );
}
