import { useQuery } from '@tanstack/react-query';
import { useMyApplications } from '../../features/apply/api/get-my-applications.ts';
import { MyApplications } from '../../features/apply/components/my-applications.tsx';
import { CurrentReviewLinks } from '../../features/applications/components/current-review-links.tsx';
import { ReviewShortcut } from '../../features/applications/components/review-shortcut.tsx';
import { useMe } from '../../lib/reads/me.ts';
import { AuditShortcut } from '../../features/audit/components/audit-shortcut.tsx';
import { ApplicantWelcome } from '../../features/home/components/applicant-welcome.tsx';
import { periodsInReview } from '../../features/home/components/applications-in-review.ts';
import { CommitteeWelcome } from '../../features/home/components/committee-welcome.tsx';
import { MenteeWelcome } from '../../features/home/components/mentee-welcome.tsx';
import { MentorWelcome } from '../../features/home/components/mentor-welcome.tsx';
import { TaskforceWelcome } from '../../features/home/components/taskforce-welcome.tsx';
import { PartnerCards } from '../../features/my-match/components/partner-card.tsx';
import { MyRematchNotice } from '../../features/rematch/components/my-rematch-notice.tsx';
import { OutboxShortcut } from '../../features/outbox/components/outbox-shortcut.tsx';
import { PeopleShortcut } from '../../features/people/components/people-shortcut.tsx';
import { periodsQueryOptions } from '../../lib/reads/periods.ts';
import { PeriodsShortcut } from '../../features/periods/components/periods-shortcut.tsx';
import { UpcomingEventsCard } from '../../features/events/components/upcoming-events-card.tsx';
import { SurveysToAnswerCard } from '../../features/surveys/components/surveys-to-answer-card.tsx';
import { LettersReadyCard } from '../../features/recognition-letters/components/letters-ready-card.tsx';
import { ChooseMentorCard } from '../../features/mentor-choice/components/choose-mentor-card.tsx';
import { RequestsWaitingCard } from '../../features/mentor-choice/components/requests-waiting-card.tsx';
import { PublishedReportsCard } from '../../features/reports/components/published-reports-card.tsx';
import { HealthShortcut } from '../../features/program-health/components/health-shortcut.tsx';
import { useSettings } from '../../lib/reads/settings.ts';
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
        <ReviewShortcut />
        <HealthShortcut />
        <SettingsShortcut />
        <OutboxShortcut />
        <AuditShortcut />
      </div>
    </section>
  );
}

/**
 * For someone who is not (or not yet) a mentor or mentee: an application under review says what
 * happens next and when; with no application and no role at all, how to take part.
 */
function ApplicantNextSteps({ hasOtherRoles }: { hasOtherRoles: boolean }) {
  const mine = useMyApplications();
  const waiting = mine.data?.some((a) => a.status === 'submitted') ?? false;
  const periods = useQuery({ ...periodsQueryOptions(), enabled: waiting });
  if (!mine.data) return null;
  const inReview = periodsInReview(mine.data, periods.data);
  if (inReview.length > 0) return <ApplicantWelcome periods={inReview} />;
  if (hasOtherRoles || mine.data.length > 0) return null;
  return (
    <p>
      Your account doesn’t have a role in the program yet. Apply above to take part as a mentor or mentee, or wait for the program office to
      set one up.
    </p>
  );
}

/**
 * The home page: one section per role the person holds. An applicant holds no participant role
 * until accepted, so their home is their applications and what happens next.
 */
export function HomePage() {
  const { data: me } = useMe();
  const settings = useSettings();
  if (!me) return null;
  const roles = new Set(me.roles);
  const facts = settings.data;
  const participant = roles.has('mentor') || roles.has('mentee');

  return (
    <Page title={`Welcome, ${firstName(me.name)}`} documentTitle="Home">
      {roles.has('staff') ? <StaffOverview /> : null}
      <MyRematchNotice />
      {roles.has('mentee') ? <ChooseMentorCard /> : null}
      {roles.has('mentor') ? <RequestsWaitingCard /> : null}
      {participant ? <SurveysToAnswerCard /> : null}
      {participant ? <PartnerCards /> : null}
      {roles.has('mentor') ? <LettersReadyCard /> : null}
      <UpcomingEventsCard />
      {/* Staff and the task force find reports under Annual report; everyone else here. */}
      {roles.has('staff') || roles.has('taskforce') ? null : <PublishedReportsCard />}
      <MyApplications onlyIfAny={!participant && roles.size > 0} />
      {participant ? null : <ApplicantNextSteps hasOtherRoles={roles.size > 0} />}
      {roles.has('committee') ? (
        <CommitteeWelcome>
          <CurrentReviewLinks />
        </CommitteeWelcome>
      ) : null}
      {roles.has('taskforce') ? <TaskforceWelcome /> : null}
      {roles.has('mentor') ? <MentorWelcome facts={facts} /> : null}
      {roles.has('mentee') ? <MenteeWelcome facts={facts} /> : null}
    </Page>
  );
}
