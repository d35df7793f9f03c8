#!/usr/bin/env node
// The `tandem` command. It runs the compiled build in dist/cli (bin/build-cli.js, made by
// `npm install`, `npm start` and `npm run build:cli`) when that build is current, and otherwise the
// TypeScript sources through tsx: a source saved after the build, or a missing one, makes the
// build stale, so an edit is never silently ignored — it is only slower (about 2 s to start
// instead of 0.2 s) until the next build.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Why dist/cli cannot be used, or undefined when it is current. */
function staleBecause() {
  let info;
  try {
    info = JSON.parse(readFileSync(join(root, 'dist', 'cli', 'build-info.json'), 'utf8'));
  } catch {
    return 'it has not been built';
  }
  for (const file of info.inputs) {
    let modified;
    try {
      modified = statSync(join(root, file)).mtimeMs;
    } catch {
      return `${file} is gone`;
    }
    if (modified > info.builtAt) return `${file} changed after it was built`;
  }
  return undefined;
}

const stale = process.env.TANDEM_CLI_FROM_SOURCE === '1' ? 'TANDEM_CLI_FROM_SOURCE=1' : staleBecause();
if (stale === undefined) {
  await import('../dist/cli/tandem.mjs');
} else {
  // Said only to a person at a terminal: scripts and tests read stderr for the command's own errors.
  if (process.stderr.isTTY && process.env.TANDEM_CLI_FROM_SOURCE !== '1') {
    process.stderr.write(
      `tandem: running from source, slower to start (the compiled build in dist/cli is stale: ${stale}; npm run build:cli)\n`,
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
