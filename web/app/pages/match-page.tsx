import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useParams } from 'react-router';
import { Badge } from '../../components/ui/badge.tsx';
import { Page } from '../../components/ui/page.tsx';
import { LoadError, Loading } from '../../components/ui/query-status.tsx';
import { isApiError } from '../../lib/api-error.ts';
import { formatDate } from '../../lib/format-date.ts';
import { ContactLog, SuggestedActivities } from '../../features/activities/components/contact-log.tsx';
import { UpcomingEventsCard } from '../../features/events/components/upcoming-events-card.tsx';
import { useSurveys } from '../../features/surveys/api/get-surveys.ts';
import { mySurveys } from '../../features/surveys/components/my-survey-status.tsx';
import { SurveysToAnswerCard } from '../../features/surveys/components/surveys-to-answer-card.tsx';
import { GoalSheetCard } from '../../features/goal-sheets/components/goal-sheet-card.tsx';
import { matchWorkspaceKey, useMatchWorkspace } from '../../features/my-match/api/get-match-workspace.ts';
import type { MatchWorkspace } from '../../features/my-match/api/get-match-workspace.ts';
import { countdownWords, goalSheetCountsDown } from '../../features/my-match/components/countdown-words.ts';
import { Fold, openFoldFor } from '../../features/my-match/components/fold.tsx';
import { KeepingInTouch } from '../../features/my-match/components/keeping-in-touch.tsx';
import { MatchDates } from '../../features/my-match/components/match-dates.tsx';
import { MatchPeople, matchTitle } from '../../features/my-match/components/match-people.tsx';
import { MatchResources } from '../../features/my-match/components/match-resources.tsx';
import { MATCH_SECTIONS, nextSteps } from '../../features/my-match/components/next-steps.ts';
import { NextStepsCard } from '../../features/my-match/components/next-steps-card.tsx';
import { OtherMatches } from '../../features/my-match/components/other-matches.tsx';
import { AskForNewPartner } from '../../features/rematch/components/ask-for-new-partner.tsx';
import { EndMatchPanel } from '../../features/rematch/components/end-match-panel.tsx';
import { MatchHistoryPanel } from '../../features/rematch/components/match-history.tsx';
import { useMatchRematch } from '../../features/rematch/api/my-rematch.ts';

/**
 * A match's page, for its two people and for staff (the server answers 404 to anyone else).
 * A mentor or mentee first sees the next thing to do; then the page's parts fold, the most-used
 * open (who, the goal sheet and dates, keeping in touch) and the rest closed (surveys and events,
 * ideas and resources, asking for a new partner). Staff see the pair, the dates and contacts open,
 * and the history and ending the match folded.
 */
export function MatchPage() {
  const params = useParams();
  const id = Number(params.id);
  const workspace = useMatchWorkspace(id);
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
      {staff ? <StaffSections workspace={w} /> : <ParticipantSections workspace={w} />}
    </Page>
  );
}

/** Where the goal sheet stands, in a few words, for its fold's title line. */
function sheetHint(w: MatchWorkspace): string {
  const s = w.dates.goalSheet;
  if (s.status === 'acknowledged') return 'Goal sheet acknowledged';
  if (s.status === 'submitted') return 'Goal sheet sent';
  if (s.status === 'returned') return 'Returned for changes';
  return `${s.status === 'draft' ? 'Draft' : 'Not started'}, due ${countdownWords(s.daysLeft)}`;
}

function contactHint(w: MatchWorkspace): string {
  if (w.contact.lastContactOn === null) return 'No contact logged yet';
  return `Last contact ${formatDate(w.contact.lastContactOn)}${w.contact.quiet ? ' · gone quiet' : ''}`;
}

