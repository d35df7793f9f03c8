import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Page } from '../../../components/ui/page.tsx';

export interface ThanksState {
  email: string;
  periodName: string;
  role: 'mentor' | 'mentee';
}

function isThanksState(value: unknown): value is ThanksState {
  return typeof value === 'object' && value !== null && 'email' in value && 'periodName' in value && 'role' in value;
}

/** After an application is sent. */
export function ApplyThanksPage() {
  const location = useLocation();
  const state = isThanksState(location.state) ? location.state : null;
  return (
    <Page title="Thank you for applying">
      <Alert tone="success">
        <p>
          {state ? (
            <>
              We have your {state.role} application for <strong>{state.periodName}</strong>.
            </>
          ) : (
            'We have your application.'
          )}
        </p>
      </Alert>
      <p>
        Thanks — we’ve e-mailed a copy{state?.email ? ` to ${state.email}` : ''} so you have it to hand. The program office will review
        applications after they close and let you know by e-mail what happens next.
      </p>
      <p>Until then you can change your answers, or withdraw, from your home page.</p>
      <p>
        <Link to="/">Go to your home page</Link>
      </p>
    </Page>
  );
}
