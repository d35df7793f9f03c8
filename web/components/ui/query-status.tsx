import { Alert } from './alert.tsx';
import { Button } from './button.tsx';
import { errorMessage } from '../../lib/api-error.ts';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="muted">
      {label}
    </p>
  );
}

/** Shown when data could not be loaded, with a way to try again. */
export function LoadError({ error, onRetry, what = 'this information' }: { error: unknown; onRetry?: () => void; what?: string }) {
  return (
    <Alert tone="error" title={`We could not load ${what}.`}>
      <p>{errorMessage(error)}</p>
      {onRetry ? (
        <Button variant="secondary" small onClick={onRetry}>
          Try again
        </Button>
      ) : null}
    </Alert>
  );
}
