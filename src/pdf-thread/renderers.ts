import { blankSheetPdf, filledSheetPdf } from '../features/goal-sheets/goal-sheet-pdf.ts';
import { lettersPdf } from '../features/recognition-letters/letter-pdf.ts';
import { renderReportPdf } from '../features/reports/report-pdf.ts';

/**
 * Every PDF the app makes, by name: laid out in the PDF thread (render-pdf.ts) from plain data the
 * services have read. Each takes only what survives a structured clone (plain objects, arrays,
 * Maps, Dates) and gives back the file or its bytes.
 */
export const RENDERERS = {
  'goal-sheet': filledSheetPdf,
  'blank-goal-sheet': blankSheetPdf,
  letters: lettersPdf,
  report: renderReportPdf,
} as const;

export type PdfKind = keyof typeof RENDERERS;
type Renderers = typeof RENDERERS;
export type PdfArgs<K extends PdfKind> = Parameters<Renderers[K]>;
export type PdfResult<K extends PdfKind> = Awaited<ReturnType<Renderers[K]>>;

/** One PDF asked of the thread. */
export type PdfJob = { [K in PdfKind]: { kind: K; args: PdfArgs<K> } }[PdfKind];

export function renderHere(job: PdfJob): Promise<PdfResult<PdfKind>> {
  // The union of kinds and their arguments, taken apart again: TypeScript cannot follow the pairing.
  const render = RENDERERS[job.kind] as (...args: PdfJob['args']) => Promise<PdfResult<PdfKind>>;
  return render(...job.args);
}

/** The buffer of a result, moved to the server's thread rather than copied. */
export function bytesOf(result: PdfResult<PdfKind>): Uint8Array {
  return result instanceof Uint8Array ? result : result.bytes;
}
