import type { ReactNode } from 'react';

/**
 * A labelled progress bar for a file going up, announced to screen readers in steps of ten so
 * they are not talking all the time. `children` go under the bar (such as how many bytes so far).
 */
export function UploadProgress({
  id,
  fileName,
  percent,
  children,
}: {
  id: string;
  fileName: string | undefined;
  percent: number;
  children?: ReactNode;
}) {
  return (
    <div className="upload-progress">
      <label htmlFor={id} className="field__label">
        Uploading {fileName}
      </label>
      <progress id={id} max={100} value={percent}>
        {percent}%
      </progress>
      {children}
      <p className="visually-hidden" aria-live="polite">
        {Math.floor(percent / 10) * 10}% uploaded
      </p>
    </div>
  );
}
