import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PERIOD_EXPORT_LABELS, PERIOD_EXPORTS, periodExportUrl } from '../../../../src/shared/exports.ts';
import { MATCHING_MODE_LABELS } from '../../../../src/shared/matching-modes.ts';
import { DownloadCsv } from '../../../components/download-csv.tsx';
import { PERIOD_STATUSES, PERIOD_STATUS_LABELS } from '../../../../src/shared/period-status.ts';
import type { PeriodStatus } from '../../../../src/shared/period-status.ts';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { formatDate, formatInstant } from '../../../lib/format-date.ts';
import { usePeriod } from '../api/get-period.ts';
import type { Period } from '../../../lib/reads/periods.ts';
import { useTransitionPeriod } from '../api/transition-period.ts';
import { useUpdatePeriod } from '../api/update-period.ts';
import { DATE_FIELDS } from './period-dates.ts';
import { ConfirmAction } from '../../../components/ui/confirm-action.tsx';
import { MATCHING_MODE_HINTS, PeriodForm } from './period-form.tsx';
import { PeriodStatusBadge } from './period-status-badge.tsx';

const WHAT_IT_MEANS: Record<PeriodStatus, string> = {
  draft: 'Only staff can see this period. Get the dates right, then open applications.',
  applications_open: 'People can apply as mentors and mentees.',
  matching: 'Applications are closed and the committee is pairing people up.',
  active: 'Matches are announced and pairs are working on their goals.',
  evaluation: 'The program year is wrapping up and the survey is collecting answers.',
  closed: 'This period is finished. Its history stays for reports.',
};

function StatusPanel({ period }: { period: Period }) {
  const transition = useTransitionPeriod();
  const [moved, setMoved] = useState<PeriodStatus | null>(null);
  const currentIndex = PERIOD_STATUSES.indexOf(period.status);
  const failure = transition.error;
  const illegal = isApiError(failure) && failure.code === 'ILLEGAL_TRANSITION';
  return (
    <>
      <ol className="steps" aria-label="Status steps">
        {PERIOD_STATUSES.map((s, i) => (
          <li key={s} aria-current={s === period.status ? 'step' : undefined}>
            {PERIOD_STATUS_LABELS[s]}
            {i < currentIndex ? <span className="visually-hidden"> (done)</span> : null}
          </li>
        ))}
      </ol>
      <p>
        Now: <PeriodStatusBadge status={period.status} /> {WHAT_IT_MEANS[period.status]}
      </p>
      {moved && transition.isSuccess ? <Alert tone="success">The period is now in “{PERIOD_STATUS_LABELS[moved]}”.</Alert> : null}
      {failure ? (
        <Alert tone="error" title={illegal ? 'That move isn’t allowed from here.' : 'We couldn’t change the status.'}>
          {errorMessage(failure)}
        </Alert>
      ) : null}
      {period.nextStatuses.length > 0 ? (
        <div className="form-actions">
          {period.nextStatuses.map((to) =>
            to === 'closed' ? (
              // Closing cannot be undone and ends every pair still active: ask once more.
              <ConfirmAction
                key={to}
                label={`Move to “${PERIOD_STATUS_LABELS[to]}”`}
                labelDetail={`: ${period.name}`}
                question="Close this period? Every pair still active ends with it, and the period can’t be changed again."
                groupLabel={`Confirm closing ${period.name}`}
                confirmLabel="Yes, close it"
                variant="secondary"
                busy={transition.isPending}
                error={null}
                onConfirm={() => {
                  setMoved(to);
                  transition.mutate({ id: period.id, to });
                }}
              />
            ) : (
              <Button
                key={to}
                variant={PERIOD_STATUSES.indexOf(to) > currentIndex ? 'primary' : 'secondary'}
                busy={transition.isPending}
                onClick={() => {
                  setMoved(to);
                  transition.mutate({ id: period.id, to });
                }}
              >
                Move to “{PERIOD_STATUS_LABELS[to]}”
              </Button>
            ),
          )}
        </div>
      ) : (
        <p className="muted">This period can’t move any further.</p>
      )}
    </>
  );
}

/** Once matches are being made, the way they are made stays (the server answers 409 MODE_LOCKED). */
const MODE_CHANGEABLE: readonly PeriodStatus[] = ['draft', 'applications_open', 'matching'];

