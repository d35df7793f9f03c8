import { useState } from 'react';
import type { FormEvent } from 'react';
import { MAX_FILE_IMPORT_BYTES } from '../../../../src/shared/api/application-imports.ts';
import type { ImportMode } from '../../../../src/shared/api/application-imports.ts';
import type { ImportResult } from '../../../../src/shared/api/applications.ts';
import { useUploadProgress } from '../../../lib/use-upload-progress.ts';
import { useApplicationImport } from '../api/get-application-import.ts';
import { useStartApplicationImport } from '../api/start-application-import.ts';
import type { ImportMapping } from '../api/start-application-import.ts';
import type { ImportStage } from './import-progress.tsx';

const TOO_LARGE = `That file is larger than ${MAX_FILE_IMPORT_BYTES / (1024 * 1024)} MB. Split it into smaller files and import them one after another.`;

/**
 * A CSV file checked on the server before anything is saved: pick the file, send it for a preview
 * (the server guesses the columns), adjust the columns and send again, then send it to import. Each
 * send uploads the file itself and is answered at once; the check or import then runs in the
 * background, and the page follows its progress until it is done. The result on show stays until
 * the next one replaces it, so the page doesn't jump while a new check runs.
 */
export function useFileImport(periodId: number) {
  const start = useStartApplicationImport();
  const upload = useUploadProgress();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [mode, setMode] = useState<ImportMode | null>(null);
  const [importId, setImportId] = useState<number | null>(null);
  const current = useApplicationImport(importId);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [settled, setSettled] = useState<number | null>(null);

  // A finished check or import replaces the result on show, once (state adjusted while rendering,
  // as React recommends over an effect: https://react.dev/learn/you-might-not-need-an-effect).
  const finished = current.data && current.data.status !== 'running' ? current.data : null;
  if (finished && finished.id !== settled) {
    setSettled(finished.id);
    if (finished.result) {
      setResult(finished.result);
      setMapping(finished.result.mapping);
    }
  }

  const send = (sendMode: ImportMode, chosen: File, withMapping: ImportMapping | undefined) => {
    setMode(sendMode);
    setImportId(null);
    start.mutate(
      { periodId, mode: sendMode, mapping: withMapping, file: chosen, ...upload.start(chosen.size) },
      { onSuccess: (started) => setImportId(started.id), onSettled: upload.finish },
    );
  };

  const pick = (chosen: File | null) => {
    setFile(chosen);
    setFileError(undefined);
    setResult(null);
    setImportId(null);
    start.reset();
  };

  const check = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const problem = !file ? 'Choose a CSV file to check.' : file.size > MAX_FILE_IMPORT_BYTES ? TOO_LARGE : undefined;
    setFileError(problem);
    if (!file || problem) return;
    setResult(null);
    send('preview', file, undefined);
  };

  /** The columns chosen, without the ones set to "not in this file". */
  const chosenMapping = (): ImportMapping => Object.fromEntries(Object.entries(mapping).filter(([, v]) => v));
  /** Sends the file again, with the columns chosen so far. */
  const sendAgain = (sendMode: ImportMode) => {
    if (file) send(sendMode, file, chosenMapping());
  };

  const running = current.data?.status === 'running' ? current.data : null;
  const stage: ImportStage | null = start.isPending
    ? { kind: 'sending', sent: upload.progress?.sent ?? 0, total: upload.progress?.total ?? file?.size ?? 0 }
    : running
      ? { kind: 'running', progress: running.progress }
      : null;

  return {
    file,
    fileError,
    pick,
    check,
    sendAgain,
    mapping,
    setMapping,
    /** The last finished check's or import's result. */
    result,
    /** What the last send asked for. */
    mode,
    /** While the file goes up or the server works on it. */
    stage,
    busy: stage !== null,
    /** Why the server refused the file at once. */
    refused: start.error,
    /** Why the last check or import failed once it had begun. */
    failed: current.data?.status === 'failed' ? current.data.error : null,
    /** Asking for the progress failed (it carries on being asked). */
    lostTrack: running && current.isError ? current.error : null,
  };
}
