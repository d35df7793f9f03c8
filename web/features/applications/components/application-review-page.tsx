import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Navigate, useParams } from 'react-router';
import { CAREER_STAGE_LABELS, WORKPLACE_TYPE_LABELS } from '../../../../src/shared/application-vocabulary.ts';
import type { ApplicationStatus } from '../../../../src/shared/application-vocabulary.ts';
import { CHANNEL_LABELS } from '../../../../src/shared/channels.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { TextareaField } from '../../../components/ui/textarea-field.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { useDecideApplication } from '../api/decide-application.ts';
import { useApplication } from '../api/get-application.ts';
import type { Application } from '../api/get-application.ts';
import { usePeriod } from '../../../lib/reads/periods.ts';
import { useProgramGoals } from '../../../lib/reads/program-goals.ts';
import { useEligibilityQuestions } from '../../../lib/reads/settings.ts';
import { activeMatchWarning } from './active-matches.ts';
import { ApplicationStatusBadge } from './application-status-badge.tsx';
import { ReviewBreadcrumb } from './review-breadcrumb.tsx';

type Decision = 'accepted' | 'waitlisted' | 'declined';
/** The same rule the server applies (application.rules.ts isLegalDecision). */
const DECIDABLE_FROM: readonly ApplicationStatus[] = ['submitted', 'waitlisted', 'accepted'];
const DECISIONS: readonly { value: Decision; button: string; done: string }[] = [
  { value: 'accepted', button: 'Accept', done: 'accepted' },
  { value: 'waitlisted', button: 'Waitlist', done: 'put on the waiting list' },
  { value: 'declined', button: 'Decline', done: 'declined' },
];

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function DecisionPanel({ application: a }: { application: Application }) {
  const decide = useDecideApplication();
  const reasonRef = useRef<HTMLDivElement>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [done, setDone] = useState<Decision | null>(null);
  const canDecide = DECIDABLE_FROM.includes(a.status);

  const choose = (decision: Decision) => {
    setDone(null);
    if (decision === 'declined' && reason.trim() === '') {
      setReasonError('Say why, in a sentence the applicant will read.');
      requestAnimationFrame(() => reasonRef.current?.querySelector('textarea')?.focus());
      return;
    }
    setReasonError(undefined);
    decide.mutate(
      { id: a.id, decision: { decision, reason: reason.trim() } },
      {
        onSuccess: () => {
          setDone(decision);
          setReason('');
        },
        onError: (error) => {
          if (isApiError(error)) setReasonError(error.details.find((d) => d.path === 'reason')?.message);
        },
      },
    );
  };

  return (
    <>
      <p>
        Now: <ApplicationStatusBadge status={a.status} />
        {a.decisionReason ? <> Reason given: “{a.decisionReason}”</> : null}
      </p>
      {done && decide.isSuccess ? (
        <Alert tone="success">
          {a.applicant.name}’s application has been {DECISIONS.find((d) => d.value === done)?.done}. We’ve e-mailed them.
        </Alert>
      ) : null}
      {decide.isError && !reasonError ? (
        <Alert tone="error" title="We couldn’t record the decision.">
          {errorMessage(decide.error)}
        </Alert>
      ) : null}
      {canDecide ? (
        <div className="form">
          <div ref={reasonRef}>
            <TextareaField
              label="Reason"
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={setReason}
              error={reasonError}
              hint="Needed to decline, optional otherwise. The applicant reads it in the e-mail we send them."
            />
          </div>
          <div className="form-actions">
            {DECISIONS.map((d) => (
              <Button
                key={d.value}
                variant={d.value === 'declined' ? 'danger' : d.value === 'accepted' ? 'primary' : 'secondary'}
                busy={decide.isPending}
                disabled={a.status === d.value}
                onClick={() => choose(d.value)}
              >
                {d.button}
              </Button>
            ))}
          </div>
        </div>
      ) : (
        <p className="muted">This application can’t be decided on any more: it has been withdrawn, declined or used in matching.</p>
      )}
    </>
  );
}

