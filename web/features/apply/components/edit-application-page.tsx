import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useEditApplication } from '../api/edit-application.ts';
import { useApplication } from '../api/get-application.ts';
import { useApplyForm } from '../api/get-apply-form.ts';
import { draftFromApplication } from './answers-draft.ts';
import { ApplicationForm } from './application-form.tsx';
import { ApplicationStatusBadge, STATUS_FOR_APPLICANT } from './application-status.tsx';
import { WithdrawButton } from './withdraw-button.tsx';

const back = (
  <p className="breadcrumb">
    <Link to="/">← Your home page</Link>
  </p>
);

/** Change or withdraw one of your own applications while applications are open. */
export function EditApplicationPage() {
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const application = useApplication(valid ? id : 0);
  const form = useApplyForm();
  const edit = useEditApplication();
  const [saved, setSaved] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);

  if (!valid || (application.isError && isApiError(application.error) && application.error.status === 404)) {
    return (
      <Page title="Application not found" before={back}>
        <p>We couldn’t find this application. It may belong to another account.</p>
      </Page>
    );
  }
  if (application.isError || form.isError) {
    return (
      <Page title="Your application" before={back}>
        <LoadError
          error={application.error ?? form.error}
          what="your application"
          onRetry={() => void (application.isError ? application.refetch() : form.refetch())}
        />
      </Page>
    );
  }
  if (application.isPending || form.isPending) {
    return (
      <Page title="Your application" before={back}>
        <Loading label="Loading your application…" />
      </Page>
    );
  }

  const a = application.data;
  const title = `Your ${a.role} application for ${a.periodName}`;
  if (!a.editable) {
    return (
      <Page title={title} documentTitle="Your application" before={back}>
        {withdrawn ? <Alert tone="success">Your application has been withdrawn.</Alert> : null}
        <p className="badges">
          <ApplicationStatusBadge status={a.status} />
        </p>
        <p>{STATUS_FOR_APPLICANT[a.status]}</p>
        {a.status === 'declined' && a.decisionReason ? <p>{a.decisionReason}</p> : null}
        <p className="muted">
          Applications can be changed only while they’re open and no decision has closed them. If something important has changed, please
          write to the program office.
        </p>
      </Page>
    );
  }

  return (
    <Page
      title={title}
      documentTitle="Your application"
      before={back}
      intro={<p>Change anything you like until applications close. We’ll use your latest answers when we match.</p>}
    >
      <p className="badges">
        <ApplicationStatusBadge status={a.status} />
      </p>
      <ApplicationForm
        // Re-key after each save so the form shows what the server stored.
        key={a.updatedAt}
        form={form.data}
        initial={draftFromApplication(a)}
        role={a.role}
        roleFixed
        period={{ id: a.periodId, name: a.periodName }}
        askForAccount={false}
        submitLabel="Save changes"
        busy={edit.isPending}
        failure={
          edit.isError ? (
            isApiError(edit.error) && edit.error.details.length > 0 ? (
              <Alert tone="error" title="Some answers need another look.">
                The problems are marked next to the answers above.
              </Alert>
            ) : (
              <Alert tone="error" title="We couldn’t save your changes.">
                {errorMessage(edit.error)}
              </Alert>
            )
          ) : saved && edit.isSuccess ? (
            <Alert tone="success">Your changes have been saved.</Alert>
          ) : null
        }
        onSubmit={async (s) => {
          setSaved(false);
          await edit.mutateAsync({ id: a.id, answers: s.answers });
          setSaved(true);
        }}
        extraActions={<WithdrawButton application={a} onWithdrawn={() => setWithdrawn(true)} />}
      />
    </Page>
  );
}
