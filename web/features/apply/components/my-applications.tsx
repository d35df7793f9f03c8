import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Checkbox } from '../../../components/ui/checkbox.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { formatDate, formatInstant } from '../../../lib/format-date.ts';
import { useApplyForm } from '../api/get-apply-form.ts';
import { useMyApplications } from '../api/get-my-applications.ts';
import type { Application } from '../api/get-my-applications.ts';
import { useSetCarryForward } from '../api/set-carry-forward.ts';
import { ApplicationStatusBadge, STATUS_FOR_APPLICANT } from './application-status.tsx';
import { WithdrawButton } from './withdraw-button.tsx';

function CarryForward({ application }: { application: Application }) {
  const carry = useSetCarryForward();
  return (
    <>
      <Checkbox
        label="Carry my application to the next period"
        checked={application.carryForward}
        disabled={carry.isPending}
        onChange={(carryForward) => carry.mutate({ id: application.id, carryForward })}
        hint="Tick this and we’ll consider you again next time, with the same answers. You can change them then."
      />
      {carry.isError ? (
        <p role="alert" className="field__error">
          {errorMessage(carry.error)}
        </p>
      ) : null}
    </>
  );
}

function ApplicationItem({ application: a }: { application: Application }) {
  const roleWord = a.role === 'mentor' ? 'Mentor' : 'Mentee';
  return (
    <li>
      <div className="item-row">
        <div className="item-row__main">
          <h3 className="item-title">
            {roleWord} application, {a.periodName}
          </h3>
          <p className="badges">
            <ApplicationStatusBadge status={a.status} />
          </p>
          <p>{STATUS_FOR_APPLICANT[a.status]}</p>
          {a.status === 'declined' && a.decisionReason ? <p>{a.decisionReason}</p> : null}
          <p className="muted small">Sent {formatInstant(a.createdAt)}.</p>
          {a.status === 'unmatched' || a.status === 'waitlisted' ? <CarryForward application={a} /> : null}
        </div>
        {a.editable ? (
          <div className="item-row__actions">
            <Link className="button button--secondary button--small" to={`/applications/${a.id}`}>
              Change answers
              <span className="visually-hidden">
                {' '}
                for your {a.role} application, {a.periodName}
              </span>
            </Link>
            <WithdrawButton application={a} />
          </div>
        ) : null}
      </div>
    </li>
  );
}

/**
 * The home page's list of your own applications, with a way to apply for an open period.
 * `onlyIfAny`: show nothing unless the person has applied (for someone whose home is about another role).
 */
export function MyApplications({ onlyIfAny = false }: { onlyIfAny?: boolean }) {
  const mine = useMyApplications();
  const form = useApplyForm();
  if (onlyIfAny && (mine.isPending || mine.data?.length === 0)) return null;
  if (mine.isPending) {
    return (
      <Card title="Your applications">
        <Loading label="Loading your applications…" />
      </Card>
    );
  }
  if (mine.isError) {
    return (
      <Card title="Your applications">
        <LoadError error={mine.error} what="your applications" onRetry={() => void mine.refetch()} />
      </Card>
    );
  }
  const applied = new Set(mine.data.map((a) => a.periodId));
  const open = (form.data?.periods ?? []).filter((p) => !applied.has(p.id));
  return (
    <Card title="Your applications">
      {mine.data.length === 0 ? (
        <p>You haven’t applied to the program yet.</p>
      ) : (
        <ul className="plain-list item-list">
          {mine.data.map((a) => (
            <ApplicationItem key={a.id} application={a} />
          ))}
        </ul>
      )}
      {open.map((p) => (
        <Alert key={p.id} tone="info" announce={false}>
          <p>
            Applications for <strong>{p.name}</strong> are open until {formatDate(p.applicationsCloseOn)}.{' '}
            <Link to="/apply">Apply for {p.name}</Link>
          </p>
        </Alert>
      ))}
    </Card>
  );
}
