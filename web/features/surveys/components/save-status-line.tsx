import { errorMessage } from '../../../lib/api-error.ts';
import { clockTime } from '../../../lib/format-date.ts';
import type { SaveState } from './use-autosave.ts';

/** Where the draft stands, under the form: saving, saved at a time, or not saved and why. */
export function SaveStatusLine({ state }: { state: SaveState }) {
  let text = 'Your answers are saved as you go.';
  if (state.kind === 'saving') text = 'Saving your answers…';
  if (state.kind === 'saved') text = `Saved at ${clockTime(state.at)}.`;
  if (state.kind === 'failed')
    text = `Your latest answers aren’t saved yet: ${errorMessage(state.error)} We’ll try again with your next change.`;
  return (
    <p role="status" className={state.kind === 'failed' ? 'field__error survey-save-status' : 'muted small survey-save-status'}>
      {text}
    </p>
  );
}