/** One application in full, for staff and the committee, with the decision buttons. */
export function ApplicationReviewPage({ canManagePeriods }: { canManagePeriods: boolean }) {
  const params = useParams();
  const periodId = Number(params.id);
  const id = Number(params.applicationId);
  const application = useApplication(Number.isInteger(id) && id > 0 ? id : 0);
  const period = usePeriod(periodId);
  const goals = useProgramGoals();
  const questions = useEligibilityQuestions();
  const periodName = period.data?.name;
  const back = (
    <ReviewBreadcrumb
      periodId={periodId}
      periodName={periodName}
      canManagePeriods={canManagePeriods}
      extra={{ to: `/periods/${periodId}/applications`, label: periodName ? `Applications for ${periodName}` : 'All applications' }}
    />
  );

  if (!Number.isInteger(id) || id <= 0 || (application.isError && isApiError(application.error) && application.error.status === 404)) {
    return (
      <Page title="Application not found" before={back}>
        <p>We couldn’t find this application.</p>
      </Page>
    );
  }
  if (application.isError) {
    return (
      <Page title="Application" before={back}>
        <LoadError error={application.error} what="the application" onRetry={() => void application.refetch()} />
      </Page>
    );
  }
  if (application.isPending) {
    return (
      <Page title="Application" before={back}>
        <Loading label="Loading the application…" />
      </Page>
    );
  }

  const a = application.data;
  // The breadcrumb names the URL's period: an application asked for under another period's URL
  // moves to its own, so the trail and the page always agree.
  if (a.periodId !== periodId) return <Navigate to={`/periods/${a.periodId}/applications/${a.id}`} replace />;
  const x = a.answers;
  const roleWord = a.role === 'mentor' ? 'mentor' : 'mentee';
  const goalTitle = (gid: number) => goals.data?.find((g) => g.id === gid)?.title ?? `Goal ${gid}`;
  const questionText = (key: string) => questions.data?.find((q) => q.key === key)?.text ?? key;
  const eligibilityEntries = Object.entries(x.eligibilityAnswers);
  const alreadyMatched = activeMatchWarning(a);

  return (
    <Page
      title={a.applicant.name}
      documentTitle={`${a.applicant.name} · application`}
      before={back}
      intro={
        <p>
          Applied as a {roleWord} for {a.periodName} on {formatInstant(a.createdAt)}
          {a.updatedAt !== a.createdAt ? `, last changed ${formatInstant(a.updatedAt)}` : ''}.
        </p>
      }
    >
      {a.eligibilityProblems.length > 0 ? (
        <Alert tone="warning" title="Eligibility to check" announce={false}>
          <p>
            These questions weren’t answered the way the program asks for. You may still accept the application if there’s a good reason.
          </p>
          <ul>
            {a.eligibilityProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {alreadyMatched ? (
        <Alert tone="warning" title={alreadyMatched.title} announce={false}>
          <p>{alreadyMatched.text}</p>
        </Alert>
      ) : null}
      <Card title="Decision">
        <DecisionPanel application={a} />
      </Card>
      <Card title="Contact and work">
        <dl className="dl">
          <Row term="E-mail">
            <a href={`mailto:${a.applicant.email}`}>{a.applicant.email}</a>
          </Row>
          <Row term="Phone">{x.phone || <span className="muted">Not given</span>}</Row>
          <Row term="Job title">{x.jobTitle || <span className="muted">Not given</span>}</Row>
          <Row term="Employer">{x.employer || <span className="muted">Not given</span>}</Row>
          <Row term="Workplace">{WORKPLACE_TYPE_LABELS[x.workplaceType]}</Row>
          <Row term="Career stage">{CAREER_STAGE_LABELS[x.careerStage]}</Row>
          <Row term="Years of experience">{x.yearsExperience}</Row>
          {a.role === 'mentor' ? <Row term="Mentees they can take">{x.capacity}</Row> : null}
        </dl>
      </Card>
      <Card title="Where they are">
        <dl className="dl">
          <Row term="Region">{x.region}</Row>
          <Row term="Time zone">{x.timeZone.replaceAll('_', ' ')}</Row>
          <Row term="Would meet in person">{x.meetInPerson ? 'Yes' : 'No'}</Row>
        </dl>
      </Card>
      <Card title="What they’d like from the program">
        <dl className="dl">
          <Row term="Program goals">
            <ul className="plain-list">
              {x.programGoalIds.map((g) => (
                <li key={g}>{goalTitle(g)}</li>
              ))}
            </ul>
          </Row>
          <Row term={a.role === 'mentor' ? 'Expertise' : 'Interests'}>{x.interests.join(', ')}</Row>
          <Row term="In their words">{x.hopes || <span className="muted">Nothing written</span>}</Row>
          <Row term="Keeping in touch">{x.channels.map((c) => CHANNEL_LABELS[c]).join(', ')}</Row>
          <Row term="Languages">{x.languages.join(', ')}</Row>
        </dl>
      </Card>
      <Card title="Eligibility answers">
        {eligibilityEntries.length === 0 ? (
          <p className="muted">No eligibility questions were answered.</p>
        ) : (
          <dl className="dl">
            {eligibilityEntries.map(([key, answer]) => (
              <Row key={key} term={questionText(key)}>
                {answer === 'yes' ? 'Yes' : 'No'}
              </Row>
            ))}
          </dl>
        )}
      </Card>
      <Card title="Confidential preferences">
        <p className="muted">
          Only the program office and the matching committee see this. It is never shown to the applicant’s match or in exports.
        </p>
        {a.confidential ? (
          <dl className="dl">
            <Row term="Same-gender match">{a.confidential.preferSameGender ? 'Preferred' : 'No preference'}</Row>
            <Row term="Gender">{a.confidential.gender || <span className="muted">Not given</span>}</Row>
            <Row term="Notes">{a.confidential.notes || <span className="muted">None</span>}</Row>
          </dl>
        ) : (
          <p>None given.</p>
        )}
      </Card>
      {a.carryForward || a.carriedFromId ? (
        <Card title="Earlier periods">
          {a.carriedFromId ? <p>This application was carried over from an earlier period.</p> : null}
          {a.carryForward ? <p>The applicant asked to be carried over to the next period.</p> : null}
        </Card>
      ) : null}
    </Page>
  );
}