/** A link to #section opens that fold: on arrival (a link from the home page) and on later clicks. */
function useOpenFoldFromHash(): string {
  const { hash } = useLocation();
  const opened = useRef('');
  useEffect(() => {
    if (!hash || opened.current === hash) return;
    opened.current = hash;
    openFoldFor(hash);
  }, [hash]);
  return hash.replace(/^#/, '');
}

function ParticipantSections({ workspace: w }: { workspace: MatchWorkspace }) {
  const queryClient = useQueryClient();
  const target = useOpenFoldFromHash();
  const surveys = useSurveys();
  const rematch = useMatchRematch(w.match.id);
  const toAnswer = mySurveys(surveys.data ?? [])
    .filter((s) => s.myStatus !== 'submitted')
    .map((s) => ({ id: s.id, title: s.title, closesOn: s.closesOn, started: s.myStatus === 'draft' }));
  const steps = nextSteps(w, toAnswer, formatDate);
  const sheetPending = goalSheetCountsDown(w.dates.goalSheet.status);
  const requestOpen = rematch.data?.myRequest?.status === 'open';
  const partner = w.people[0];
  const is = (section: string) => target === section;
  return (
    <div className="match-page">
      {w.match.status === 'active' ? <NextStepsCard steps={steps} partnerName={partner?.name ?? 'your partner'} /> : null}
      <Fold
        id={MATCH_SECTIONS.partner}
        title={partner ? `${partner.name}, your ${partner.role}` : 'Your partner'}
        hint={partner ? `${partner.email}${w.liaison ? ` · your liaison is ${w.liaison.name}` : ''}` : undefined}
        defaultOpen={is(MATCH_SECTIONS.partner)}
      >
        <MatchPeople workspace={w} />
      </Fold>
      <Fold
        id={MATCH_SECTIONS.goalSheet}
        title="Goal sheet and dates"
        hint={sheetHint(w)}
        defaultOpen={sheetPending || is(MATCH_SECTIONS.goalSheet)}
      >
        <GoalSheetCard matchId={w.match.id} />
        <MatchDates workspace={w} />
      </Fold>
      <Fold id={MATCH_SECTIONS.keepingInTouch} title="Keeping in touch" hint={contactHint(w)} defaultOpen>
        <KeepingInTouch workspace={w} />
        <ContactLog matchId={w.match.id} onChange={() => void queryClient.invalidateQueries({ queryKey: matchWorkspaceKey(w.match.id) })} />
      </Fold>
      <Fold
        id={MATCH_SECTIONS.surveysAndEvents}
        title="Surveys and events"
        hint={toAnswer.length > 0 ? `${toAnswer.length} to answer` : 'Coming up in the program'}
        defaultOpen={is(MATCH_SECTIONS.surveysAndEvents)}
      >
        <SurveysToAnswerCard />
        <UpcomingEventsCard />
      </Fold>
      <Fold
        id={MATCH_SECTIONS.ideas}
        title="Ideas and resources"
        hint="Activities for your shared goals"
        defaultOpen={is(MATCH_SECTIONS.ideas)}
      >
        <SuggestedActivities programGoalIds={w.sharedProgramGoalIds} />
        <MatchResources workspace={w} />
      </Fold>
      <Fold
        id={MATCH_SECTIONS.newPartner}
        title={`A new ${partner?.role ?? 'partner'}?`}
        hint={requestOpen ? 'Your request is with the program office' : 'If the match isn’t working'}
        defaultOpen={requestOpen || is(MATCH_SECTIONS.newPartner)}
      >
        <AskForNewPartner matchId={w.match.id} partnerRole={w.myRole === 'mentor' ? 'mentee' : 'mentor'} />
      </Fold>
      <OtherMatches matchId={w.match.id} />
    </div>
  );
}

function StaffSections({ workspace: w }: { workspace: MatchWorkspace }) {
  const queryClient = useQueryClient();
  const target = useOpenFoldFromHash();
  const is = (section: string) => target === section;
  return (
    <div className="match-page">
      <Fold id={MATCH_SECTIONS.partner} title="The pair" hint="How to reach them, and why they were paired" defaultOpen>
        <MatchPeople workspace={w} />
      </Fold>
      <Fold id={MATCH_SECTIONS.goalSheet} title="Goal sheet and dates" hint={sheetHint(w)} defaultOpen>
        <GoalSheetCard matchId={w.match.id} />
        <MatchDates workspace={w} />
      </Fold>
      <Fold id={MATCH_SECTIONS.keepingInTouch} title="Keeping in touch" hint={contactHint(w)} defaultOpen>
        <KeepingInTouch workspace={w} />
        <ContactLog matchId={w.match.id} onChange={() => void queryClient.invalidateQueries({ queryKey: matchWorkspaceKey(w.match.id) })} />
      </Fold>
      <Fold id={MATCH_SECTIONS.ideas} title="Ideas and resources" hint="What the pair sees" defaultOpen={is(MATCH_SECTIONS.ideas)}>
        <SuggestedActivities programGoalIds={w.sharedProgramGoalIds} />
        <MatchResources workspace={w} />
      </Fold>
      <Fold id="history" title="History" hint="Re-match requests and changes" defaultOpen={is('history')}>
        <MatchHistoryPanel matchId={w.match.id} />
      </Fold>
      <Fold id="end-match" title="End this match" hint="When the pair stops early" defaultOpen={is('end-match')}>
        <EndMatchPanel
          matchId={w.match.id}
          mentorName={w.people.find((p) => p.role === 'mentor')?.name ?? ''}
          menteeName={w.people.find((p) => p.role === 'mentee')?.name ?? ''}
        />
      </Fold>
    </div>
  );
}
