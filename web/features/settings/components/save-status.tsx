import { Alert } from '../../../components/ui/alert.tsx';
import { errorMessage } from '../../../lib/api-error.ts';

/** The result of saving one section of the settings page. */
export function SaveStatus({ saved, error, what }: { saved: boolean; error: unknown; what: string }) {
  if (error)
    return (
      <Alert tone="error" title={`We couldn’t save the ${what}.`}>
        {errorMessage(error)}
      </Alert>
    );
  if (saved) return <Alert tone="success">The {what} have been saved.</Alert>;
  return null;
}
