import type { ReactNode } from 'react';

type Tone = 'error' | 'success' | 'info' | 'warning';

interface AlertProps {
  tone: Tone;
  title?: string;
  children?: ReactNode;
  /** Errors interrupt (role="alert"); the rest are announced politely. Pass false for static notes. */
  announce?: boolean;
}

export function Alert({ tone, title, children, announce = true }: AlertProps) {
  const role = !announce ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`alert alert--${tone}`} role={role}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children}
    </div>
  );
}
