import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { munkres } from 'munkres';
import type { BenchInstance } from './instances.ts';
import { FORBIDDEN_PENALTY, expandColumns } from './instances.ts';

export interface ReferenceRun {
  readonly seconds: readonly number[];
  readonly total: number;
  readonly matched: number;
}

/** Pythons tried for SciPy, in order: Debian's, then the first `python3` on the PATH (e.g. pyenv). */
const PYTHON_CANDIDATES = ['/usr/bin/python3', 'python3'];
const SCRIPT = join(import.meta.dirname, 'scipy_lsa.py');

function hasScipy(python: string): boolean {
  return spawnSync(python, ['-c', 'import scipy.optimize, numpy'], { stdio: 'ignore' }).status === 0;
}

let python: string | null | undefined;

/** The first candidate Python that imports SciPy and NumPy, or null. */
export function scipyPython(): string | null {
  python ??= PYTHON_CANDIDATES.find(hasScipy) ?? null;
  return python;
}

export function scipyAvailable(): boolean {
  return scipyPython() !== null;
}

/** SciPy's linear_sum_assignment on the column-expanded instance; only the solve call is timed. */
export function runScipy(instance: BenchInstance, repeats: number, warmups = 1): ReferenceRun {
  const { matrix, places } = expandColumns(instance);
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  try {
    const file = join(dir, 'matrix.bin');
    writeFileSync(file, new Uint8Array(matrix.buffer));
    const interpreter = scipyPython();
    if (interpreter === null) throw new Error('scipy not available');
    const child = spawnSync(interpreter, [SCRIPT, file, String(instance.problem.rows), String(places), String(repeats), String(warmups)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`scipy failed: ${child.stderr}`);
    return JSON.parse(child.stdout) as ReferenceRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** npm munkres (minimises): negated scores, forbidden pairs as a large cost. */
export function runMunkres(instance: BenchInstance, repeats: number, warmups = 1): ReferenceRun {
  const { matrix, places } = expandColumns(instance);
  const rows = instance.problem.rows;
  const cost: number[][] = [];
  for (let i = 0; i < rows; i++) cost.push(Array.from(matrix.subarray(i * places, (i + 1) * places), (s) => -s));
  const seconds: number[] = [];
  let total = 0;
  let matched = 0;
  for (let w = 0; w < warmups; w++) munkres(cost);
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    const pairs = munkres(cost);
    seconds.push((performance.now() - start) / 1000);
    total = 0;
    matched = 0;
    for (const [i, p] of pairs) {
      const s = matrix[i * places + p] as number;
      if (s <= -FORBIDDEN_PENALTY / 10) continue;
      total += s;
      matched++;
    }
  }
  return { seconds, total, matched };
}
