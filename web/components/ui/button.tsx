import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'danger';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  small?: boolean;
  /** While true the button is disabled and says so to assistive technology; its text stays the same. */
  busy?: boolean;
}

export function buttonClass(variant: Variant = 'primary', small = false): string {
  return ['button', variant !== 'primary' ? `button--${variant}` : '', small ? 'button--small' : ''].filter(Boolean).join(' ');
}

export function Button({
  variant = 'primary',
  small = false,
  busy = false,
  type = 'button',
  className,
  disabled,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={[buttonClass(variant, small), className].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {children}
    </button>
  );
}
