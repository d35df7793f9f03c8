import type { ChartData, RichNode } from '../../shared/api/reports.ts';

/** What the HTML page and the PDF are made from: the report as it reads, charts resolved. */
export interface ReportDocument {
  programName: string;
  title: string;
  periodName: string;
  /** "6 December 2026", or null for a draft (a preview). */
  publishedOn: string | null;
  sections: { title: string; body: RichNode }[];
  /** Chart data by `chartKey(ref)`. */
  charts: ReadonlyMap<string, ChartData>;
}

/** A chart that a section refers to but that is not in the map (should not happen): said plainly. */
export const MISSING_CHART: ChartData = { suppressed: true, title: 'Chart', reason: 'its data could not be found.' };
