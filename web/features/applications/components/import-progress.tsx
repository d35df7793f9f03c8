import type { ApplicationImport } from '../../../../src/shared/api/application-imports.ts';

/** Where a check or an import of a CSV file has got: its file going up, then the server's steps. */
export type ImportStage = { kind: 'sending'; sent: number; total: number } | { kind: 'running'; progress: ApplicationImport['progress'] };

/**
 * Each step's words, and whether it counts the file's bytes or rows. Looked up by name, so a step
 * the server adds or folds into another still shows (as "Working") rather than breaking the page.
 */
const STEPS: Partial<Record<string, { label: string; counts: 'bytes' | 'rows' }>> = {
  // The file is read and its rows checked in one pass, counted in bytes.
  reading: { label: 'Reading and checking the file', counts: 'bytes' },
  writing: { label: 'Writing applications', counts: 'rows' },
};

const count = (n: number) => n.toLocaleString('en-US');
const percentOf = (done: number, total: number) => (total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0);

export interface StageDisplay {
  /** The bar's value of max; undefined while nothing can be measured yet (an indeterminate bar). */
  value: number | undefined;
  max: number;
  /** What the page says under the bar, at every update. */
  text: string;
  /** What a screen reader is told: the step and its tens of percent, so it isn't talking all the time. */
  announce: string;
}

/** The words and the bar for a stage; the file's bytes as a percentage, rows as counts. */
export function stageDisplay(stage: ImportStage): StageDisplay {
  const inBytes = (label: string, done: number, total: number): StageDisplay => {
    const percent = percentOf(done, total);
    return { value: percent, max: 100, text: `${label}: ${percent}%`, announce: `${label}: ${Math.floor(percent / 10) * 10}%` };
  };
  const inRows = (label: string, done: number, total: number): StageDisplay => ({
    value: Math.min(done, total),
    max: Math.max(total, 1),
    text: `${label}: ${count(done)} of ${count(total)}`,
    announce: `${label}: ${Math.floor(percentOf(done, total) / 10) * 10}%`,
  });
  if (stage.kind === 'sending') return inBytes('Sending the file', stage.sent, stage.total);
  const { progress } = stage;
  if (progress === null) return { value: undefined, max: 100, text: 'Starting…', announce: 'Starting' };
  const step = STEPS[progress.step] ?? { label: 'Working', counts: 'rows' };
  return (step.counts === 'bytes' ? inBytes : inRows)(step.label, progress.done, progress.total);
}

/**
 * A labelled progress bar for a CSV file being checked or imported, with the step in words under
 * it and a quieter live region for screen readers.
 */
export function ImportProgress({ id, label, stage, note }: { id: string; label: string; stage: ImportStage; note?: string }) {
  const shown = stageDisplay(stage);
  return (
    <div className="upload-progress">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <progress id={id} max={shown.max} value={shown.value}>
        {shown.text}
      </progress>
      <p className="muted small">{shown.text}</p>
      {note ? <p className="muted small">{note}</p> : null}
      <p className="visually-hidden" role="status">
        {shown.announce}
      </p>
    </div>
  );
}
