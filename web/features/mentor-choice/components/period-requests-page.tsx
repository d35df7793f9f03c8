import { useState } from 'react';
import { Fragment } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { MATCHING_MODE_LABELS, MENTOR_REQUEST_STATUSES, MENTOR_REQUEST_STATUS_LABELS } from '../../../../src/shared/matching-modes.ts';
import type { MentorRequestStatus } from '../../../../src/shared/matching-modes.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { isApiError } from '../../../lib/api-error.ts';
import { usePeriodMentorRequests } from '../api/get-period-mentor-requests.ts';
import type { PeriodMentorRequests } from '../api/get-period-mentor-requests.ts';
import { AnswerOutcome, focusAnswerOutcome } from './answer-outcome.tsx';
import type { AnsweredNow } from './answer-outcome.tsx';
import { RequestDetails } from './request-details.tsx';
import { StepInPanel } from './step-in-panel.tsx';

type Filter = MentorRequestStatus | 'all';

const isStatus = (value: string | null): value is MentorRequestStatus => MENTOR_REQUEST_STATUSES.some((s) => s === value);

function Counts({ data }: { data: PeriodMentorRequests }) {
  return (
    <dl className="dl request-counts">
      {MENTOR_REQUEST_STATUSES.map((s) => (
        <Fragment key={s}>
          <dt>{MENTOR_REQUEST_STATUS_LABELS[s]}</dt>
          <dd>{data.counts[s] ?? 0}</dd>
        </Fragment>
      ))}
      <dt>All requests</dt>
      <dd>{data.requests.length}</dd>
    </dl>
  );
}

function countWords(shown: number, filter: Filter): string {
  const noun = shown === 1 ? 'request' : 'requests';
  if (filter === 'all') return shown === 0 ? 'No requests yet.' : `${shown} ${noun}, newest first.`;
  return `${shown} ${noun}: ${MENTOR_REQUEST_STATUS_LABELS[filter].toLowerCase()}.`;
}

/** Staff: a period's mentor requests, with counts by status, a filter, and a way to step in on any that wait. */
export function PeriodRequestsPage() {
  const periodId = Number(useParams().id);
  const valid = Number.isInteger(periodId) && periodId > 0;
  const requests = usePeriodMentorRequests(valid ? periodId : 0);
  const [params, setParams] = useSearchParams();
  const shown = params.get('status');
  const filter: Filter = isStatus(shown) ? shown : 'all';
  const [answered, setAnswered] = useState<AnsweredNow | null>(null);
  const back = (
    <p className="breadcrumb">
      <Link to={valid ? `/periods/${periodId}` : '/periods'}>← Back to the period</Link>
    </p>
  );

  if (!valid || (requests.isError && isApiError(requests.error) && requests.error.status === 404)) {
    return (
      <Page title="Period not found" before={back}>
        <p>This period does not exist, or it was deleted.</p>
      </Page>
    );
  }

  const data = requests.data;
  const list = data
    ? data.requests
        .filter((r) => filter === 'all' || r.status === filter)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id)
    : [];
  const options = [
    { value: 'all', label: `All (${data?.requests.length ?? 0})` },
    ...MENTOR_REQUEST_STATUSES.map((s) => ({ value: s, label: `${MENTOR_REQUEST_STATUS_LABELS[s]} (${data?.counts[s] ?? 0})` })),
  ];

  return (
    <Page
      title={data ? `Mentor requests: ${data.period.name}` : 'Mentor requests'}
      before={back}
      intro={
        <p>
          Mentees ask mentors from their suggestions; mentors accept or decline. You can step in on a request that waits: accept or decline
          it for the mentor, or close it with a note to the mentee.
        </p>
      }
    >
      <AnswerOutcome answered={answered} />
      {requests.isPending ? <Loading label="Loading the requests…" /> : null}
      {requests.isError ? <LoadError error={requests.error} what="the requests" onRetry={() => void requests.refetch()} /> : null}
      {data ? (
        <>
          {data.period.mode !== 'participant_choice' ? (
            <Alert tone="info" announce={false}>
              <p>In this period: {MATCHING_MODE_LABELS[data.period.mode]}. Mentees ask mentors only in periods where mentees choose.</p>
            </Alert>
          ) : null}
          <Card title="At a glance">
            <Counts data={data} />
          </Card>
          <Card title="Requests">
            <div className="request-filter">
              <SelectField
                label="Show"
                value={filter}
                options={options}
                onChange={(value) => {
                  setAnswered(null);
                  setParams(value === 'all' ? {} : { status: value }, { replace: true });
                }}
              />
            </div>
            <p className="muted small" role="status">
              {countWords(list.length, filter)}
            </p>
            {list.length > 0 ? (
              <ul className="plain-list item-list">
                {list.map((r) => (
                  <li key={r.id} className="request-item">
                    <h3 className="item-title">
                      <Link to={`/requests/${r.id}`}>
                        {r.mentee.name} asked {r.mentor.name}
                      </Link>
                    </h3>
                    <RequestDetails request={r} viewer="staff" level={4} compact />
                    {r.status === 'accepted' && r.matchId !== null ? (
                      <p>
                        <Link to={`/matches/${r.matchId}`}>
                          Open the match
                          <span className="visually-hidden">
                            {' '}
                            of {r.mentee.name} and {r.mentor.name}
                          </span>
                        </Link>
                      </p>
                    ) : null}
                    {r.status === 'pending' ? (
                      <StepInPanel
                        request={r}
                        onDone={(a) => {
                          setAnswered(a);
                          focusAnswerOutcome();
                        }}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </Card>
        </>
      ) : null}
    </Page>
  );
}
