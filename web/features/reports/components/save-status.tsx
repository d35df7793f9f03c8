import { Button } from '../../../components/ui/button.tsx';
import { errorMessage } from '../../../lib/api-error.ts';
import { formatInstant } from '../../../lib/format-date.ts';
import { clockTime } from '../../../lib/format-date.ts';
import type { SectionSaveState } from './use-section-autosave.ts';

/** Where a section stands: saving, saved at a time, or not saved and why. (A conflict has its own message.) */
export function SaveStatus({
  state,
  lastSaved,
  onRetry,
}: {
  state: SectionSaveState;
  lastSaved: { at: string; by: string | null };
  /** Try the failed save again now. */
  onRetry: () => void;
}) {
  let text = `Last saved ${formatInstant(lastSaved.at)}${lastSaved.by ? ` by ${lastSaved.by}` : ''}. Changes are saved as you type.`;
  if (state.kind === 'saving') text = 'Saving…';
  if (state.kind === 'saved') text = `Saved ${clockTime(state.at)}`;
  if (state.kind === 'failed') text = `Not saved yet: ${errorMessage(state.error)} We’ll try again with your next change.`;
  if (state.kind === 'conflict') text = 'Not saved: someone else changed this section.';
  const problem = state.kind === 'failed' || state.kind === 'conflict';
  return (
    <div className="report-save-status">
      <p role="status" className={problem ? 'field__error' : 'muted small'}>
        {text}
      </p>
      {state.kind === 'failed' ? (
        <Button variant="secondary" small onClick={onRetry}>
          Save now
        </Button>
      ) : null}
    </div>
  );
}
