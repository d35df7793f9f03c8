import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../src/shared/roles.ts';
import { useMyApplications } from '../../features/apply/api/get-my-applications.ts';
import { MyApplications } from '../../features/apply/components/my-applications.tsx';
import { ApplicantWelcome } from '../../features/home/components/applicant-welcome.tsx';
import { periodsInReview } from '../../features/home/components/applications-in-review.ts';
import { PartnerCards } from '../../features/my-match/components/partner-card.tsx';
import { MyRematchNotice } from '../../features/rematch/components/my-rematch-notice.tsx';
import { UpcomingEventsCard } from '../../features/events/components/upcoming-events-card.tsx';
import { SurveysToAnswerCard } from '../../features/surveys/components/surveys-to-answer-card.tsx';
import { LettersReadyCard } from '../../features/recognition-letters/components/letters-ready-card.tsx';
import { ChooseMentorCard } from '../../features/mentor-choice/components/choose-mentor-card.tsx';
import { RequestsWaitingCard } from '../../features/mentor-choice/components/requests-waiting-card.tsx';
import { PublishedReportsCard } from '../../features/reports/components/published-reports-card.tsx';
import { periodsQueryOptions } from '../../lib/reads/periods.ts';

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
 * The home page's cards, each shown once its data says there is something to show: a match, a
 * mentor to choose, requests, surveys, letters, events, reports, applications.
 */
export default function HomeCards({ roles }: { roles: ReadonlySet<Role> }) {
  const participant = roles.has('mentor') || roles.has('mentee');
  return (
    <>
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
    </>
  );
}
