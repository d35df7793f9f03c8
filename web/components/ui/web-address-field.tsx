import { TextField } from './field.tsx';

const RULE = 'It must start with https:// or http://.';

/**
 * A field for a link kept elsewhere. Its length and hint follow the server's rule for web
 * addresses (at most 2,000 characters, https:// or http:// only); `use` says what the link is for.
 */
export function WebAddressField({
  label,
  use,
  value,
  onChange,
  error,
  required,
}: {
  label: string;
  use?: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  required?: boolean;
}) {
  return (
    <TextField
      label={label}
      type="url"
      required={required}
      value={value}
      onChange={onChange}
      error={error}
      maxLength={2000}
      placeholder="https://"
      hint={use ? `${use} ${RULE}` : RULE}
    />
  );
}
