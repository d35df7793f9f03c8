import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mulberry32, randomInt } from '../../src/matching/test-support/prng.ts';
import { profilesToCsv } from './people-csv.ts';
import { generateMentees, generateMentors } from './profiles-generator.ts';

export interface PeopleRun {
  readonly mentees: number;
  readonly mentors: number;
  readonly command: string;
  readonly wallSeconds: number;
  readonly maxRssMb: number | null;
  readonly summary: string;
  readonly outputRows: number;
}

const ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * CSV to proposals through the real command, start-up and file I/O included: generate the CSVs,
 * run `tandem match` (bin/tandem.js when present, else the same command via tsx) under
 * /usr/bin/time -v for peak memory.
 */
export function runPeopleLevel(mentees: number, mentors: number, seed = 1): PeopleRun {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-people-'));
  try {
    const random = mulberry32(seed);
    writeFileSync(join(dir, 'mentees.csv'), profilesToCsv(generateMentees(random, mentees), 'mentee'));
    writeFileSync(
      join(dir, 'mentors.csv'),
      profilesToCsv(
        generateMentors(random, mentors, () => randomInt(random, 1, 6)),
        'mentor',
      ),
    );
    const bin = join(ROOT, 'bin', 'tandem.js');
    // bin/tandem.js once it registers `match`; until then the same command through tsx.
    const binHasMatch =
      existsSync(bin) && /^\s+match\b/m.test(spawnSync('node', [bin, '--help'], { cwd: ROOT, encoding: 'utf8' }).stdout ?? '');
    const entry = binHasMatch
      ? ['node', bin]
      : [join(ROOT, 'node_modules', '.bin', 'tsx'), join(ROOT, 'bench', 'matching', 'match-entry.ts')];
    const args = ['match', '--mentors', join(dir, 'mentors.csv'), '--mentees', join(dir, 'mentees.csv'), '--out', join(dir, 'out.csv')];
    const useTime = existsSync('/usr/bin/time');
    const argv = useTime ? ['/usr/bin/time', '-v', ...entry, ...args] : [...entry, ...args];
    const start = performance.now();
    const child = spawnSync(argv[0] as string, argv.slice(1), { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 << 20 });
    const wallSeconds = (performance.now() - start) / 1000;
    if (child.status !== 0) throw new Error(`tandem match failed: ${child.stderr}`);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr);
    return {
      mentees,
      mentors,
      command: entry.map((p) => p.replace(ROOT + '/', '')).join(' ') + ' match ...',
      wallSeconds,
      maxRssMb: rss === null ? null : Number(rss[1]) / 1024,
      summary: child.stdout.trim(),
      outputRows: readFileSync(join(dir, 'out.csv'), 'utf8').trimEnd().split('\n').length - 1,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
