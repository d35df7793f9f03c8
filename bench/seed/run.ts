/**
 * `npm run bench:seed` (issue #16 item 1): `tandem seed --people 100000` into a fresh SQLite file
 * in a temporary directory, timed from the outside as a person would time it (the built CLI,
 * start-up included). Flags: --people N.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchFigure } from '../figure.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const PEOPLE = Number(args.includes('--people') ? args[args.indexOf('--people') + 1] : 100_000);

spawnSync('npm', ['run', 'build:cli'], { cwd: REPO, stdio: 'inherit' });
const dir = mkdtempSync(join(tmpdir(), 'tandem-seed-'));
try {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/tandem.js', 'seed', '--people', String(PEOPLE), '--data-dir', dir], {
    cwd: REPO,
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`tandem seed failed (${run.status})`);
  const mb = statSync(join(dir, 'tandem.sqlite')).size / 1024 / 1024;
  console.log(
    `\ntandem seed --people ${PEOPLE.toLocaleString('en-US')}: ${seconds.toFixed(1)} s wall, database ${mb.toFixed(0)} MB (aim: under 60 s)`,
  );
  benchFigure({
    item: '1. Seed',
    what: `tandem seed --people ${PEOPLE.toLocaleString('en-US')} (SQLite)`,
    value: Number(seconds.toFixed(1)),
    unit: 's',
    aim: { atMost: 60 },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
