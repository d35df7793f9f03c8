import { appendFileSync } from 'node:fs';

/**
 * A figure a reliability test measured (issue #15): appended as one JSON line to the file named
 * by TANDEM_FIGURES when it is set (bench/reliability sets it and prints the table), and nothing
 * otherwise, so `npm test` runs the same tests without writing anything.
 */
export function recordFigure(item: string, values: Record<string, number | string>): void {
  const file = process.env.TANDEM_FIGURES;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ item, ...values })}\n`);
}
