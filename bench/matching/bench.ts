import { solveAssignment } from '../../src/matching/solve.ts';
import { verifyOptimality } from '../../src/matching/verify.ts';
import type { BenchInstance } from './instances.ts';
import type { ReferenceRun } from './references.ts';
import { runMunkres, runScipy, scipyAvailable } from './references.ts';

export interface BenchOptions {
  readonly repeats: (instance: BenchInstance) => number;
  /** munkres is O(n^3) with a large constant: only run it up to this many places. */
  readonly munkresMaxPlaces: number;
  readonly scipy: boolean;
  readonly log?: (line: string) => void;
}

export interface BenchRow {
  readonly instance: string;
  readonly rows: number;
  readonly cols: number;
  readonly places: number;
  readonly ours: number;
  readonly scipy: number | null;
  readonly munkres: number | null;
  readonly munkresNote?: string;
  readonly total: number;
  readonly matched: number;
  readonly agree: boolean;
  readonly certified: boolean;
}

/** Minimum warm-up calls: 3, or 1 for the largest instances. */
export function minWarmups(instance: BenchInstance): number {
  return instance.problem.rows * instance.problem.cols > 5_000_000 ? 1 : 3;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function agrees(total: number, matched: number, ref: ReferenceRun | null): boolean {
  if (ref === null) return true;
  return ref.matched === matched && Math.abs(ref.total - total) <= 1e-6 * Math.max(1, Math.abs(total));
}

/** Times our solver and the references on one instance, checks they agree on the optimum. */
export function benchInstance(instance: BenchInstance, options: BenchOptions): BenchRow {
  const repeats = options.repeats(instance);
  const { problem } = instance;
  const places = problem.capacity.reduce((a, b) => a + Math.min(b, problem.rows), 0);
  const seconds: number[] = [];
  // Untimed warm-up calls so the JIT has compiled the solver (on a loaded 2-core machine the
  // optimising compiler lags): at least 3, and until 0.2 s has gone by (at most 50). The references
  // get the same number of untimed calls.
  let result = solveAssignment(problem);
  let warm = 1;
  const warmStart = performance.now();
  while (warm < 50 && (warm < minWarmups(instance) || performance.now() - warmStart < 200)) {
    result = solveAssignment(problem);
    warm++;
  }
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    result = solveAssignment(problem);
    seconds.push((performance.now() - start) / 1000);
  }
  const certified = verifyOptimality(problem, result).optimal;
  const scipy = options.scipy ? runScipy(instance, repeats, warm) : null;
  const runMunkresHere = places <= options.munkresMaxPlaces;
  const munkresRun = runMunkresHere ? runMunkres(instance, repeats, warm) : null;
  const row: BenchRow = {
    instance: instance.name,
    rows: problem.rows,
    cols: problem.cols,
    places,
    ours: median(seconds),
    scipy: scipy === null ? null : median(scipy.seconds),
    munkres: munkresRun === null ? null : median(munkresRun.seconds),
    ...(runMunkresHere ? {} : { munkresNote: `skipped: over ${options.munkresMaxPlaces} places` }),
    total: result.total,
    matched: result.matched,
    agree: agrees(result.total, result.matched, scipy) && agrees(result.total, result.matched, munkresRun),
    certified,
  };
  options.log?.(formatRow(row));
  return row;
}

export function defaultBenchOptions(): Omit<BenchOptions, 'repeats'> {
  return { munkresMaxPlaces: 1000, scipy: scipyAvailable() };
}

const ratio = (ours: number, ref: number | null): string => (ref === null ? '-' : (ours / ref).toFixed(2));
const secs = (s: number | null): string => (s === null ? '-' : s.toFixed(3));

export const TABLE_HEADER =
  '| instance | places | ours (s) | SciPy (s) | munkres (s) | ours/SciPy | ours/munkres | same optimum | certified |\n' +
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |';

export function formatRow(r: BenchRow): string {
  return `| ${r.instance} | ${r.places} | ${secs(r.ours)} | ${secs(r.scipy)} | ${r.munkres === null ? (r.munkresNote ?? '-') : secs(r.munkres)} | ${ratio(r.ours, r.scipy)} | ${ratio(r.ours, r.munkres)} | ${r.agree ? 'yes' : 'NO'} | ${r.certified ? 'yes' : 'NO'} |`;
}
