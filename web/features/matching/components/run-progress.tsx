import type { MatchingRun } from '../api/get-run.ts';

/** The progress bar while a run computes; the page stays usable meanwhile. */
export function RunProgress({ run }: { run: MatchingRun }) {
  const percent = Math.round(run.progress * 100);
  return (
    <div className="run-progress">
      <label htmlFor={`run-${run.id}-progress`} className="field__label">
        Matching in progress
      </label>
      <progress id={`run-${run.id}-progress`} max={100} value={percent}>
        {percent}%
      </progress>
      <p className="muted small" aria-live="polite">
        {percent}% done. You can keep reading the page; the proposal appears here when it’s ready.
      </p>
    </div>
  );
}
