import { configDefaults, defineConfig } from 'vitest/config';

// Three projects; `vitest run` runs all of them, `vitest run --project unit` (or a path such as
// src/matching) only what it names, and PostgreSQL starts only when a `db` test is in the run.
//
// - unit: src/**, web/** and bench/** tests. They use no database and must not depend on module
//   state being fresh: they share one process per worker (isolate: false), which saves starting a
//   process and re-importing the same modules for each of ~60 small files. A test that needs a
//   database throws here ("test databases need test/setup/global-setup.ts"); it belongs in test/.
// - db: everything else under test/ (the API and the demo against SQLite and PostgreSQL): the
//   global setup migrates the template databases, and each file runs in a fresh process.
// - cli: spawns bin/tandem.js with a data directory of its own; needs no test database.
const cliTests = ['test/cli/tandem-cli.test.ts', 'test/cli/tandem-data-commands.test.ts', 'test/cli/tandem-bin-build.test.ts'];
const unitTestsUnderTest = ['test/setup/setup-test-env.test.ts', 'test/lint/**/*.test.ts'];

export default defineConfig({
  test: {
    // Inherited by every project (extends: true).
    setupFiles: ['test/setup/setup-test-env.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'web/**/*.test.ts', 'bench/**/*.test.ts', ...unitTestsUnderTest],
          isolate: false,
          // Its own group, so its files are not interleaved with isolated ones and can share workers.
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**', ...cliTests, ...unitTestsUnderTest],
          globalSetup: ['test/setup/global-setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'cli',
          include: cliTests,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
