import { PASSWORD_HINT } from '../../lib/password-rule.ts';
import { TextField } from './field.tsx';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

function ChosenPasswordField({ hint, ...field }: PasswordFieldProps & { hint?: string }) {
  return <TextField {...field} type="password" required autoComplete="new-password" hint={hint} />;
}

/** A password someone chooses: the rule as its hint, and the browser told it is a new one to remember. */
export function NewPasswordField(props: PasswordFieldProps) {
  return <ChosenPasswordField {...props} hint={PASSWORD_HINT} />;
}

/** The new password typed a second time, to catch a typo before it locks someone out. */
export function RepeatPasswordField(props: Omit<PasswordFieldProps, 'label'>) {
  return <ChosenPasswordField {...props} label="New password again" />;
}
