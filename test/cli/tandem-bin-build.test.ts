import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// bin/tandem.js runs the compiled build only while it is current, else the sources through tsx
// (docs/decisions/0016-compiled-command-line.md). Checked on a copy of bin/tandem.js in a tree of
// its own, whose "build" and "sources" only say which one ran: the real tree is never touched.

const run = promisify(execFile);
const repo = process.cwd();
const trees = mkdtempSync(join(tmpdir(), 'tandem-bin-'));
afterAll(() => rmSync(trees, { recursive: true, force: true }));

const BUILT_AT = Date.parse('2026-12-01T12:00:00Z');

function tree(name: string, info?: { inputs: string[] }): string {
  const root = join(trees, name);
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
  copyFileSync(join(repo, 'bin', 'tandem.js'), join(root, 'bin', 'tandem.js'));
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), "const from: string = 'sources';\nconsole.log(from);\n");
  writeFileSync(join(root, 'src', 'cli', 'other.ts'), 'export {};\n');
  writeFileSync(join(root, 'dist', 'cli', 'tandem.mjs'), "console.log('build');\n");
  const before = new Date(BUILT_AT - 60_000);
  for (const file of ['main.ts', 'other.ts']) utimesSync(join(root, 'src', 'cli', file), before, before);
  if (info) writeFileSync(join(root, 'dist', 'cli', 'build-info.json'), JSON.stringify({ builtAt: BUILT_AT, ...info }));
  return root;
}

async function ran(root: string, env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, [join(root, 'bin', 'tandem.js')], { env: { ...process.env, ...env }, timeout: 60_000 });
  return stdout.trim();
}

describe.concurrent('bin/tandem.js', { timeout: 120_000 }, () => {
  const inputs = ['src/cli/main.ts', 'src/cli/other.ts'];

  it('runs the build while no source it was made of has changed', async () => {
    expect(await ran(tree('current', { inputs }))).toBe('build');
  });

  it('runs the sources once one of them is newer than the build', async () => {
    const root = tree('edited', { inputs });
    const after = new Date(BUILT_AT + 1000);
    utimesSync(join(root, 'src', 'cli', 'other.ts'), after, after);
    expect(await ran(root)).toBe('sources');
  });

  it('runs the sources when one is gone, when there is no build, and when told to', async () => {
    const gone = tree('gone', { inputs });
    rmSync(join(gone, 'src', 'cli', 'other.ts'));
    expect(await ran(gone)).toBe('sources');
    expect(await ran(tree('unbuilt'))).toBe('sources');
    expect(await ran(tree('forced', { inputs }), { TANDEM_CLI_FROM_SOURCE: '1' })).toBe('sources');
  });
});
