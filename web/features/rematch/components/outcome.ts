/** What the queue page says once someone acted on a request (or found it already acted on). */
export interface Outcome {
  tone: 'success' | 'warning';
  title: string;
  lines: string[];
  /** New matches, to link to them (staff only). */
  newMatches: { id: number; names: string }[];
}
