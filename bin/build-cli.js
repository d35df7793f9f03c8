#!/usr/bin/env node
// Compiles the `tandem` command into dist/cli, so that a call starts in a fraction of a second
// instead of compiling the whole app through tsx first (see bin/tandem.js and
// docs/decisions/0016-compiled-command-line.md).
//
// - One ESM bundle per entry, code split into chunks: an action's dynamic import() in main.ts
//   loads only its own chunk, so `tandem --help` reads almost nothing.
// - Packages stay external: they are resolved from node_modules at run time, as under tsx.
// - Every file lands in dist/cli itself (no sub-folders): code that finds a file next to itself with
//   `new URL('./x.mjs', import.meta.url)` finds it there. The worker threads' boot files are such
//   files, so their bodies are compiled under the same names (run-worker-boot.mjs,
//   suggestion-worker-boot.mjs, import-worker-boot.mjs, health-worker-boot.mjs, pdf-worker-boot.mjs) and need
//   no tsx either.
// - dist/cli/build-info.json lists the sources the bundle was made of and when, so bin/tandem.js
//   can tell when it is out of date and run the sources instead.
// Without esbuild (an install without dev dependencies) there is nothing to build: bin/tandem.js
// runs the sources through tsx, as it does whenever the build is missing or stale.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

let build;
try {
  ({ build } = await import('esbuild'));
} catch {
  console.log('esbuild is not installed: the tandem command will run from source (slower to start).');
  process.exit(0);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'cli');
// Built beside it and swapped in at the end, so a `tandem` already running keeps finding its chunks.
const building = `${outdir}.building-${process.pid}`;

const ENTRIES = {
  tandem: 'src/cli/main.ts',
  'run-worker-boot': 'src/features/matching-runs/run-worker.ts',
  'suggestion-worker-boot': 'src/features/participant-choice/suggestion-worker.ts',
  'import-worker-boot': 'src/features/applications/import-worker.ts',
  'health-worker-boot': 'src/features/program-health/health-worker.ts',
  'pdf-worker-boot': 'src/pdf-thread/pdf-worker.ts',
};

// Before reading any source: a file saved during the build is newer than the stamp, so it counts as a change.
const startedAt = Date.now();
mkdirSync(building, { recursive: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(root, file)])),
  outdir: building,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const inputs = Object.keys(result.metafile.inputs).map((file) => relative(root, join(root, file)));
writeFileSync(join(building, 'build-info.json'), `${JSON.stringify({ builtAt: startedAt, entries: ENTRIES, inputs }, null, 1)}\n`);
const previous = `${outdir}.previous-${process.pid}`;
try {
  renameSync(outdir, previous);
} catch {
  // The first build: nothing to move aside.
}
renameSync(building, outdir);
rmSync(previous, { recursive: true, force: true });
console.log(`tandem command compiled into ${relative(root, outdir)} (${inputs.length} source files).`);
