import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every `new URL('./name-boot.mjs', import.meta.url)` in the sources, with the file that says it. */
function workerEntries(): { boot: string; from: string }[] {
  const found: { boot: string; from: string }[] = [];
  for (const entry of readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    for (const m of readFileSync(file, 'utf8').matchAll(/new URL\('\.\/([\w-]+-boot)\.mjs', import\.meta\.url\)/g)) {
      found.push({ boot: m[1] ?? '', from: relative(ROOT, file) });
    }
  }
  return found;
}

describe('the compiled command (bin/build-cli.js)', () => {
  it('compiles every worker thread a source starts, under its boot file’s name, from the body that boot file loads', () => {
    const build = readFileSync(join(ROOT, 'bin/build-cli.js'), 'utf8');
    const entries = workerEntries();
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const { boot, from } of entries) {
      const folder = join(ROOT, from, '..');
      // The boot file next to the source registers tsx and imports the body…
      const body = /await import\('\.\/([\w-]+\.ts)'\)/.exec(readFileSync(join(folder, `${boot}.mjs`), 'utf8'))?.[1];
      expect(body, `${boot}.mjs imports its body`).toBeDefined();
      // …and the build compiles that same body under the boot file's name, so the built code finds it.
      const source = relative(ROOT, join(folder, body ?? '')).replaceAll('\\', '/');
      expect(build, `${from} starts ${boot}.mjs`).toContain(`'${boot}': '${source}'`);
    }
  });
});
