import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));

export interface SignIn {
  email: string;
  password: string;
}

/**
 * A program of `people` seeded into `dataDir` through the CLI (`tandem seed`), as a person would,
 * and the sign-ins it printed (a staff member, then a mentee with an active match). With `reuse`,
 * a folder seeded before (its sign-ins are kept in `sign-ins.txt`) is used as it is.
 */
export function seededProgram(dataDir: string, people: number, { reuse = false } = {}): SignIn[] {
  const saved = join(dataDir, 'sign-ins.txt');
  if (reuse && existsSync(saved)) return signInsIn(readFileSync(saved, 'utf8'));
  if (!existsSync(join(REPO, 'dist/cli/main.mjs'))) spawnSync('npm', ['run', 'build:cli'], { cwd: REPO, stdio: 'inherit' });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['bin/tandem.js', 'seed', '--people', String(people)], {
    cwd: REPO,
    env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`tandem seed failed (${run.status}):\n${run.stdout}`);
  console.log(`${people.toLocaleString('en-US')} people seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  writeFileSync(saved, run.stdout);
  return signInsIn(run.stdout);
}

function signInsIn(output: string): SignIn[] {
  return [...output.matchAll(/email: (\S+) password: (\S+)/g)].map((m) => ({ email: m[1] ?? '', password: m[2] ?? '' }));
}
