import { createKeptThread } from '../workers/kept-thread.ts';
import type { KeptThread } from '../workers/kept-thread.ts';
import type { PdfArgs, PdfJob, PdfKind, PdfResult } from './renderers.ts';

/**
 * Laying out a PDF holds the thread that does it: a goal sheet 0.1–0.25 s (0.6 s for the first,
 * which loads the fonts), a blank sheet 0.25 s, 300 letters or the annual report of 100,000 people
 * a second or more. On the server's thread every other request would wait that long, so PDFs are
 * laid out in one kept thread of the process (src/workers/kept-thread.ts), one at a time, from the
 * data the services read. It starts with the first PDF and stops after five idle minutes; it never
 * keeps the process alive.
 */
export const PDF_THREAD_IDLE_MS = 5 * 60_000;
/** A PDF that takes longer than this is stuck: the report of 100,000 people takes about a second. */
export const PDF_JOB_LIMIT_MS = 2 * 60_000;

let thread: KeptThread<PdfJob, PdfResult<PdfKind>> | undefined;

function pdfThread(): KeptThread<PdfJob, PdfResult<PdfKind>> {
  thread ??= createKeptThread({
    entry: new URL('./pdf-worker-boot.mjs', import.meta.url),
    name: 'PDF layout',
    idleMs: PDF_THREAD_IDLE_MS,
    jobLimitMs: PDF_JOB_LIMIT_MS,
  });
  return thread;
}

/** A PDF laid out in the PDF thread: the renderer of that name (renderers.ts) with these arguments. */
export function renderPdf<K extends PdfKind>(kind: K, ...args: PdfArgs<K>): Promise<PdfResult<K>> {
  return pdfThread().run({ kind, args } as PdfJob) as Promise<PdfResult<K>>;
}

/** Whether the PDF thread is running now (tests). */
export const pdfThreadRunning = (): boolean => thread?.running() ?? false;
