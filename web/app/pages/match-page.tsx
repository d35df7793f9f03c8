import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Badge } from '../../components/ui/badge.tsx';
import { Page } from '../../components/ui/page.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { isApiError } from '../../lib/api-error.ts';
import { ContactLog, SuggestedActivities } from '../../features/activities/components/contact-log.tsx';
import { UpcomingEventsCard } from '../../features/events/components/upcoming-events-card.tsx';
import { SurveysToAnswerCard } from '../../features/surveys/components/surveys-to-answer-card.tsx';
import { GoalSheetCard } from '../../features/goal-sheets/components/goal-sheet-card.tsx';
import { matchWorkspaceKey, useMatchWorkspace } from '../../features/my-match/api/get-match-workspace.ts';
import { KeepingInTouch } from '../../features/my-match/components/keeping-in-touch.tsx';
import { MatchDates } from '../../features/my-match/components/match-dates.tsx';
import { MatchPeople, matchTitle } from '../../features/my-match/components/match-people.tsx';
import { MatchResources } from '../../features/my-match/components/match-resources.tsx';
import { AskForNewPartner } from '../../features/rematch/components/ask-for-new-partner.tsx';
import { EndMatchPanel } from '../../features/rematch/components/end-match-panel.tsx';
import { MatchHistoryPanel } from '../../features/rematch/components/match-history.tsx';

/**
 * A match's page, for its two people and for staff (the server answers 404 to anyone else).
 * Each part is its own titled section: who, the dates, the goal sheet, keeping in touch and the
 * contact log, suggested activities for the goals both chose, and resources.
 */
export function MatchPage() {
  const params = useParams();
  const id = Number(params.id);
  const workspace = useMatchWorkspace(id);
  const queryClient = useQueryClient();
  const back = (
    <p className="breadcrumb">
      <Link to="/">← Home</Link>
    </p>
  );

  const valid = Number.isInteger(id) && id > 0;
  const notFound = !valid || (workspace.isError && isApiError(workspace.error) && workspace.error.status === 404);
  if (notFound) {
    return (
      <Page title="Match not found" before={back}>
        <p>We couldn’t find this match. The link may be out of date, or the match may belong to someone else.</p>
      </Page>
    );
  }
  if (workspace.isError) {
    return (
      <Page title="Your match" before={back}>
        <LoadError error={workspace.error} what="this match" onRetry={() => void workspace.refetch()} />
      </Page>
    );
  }
  if (!workspace.data) {
    return (
      <Page title="Your match" before={back}>
        <Loading label="Loading the match…" />
      </Page>
    );
  }

  const w = workspace.data;
  const staff = w.myRole === 'staff';
  const title = matchTitle(w);
  return (
    <Page
      title={title}
      documentTitle={staff ? `Match: ${title}` : title}
      before={
        staff ? (
          <p className="breadcrumb">
            <Link to="/health">← Program health</Link>
          </p>
        ) : (
          back
        )
      }
      intro={
        <p>
          {w.match.periodName}
          {staff ? '' : ` · you’re the ${w.myRole}`} {w.match.status === 'ended' ? <Badge>This match has ended</Badge> : null}
        </p>
      }
    >
      <div className="match-page">
        <MatchPeople workspace={w} />
        <MatchDates workspace={w} />
        {staff ? null : <SurveysToAnswerCard />}
        {staff ? null : (
          <div id="new-partner">
            <AskForNewPartner matchId={w.match.id} partnerRole={w.myRole === 'mentor' ? 'mentee' : 'mentor'} />
          </div>
        )}
        <GoalSheetCard matchId={w.match.id} />
        <KeepingInTouch workspace={w} />
        <ContactLog matchId={w.match.id} onChange={() => void queryClient.invalidateQueries({ queryKey: matchWorkspaceKey(w.match.id) })} />
        <SuggestedActivities programGoalIds={w.sharedProgramGoalIds} />
        {staff ? null : <UpcomingEventsCard />}
        <MatchResources workspace={w} />
        {staff ? <MatchHistoryPanel matchId={w.match.id} /> : null}
        {staff ? (
          <EndMatchPanel
            matchId={w.match.id}
            mentorName={w.people.find((p) => p.role === 'mentor')?.name ?? ''}
            menteeName={w.people.find((p) => p.role === 'mentee')?.name ?? ''}
          />
        ) : null}
      </div>
    </Page>
  );
}
