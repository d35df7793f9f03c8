import { appendFileSync } from 'node:fs';

/** One measured figure and the aim it is held to (issue #16: "one table of every figure against its target"). */
export interface BenchFigure {
  /** The item, e.g. "2. API". */
  item: string;
  what: string;
  value: number;
  unit: string;
  /** The aim: the value should be at most (or at least) this. */
  aim: { atMost: number } | { atLeast: number };
}

/**
 * Records a figure for `npm run bench` (bench/all/run.ts), which runs every benchmark with
 * TANDEM_BENCH_FIGURES naming a file and prints them all in one table. Run on its own, a
 * benchmark prints its own table and this writes nothing.
 */
export function benchFigure(f: BenchFigure): void {
  const file = process.env.TANDEM_BENCH_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify(f)}\n`);
}

export function meetsAim(f: BenchFigure): boolean {
  return 'atMost' in f.aim ? f.value <= f.aim.atMost : f.value >= f.aim.atLeast;
}
