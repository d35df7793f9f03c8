import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { LoadError, Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { browserTimeZone } from '../../../lib/time-zones.ts';
import { useApply } from '../api/apply.ts';
import { useApplyAsNewcomer } from '../api/apply-as-newcomer.ts';
import { useApplyForm } from '../api/get-apply-form.ts';
import { emptyDraft } from './answers-draft.ts';
import { ApplicationForm } from './application-form.tsx';
import type { ApplicationSubmission } from './application-form.tsx';
import type { ThanksState } from './apply-thanks-page.tsx';

function Failure({ error }: { error: unknown }) {
  if (!error) return null;
  if (isApiError(error) && error.code === 'EMAIL_TAKEN') {
    return (
      <Alert tone="error" title="You already have an account.">
        <p>
          There’s an account with that e-mail address already. <Link to="/sign-in?next=%2Fapply">Sign in</Link>, then apply from your home
          page. If you’ve forgotten your password, you can <Link to="/forgot-password">set a new one</Link>.
        </p>
      </Alert>
    );
  }
  if (isApiError(error) && error.code === 'ALREADY_APPLIED') {
    return (
      <Alert tone="error" title="You’ve already applied.">
        <p>
          {error.message} <Link to="/">Go to your home page</Link>
        </p>
      </Alert>
    );
  }
  if (isApiError(error) && error.details.length > 0) {
    return (
      <Alert tone="error" title="Some answers need another look.">
        The problems are marked next to the answers above.
      </Alert>
    );
  }
  return (
    <Alert tone="error" title="We couldn’t send your application.">
      {errorMessage(error)}
    </Alert>
  );
}

/** The application form, for newcomers (who get an account with it) and for people already signed in. */
export function ApplyPage({ signedInAs }: { signedInAs: { name: string; email: string } | null }) {
  const form = useApplyForm();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const applyNew = useApplyAsNewcomer();
  const applySignedIn = useApply();
  const preset = params.get('role');
  const role = preset === 'mentor' || preset === 'mentee' ? preset : '';

  if (form.isPending) {
    return (
      <Page title="Apply to the program">
        <Loading label="Loading the application form…" />
      </Page>
    );
  }
  if (form.isError) {
    return (
      <Page title="Apply to the program">
        <LoadError error={form.error} what="the application form" onRetry={() => void form.refetch()} />
      </Page>
    );
  }
  const f = form.data;
  if (f.periods.length === 0) {
    return (
      <Page title={`Apply to ${f.programName}`} documentTitle="Apply">
        <p>Applications aren’t open right now. The program office will announce the next round; please come back then.</p>
        <p>{signedInAs ? <Link to="/">Go to your home page</Link> : <Link to="/sign-in">Sign in</Link>}</p>
      </Page>
    );
  }

  const submit = async (s: ApplicationSubmission) => {
    const periodName = f.periods.find((p) => p.id === s.periodId)?.name ?? '';
    let state: ThanksState;
    if (s.account) {
      const { user } = await applyNew.mutateAsync({ periodId: s.periodId, role: s.role, ...s.account, answers: s.answers });
      state = { email: user.email, periodName, role: s.role };
    } else {
      await applySignedIn.mutateAsync({ periodId: s.periodId, role: s.role, answers: s.answers });
      state = { email: signedInAs?.email ?? '', periodName, role: s.role };
    }
    void navigate('/apply/thanks', { replace: true, state });
  };

  const error = signedInAs ? applySignedIn.error : applyNew.error;
  return (
    <Page
      title={`Apply to ${f.programName}`}
      documentTitle="Apply"
      intro={
        <>
          <p>
            Mentors share their experience; mentees bring their questions and goals. Tell us a little about yourself and we’ll look for a
            partner who fits. It takes about ten minutes.
          </p>
          {signedInAs ? null : (
            <p>
              Already have an account? <Link to="/sign-in?next=%2Fapply">Sign in first</Link> and we’ll fill in your name and e-mail.
            </p>
          )}
        </>
      }
    >
      <ApplicationForm
        form={f}
        initial={emptyDraft(browserTimeZone())}
        role={role}
        askForAccount={!signedInAs}
        submitLabel="Send application"
        busy={applyNew.isPending || applySignedIn.isPending}
        failure={<Failure error={error} />}
        onSubmit={submit}
        draftKey={`apply-draft:${signedInAs?.email ?? 'newcomer'}`}
      />
    </Page>
  );
}
