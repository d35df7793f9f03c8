import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { TextField } from '../../../components/ui/field.tsx';
import { FormActions } from '../../../components/ui/form-actions.tsx';
import { Page } from '../../../components/ui/page.tsx';
import { NewPasswordField } from '../../../components/ui/password-fields.tsx';
import { Loading } from '../../../components/ui/query-status.tsx';
import { errorMessage, isApiError } from '../../../lib/api-error.ts';
import { useCheckedForm } from '../../../lib/use-checked-form.ts';
import { acceptInvitationInputSchema, useAcceptInvitation } from '../api/accept-invitation.ts';
import { useInvitation } from '../api/get-invitation.ts';
import type { InvitationPreview } from '../api/get-invitation.ts';

function invitationProblem(error: unknown): { title: string; text: string } {
  if (isApiError(error)) {
    if (error.code === 'INVITATION_EXPIRED') {
      return {
        title: 'This invitation has expired',
        text: 'Invitations are only valid for a limited time. Please ask your program office to send you a new one.',
      };
    }
    if (error.code === 'INVITATION_USED') {
      return {
        title: 'This invitation has already been used',
        text: 'An account was already created with this link. If it’s yours, sign in instead.',
      };
    }
    if (error.status === 404) {
      return {
        title: 'We don’t recognise this invitation',
        text: 'The link may be incomplete or the invitation may have been withdrawn. Check that you copied the whole link, or ask your program office for a new one.',
      };
    }
  }
  return { title: 'We couldn’t open this invitation', text: errorMessage(error) };
}

const ROLE_PHRASES: Record<InvitationPreview['roles'][number], string> = {
  staff: 'a member of the program staff',
  committee: 'a member of the matching committee',
  taskforce: 'a member of the advisory task force',
  mentor: 'a mentor',
  mentee: 'a mentee',
};

/** ['mentor', 'committee'] → "a mentor and a member of the matching committee" */
function rolesInWords(roles: InvitationPreview['roles']): string {
  const phrases = roles.map((r) => ROLE_PHRASES[r]);
  if (phrases.length === 0) return 'a participant';
  if (phrases.length === 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const { ref, errors, check, showServerErrors } = useCheckedForm();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = check(acceptInvitationInputSchema, { name, password });
    if (!input) return;
    accept.mutate(
      { token, ...input },
      {
        onSuccess: () => void navigate('/', { replace: true }),
        onError: showServerErrors,
      },
    );
  };

  return (
    <div className="card">
      <form ref={ref} className="form" onSubmit={onSubmit} noValidate>
        {accept.isError ? <Alert tone="error">{errorMessage(accept.error)}</Alert> : null}
        <div className="field">
          <span className="field__label">E-mail address</span>
          <span>{invitation.email}</span>
          <p className="field__hint">You’ll use this address to sign in.</p>
        </div>
        <TextField
          label="Your name"
          required
          autoComplete="name"
          value={name}
          onChange={setName}
          error={errors.name}
          hint="As you’d like your partner and the program office to see it."
          maxLength={120}
        />
        <NewPasswordField label="Choose a password" value={password} onChange={setPassword} error={errors.password} />
        <FormActions submitLabel="Create account" busy={accept.isPending} />
      </form>
    </div>
  );
}

export function InvitationPage() {
  const { token = '' } = useParams();
  const invitation = useInvitation(token);

  if (invitation.isPending) {
    return (
      <Page title="Your invitation">
        <Loading label="Opening your invitation…" />
      </Page>
    );
  }
  if (invitation.isError) {
    const problem = invitationProblem(invitation.error);
    return (
      <Page title={problem.title}>
        <Alert tone="warning" announce={false}>
          <p>{problem.text}</p>
        </Alert>
        <p>
          <Link to="/sign-in">Go to sign in</Link>
        </p>
      </Page>
    );
  }

  const data = invitation.data;
  return (
    <Page
      title={`Join ${data.programName}`}
      documentTitle="Accept your invitation"
      intro={
        <p>
          You’ve been invited to take part as <strong>{rolesInWords(data.roles)}</strong>. Check your name, choose a password, and your
          account is ready.
        </p>
      }
    >
      <AcceptForm token={token} invitation={data} />
      <p className="muted">
        Already have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </Page>
  );
}
