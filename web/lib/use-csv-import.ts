import { useState } from 'react';
import type { FormEvent } from 'react';
import { fileToBase64 } from './file-to-base64.ts';

/** What a CSV import sends: the file's bytes, what to do with them, and the columns chosen so far. */
export interface CsvImportBody<Mode extends string, Mapping> {
  fileBase64: string;
  mode: Mode;
  mapping?: Mapping;
}

/**
 * A CSV file checked on the server before anything is saved: pick the file, send it for a preview
 * (the server guesses the columns), adjust the columns and send again, then send it to import.
 * The file is read once; every later request sends the same bytes.
 */
export function useCsvImport<Mode extends string, Mapping extends Partial<Record<string, string>>, Result extends { mapping: Mapping }>({
  missingFile,
  submit,
  reset,
}: {
  /** The error when "check" is pressed with no file chosen. */
  missingFile: string;
  /** Sends one request; calls onSuccess with the server's answer. */
  submit: (body: CsvImportBody<Mode | 'preview', Mapping>, onSuccess: (result: Result) => void) => void;
  /** Forgets the last request's outcome (a new file makes it stale). */
  reset: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [fileBase64, setFileBase64] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [mapping, setMapping] = useState<Mapping>({} as Mapping);
  const [result, setResult] = useState<Result | null>(null);
  const [lastMode, setLastMode] = useState<Mode | 'preview' | null>(null);

  const pick = (chosen: File | null) => {
    setFile(chosen);
    setFileBase64(null);
    setResult(null);
    reset();
  };

  const send = (mode: Mode | 'preview', base64: string, withMapping: Mapping | undefined) => {
    setLastMode(mode);
    submit({ fileBase64: base64, mode, ...(withMapping && { mapping: withMapping }) }, (r) => {
      setResult(r);
      setMapping(r.mapping);
    });
  };

  const check = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file) {
      setFileError(missingFile);
      return;
    }
    setFileError(undefined);
    setResult(null);
    const base64 = await fileToBase64(file);
    setFileBase64(base64);
    send('preview', base64, undefined);
  };

  /** The columns chosen, without the ones set to "not in this file". */
  const mappingToSend = (): Mapping => Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Mapping;

  return { fileBase64, fileError, mapping, setMapping, result, lastMode, pick, check, send, mappingToSend };
}
