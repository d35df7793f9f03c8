import { useRef, useState } from 'react';
import type { UploadProgressOptions } from './upload-with-progress.ts';

/**
 * What a form needs while a file goes up: how far it has got, and a way to cancel it. `start` before
 * sending (its answer goes to the upload), `finish` once it has settled either way.
 */
export function useUploadProgress() {
  const cancel = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);

  const start = (total: number): UploadProgressOptions => {
    cancel.current = new AbortController();
    setProgress({ sent: 0, total });
    return { onProgress: (sent, of) => setProgress({ sent, total: of }), signal: cancel.current.signal };
  };
  const finish = () => {
    setProgress(null);
    cancel.current = null;
  };
  const abort = () => cancel.current?.abort();

  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.sent / progress.total) * 100)) : 0;
  return { progress, percent, start, finish, abort };
}
