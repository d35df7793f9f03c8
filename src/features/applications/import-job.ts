import type { ImportResult } from '../../shared/api/applications.ts';
import type { ImportMode, ImportStep } from '../../shared/api/application-imports.ts';
import type { ImportField } from '../../shared/api/applications.ts';

/** What an import's worker thread is given: its own connection's address, the job, and the file. */
export interface ImportJob {
  connection: { databaseUrl?: string | undefined; sqliteFile: string };
  importId: number;
  periodId: number;
  actorId: number;
  mode: ImportMode;
  mapping?: Partial<Record<ImportField, string>> | undefined;
  at: string;
  /** The file's bytes (UTF-8, checked by the main thread), handed over rather than copied. */
  file: Uint8Array;
}

export type ImportReport =
  | { type: 'progress'; step: ImportStep; done: number; total: number }
  | { type: 'done'; result: ImportResult }
  | { type: 'failed'; code: string; message: string };