function EditDates({ period }: { period: Period }) {
  const update = useUpdatePeriod();
  const [saved, setSaved] = useState(false);
  return (
    <>
      {saved && update.isSuccess ? <Alert tone="success">Your changes have been saved.</Alert> : null}
      <PeriodForm
        // Re-key after each save so the form shows what the server stored.
        key={period.updatedAt}
        label="Edit name, dates and how pairs are made"
        modeLocked={
          MODE_CHANGEABLE.includes(period.status) ? null : 'This can’t change once the period is active: its matches were made this way.'
        }
        initial={{
          name: period.name,
          matchingMode: period.matchingMode,
          applicationsOpenOn: period.applicationsOpenOn,
          applicationsCloseOn: period.applicationsCloseOn,
          matchesAnnouncedOn: period.matchesAnnouncedOn,
          programEndsOn: period.programEndsOn,
          surveyOpensOn: period.surveyOpensOn,
          surveyClosesOn: period.surveyClosesOn,
        }}
        submitLabel="Save changes"
        busy={update.isPending}
        error={update.error}
        onSubmit={async (values) => {
          setSaved(false);
          await update.mutateAsync({ id: period.id, changes: values });
          setSaved(true);
        }}
      />
    </>
  );
}

export function PeriodPage() {
  const params = useParams();
  const id = Number(params.id);
  const period = usePeriod(id);
  const back = (
    <p className="breadcrumb">
      <Link to="/periods">← All periods</Link>
    </p>
  );

  if (!Number.isInteger(id) || id <= 0) {
    return (
      <Page title="Period not found" before={back}>
        <p>This address doesn’t point to a period.</p>
      </Page>
    );
  }
  if (period.isPending) {
    return (
      <Page title="Period" before={back}>
        <Loading label="Loading the period…" />
      </Page>
    );
  }
  if (period.isError) {
    const notFound = isApiError(period.error) && period.error.status === 404;
    return (
      <Page title={notFound ? 'Period not found' : 'Period'} before={back}>
        {notFound ? (
          <p>We couldn’t find this period. It may have been created in another program.</p>
        ) : (
          <LoadError error={period.error} what="the period" onRetry={() => void period.refetch()} />
        )}
      </Page>
    );
  }

  const p = period.data;
  return (
    <Page
      title={p.name}
      documentTitle={`Period ${p.name}`}
      before={back}
      intro={<p className="small">Last changed {formatInstant(p.updatedAt)}.</p>}
    >
      <Card title="Status">
        <StatusPanel period={p} />
      </Card>
      <Card title="Applications and matching">
        <p>
          <strong>How pairs are made:</strong> {MATCHING_MODE_LABELS[p.matchingMode]}.{' '}
          <span className="muted">{MATCHING_MODE_HINTS[p.matchingMode]}</span>
        </p>
        <ul className="plain-list link-list">
          <li>
            <Link to={`/periods/${p.id}/applications`}>Review applications</Link>
            <span className="muted"> — see, filter, accept or decline, import and export.</span>
          </li>
          <li>
            <Link to={`/periods/${p.id}/matching`}>Open the matching workspace</Link>
            <span className="muted"> — run the matcher, adjust its proposal and approve the matches.</span>
          </li>
          <li>
            <Link to={`/periods/${p.id}/matches`}>See the period’s matches</Link>
            <span className="muted"> — every pair, searched and filtered, with who looks after them.</span>
          </li>
          {p.matchingMode === 'participant_choice' ? (
            <li>
              <Link to={`/periods/${p.id}/requests`}>Mentor requests</Link>
              <span className="muted"> — who asked whom, the answers, and stepping in on a request that waits.</span>
            </li>
          ) : null}
          <li>
            <Link to={`/periods/${p.id}/letters`}>Letters of recognition</Link>
            <span className="muted"> — once the year has ended: download the mentors’ letters or send them by e-mail.</span>
          </li>
        </ul>
      </Card>
      <Card title="Download the period’s data">
        <p className="muted small">
          CSV files for a spreadsheet: formula-safe, times in UTC, days as the program’s calendar days. Tick “for Excel” if you open them in
          Excel. Every download is recorded in the audit log.
        </p>
        <ul className="plain-list link-list">
          {PERIOD_EXPORTS.map((what) => (
            <li key={what}>
              <DownloadCsv url={(bom) => periodExportUrl(p.id, what, bom)} label={`Download ${PERIOD_EXPORT_LABELS[what]} (CSV)`} />
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Key dates">
        <dl className="dl">
          {DATE_FIELDS.map((f) => (
            <Fragment key={f.key}>
              <dt>{f.label}</dt>
              <dd>{formatDate(p[f.key])}</dd>
            </Fragment>
          ))}
        </dl>
      </Card>
      <Card title="Edit name, dates and how pairs are made">
        <EditDates period={p} />
      </Card>
    </Page>
  );
}
