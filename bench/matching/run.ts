/**
 * Matching benchmark: our solver vs SciPy's linear_sum_assignment and npm munkres on the same
 * instances, plus the people-level CSV-to-proposals run. `npm run bench:matching [-- --quick]`.
 * Flags: --quick (small sizes), --no-people, --people-only, --no-munkres, --repeats N,
 * --only TEXT (only the instances whose name contains TEXT; repeatable).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './bench.ts';
import { TABLE_HEADER, benchInstance, defaultBenchOptions, formatRow } from './bench.ts';
import type { BenchInstance } from './instances.ts';
import { hardShapeInstance, structuredInstance, uniformInstance } from './instances.ts';
import type { PeopleRun } from './people-run.ts';
import { runPeopleLevel } from './people-run.ts';
import { benchFigure } from '../figure.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repeatsFlag = args.indexOf('--repeats');
const fixedRepeats = repeatsFlag >= 0 ? Number(args[repeatsFlag + 1]) : undefined;
const only = args.flatMap((arg, k) => (arg === '--only' && args[k + 1] !== undefined ? [args[k + 1] as string] : []));

const squares = quick ? [250, 500, 1000] : [250, 500, 1000, 2000, 4000];
const [capRows, capCols] = quick ? [400, 100] : [2000, 500];
// Hard score shapes (issue #16): more mentees than places, ties everywhere.
const [hardRows, hardCols] = quick ? [600, 100] : [3000, 500];
// Names are known before the (costly) instances are built, so --only can skip building the rest.
const catalogue: [string, () => BenchInstance][] = [
  ...squares.map((n): [string, () => BenchInstance] => [`uniform ${n}x${n}`, () => uniformInstance(n, n, n)]),
  ...squares.map((n): [string, () => BenchInstance] => [`structured ${n}x${n}`, () => structuredInstance(n, n, n)]),
  [`uniform ${capRows}x${capCols} cap 4 5% forbidden`, () => uniformInstance(7, capRows, capCols, 4, 0.05)],
  [`structured ${capRows}x${capCols} cap 4`, () => structuredInstance(7, capRows, capCols, 4)],
  [`additive ${hardRows}x${hardCols} cap 4`, () => hardShapeInstance('additive', 11, hardRows, hardCols, 4)],
  [`three-levels ${hardRows}x${hardCols} cap 4 5% forbidden`, () => hardShapeInstance('three-levels', 12, hardRows, hardCols, 4, 0.05)],
  [`distance-1d ${hardRows}x${hardCols} cap 4`, () => hardShapeInstance('distance-1d', 13, hardRows, hardCols, 4)],
];
const instances = catalogue.filter(([name]) => only.length === 0 || only.some((text) => name.includes(text))).map(([, make]) => make);
if (only.length > 0 && instances.length === 0) console.log(`(no instance name contains ${only.map((t) => `"${t}"`).join(' or ')})`);

const options = {
  ...defaultBenchOptions(),
  ...(args.includes('--no-munkres') ? { munkresMaxPlaces: 0 } : {}),
  // Medians of 5 up to a million pairs, 3 above, 1 for the largest (keeps the run under ~10 minutes).
  repeats: (instance: BenchInstance) => {
    const pairs = instance.problem.rows * instance.problem.cols;
    return fixedRepeats ?? (pairs > 5_000_000 ? 1 : pairs > 1_000_000 ? 3 : 5);
  },
  log: (line: string) => console.log(line),
};
if (!options.scipy) console.log('(SciPy not available: install python3-scipy to compare against it)');
console.log(TABLE_HEADER);
const rows: BenchRow[] = args.includes('--people-only') ? [] : instances.map((make) => benchInstance(make(), options));

// For npm run bench: every instance's time as a share of SciPy's (the issue's aim: at most 1).
for (const r of rows) {
  if (r.scipy !== null)
    benchFigure({
      item: '5. Solver',
      what: `${r.instance}: ours / SciPy`,
      value: Number((r.ours / r.scipy).toFixed(2)),
      unit: '×',
      aim: { atMost: 1 },
    });
}

let people: PeopleRun | null = null;
if (!args.includes('--no-people')) {
  const [n, m] = quick ? [2000, 500] : [10_000, 2_500];
  console.log(`\nPeople-level run: ${n} mentees x ${m} mentors (capacity 1-6), CSV to proposals...`);
  people = runPeopleLevel(n, m);
  console.log(
    `${people.command}: ${people.wallSeconds.toFixed(1)} s wall, peak ${people.maxRssMb?.toFixed(0) ?? '?'} MB\n${people.summary}`,
  );
}

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
const report = {
  date: new Date().toISOString(),
  node: process.version,
  quick,
  rows,
  people,
  note: 'Medians of the solve call only; munkres skipped above 1000 places (too slow). Capacity instances are column-expanded for the references.',
};
writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(report, null, 2));
const markdown = [TABLE_HEADER, ...rows.map(formatRow)].join('\n');
writeFileSync(join(dir, `${stamp}.md`), `${markdown}\n`);
console.log(`\nResults in ${join('bench', 'matching', 'results', `${stamp}.{json,md}`)}`);
if (rows.some((r) => !r.agree || !r.certified)) {
  console.error('DISAGREEMENT or uncertified result: see the table above.');
  process.exitCode = 1;
}
