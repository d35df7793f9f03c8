import { describe, expect, it } from 'vitest';
import { assertWithinBudget, budgetTable, initialJsFor } from './initial-js-budget.ts';
import type { BudgetChunk } from './initial-js-budget.ts';

// A small build: the entry imports the libraries; the sign-in page and the home are lazy routes
// that share a chunk; the home's cards and a staff page come later, by import().
const chunks: BudgetChunk[] = [
  {
    fileName: 'index.js',
    gzipBytes: 8_000,
    isEntry: true,
    imports: ['react.js', 'zod.js'],
    moduleIds: ['/app/main.tsx', '/app/router.tsx'],
  },
  { fileName: 'react.js', gzipBytes: 100_000, isEntry: false, imports: [], moduleIds: ['/nm/react/index.js'] },
  { fileName: 'zod.js', gzipBytes: 25_000, isEntry: false, imports: [], moduleIds: ['/nm/zod/index.js'] },
  { fileName: 'shell.js', gzipBytes: 1_000, isEntry: false, imports: ['react.js'], moduleIds: ['/app/shell.tsx', '/app/button.tsx'] },
  { fileName: 'sign-in.js', gzipBytes: 2_000, isEntry: false, imports: ['shell.js', 'react.js'], moduleIds: ['/app/sign-in-page.tsx'] },
  {
    fileName: 'signed-in.js',
    gzipBytes: 3_000,
    isEntry: false,
    imports: ['shell.js', 'zod.js'],
    moduleIds: ['/app/signed-in-layout.tsx', '/app/home-page.tsx'],
  },
  { fileName: 'cards.js', gzipBytes: 20_000, isEntry: false, imports: ['zod.js'], moduleIds: ['/app/home-cards.tsx'] },
  { fileName: 'staff.js', gzipBytes: 90_000, isEntry: false, imports: ['signed-in.js'], moduleIds: ['/app/people-page.tsx'] },
];

describe('initialJsFor', () => {
  it('counts the entry, the chunks holding the route modules, and everything they import statically, once each', () => {
    const signIn = initialJsFor(chunks, { name: 'sign-in', routeModules: ['/app/sign-in-page.tsx'] });
    expect(signIn.files).toEqual(['index.js', 'react.js', 'zod.js', 'sign-in.js', 'shell.js']);
    expect(signIn.gzipBytes).toBe(8_000 + 100_000 + 25_000 + 2_000 + 1_000);
  });

  it('counts a chunk once when two route modules share it, and leaves out what only import() reaches', () => {
    const home = initialJsFor(chunks, { name: 'home', routeModules: ['/app/signed-in-layout.tsx', '/app/home-page.tsx'] });
    expect(home.files).toEqual(['index.js', 'react.js', 'zod.js', 'signed-in.js', 'shell.js']);
    expect(home.files).not.toContain('cards.js');
    expect(home.files).not.toContain('staff.js');
    expect(home.gzipBytes).toBe(137_000);
  });

  it('survives chunks that import each other', () => {
    const looped = chunks.map((c) => (c.fileName === 'shell.js' ? { ...c, imports: ['sign-in.js'] } : c));
    const signIn = initialJsFor(looped, { name: 'sign-in', routeModules: ['/app/sign-in-page.tsx'] });
    expect(signIn.gzipBytes).toBe(136_000);
  });

  it('fails when a route module is in no chunk, so a renamed page cannot drop out of the budget', () => {
    expect(() => initialJsFor(chunks, { name: 'home', routeModules: ['/app/renamed-home.tsx'] })).toThrow(
      /no chunk holds \/app\/renamed-home\.tsx/,
    );
  });

  it('fails when the build has no entry', () => {
    expect(() => initialJsFor(chunks.slice(1), { name: 'sign-in', routeModules: [] })).toThrow(/no entry/);
  });
});

describe('the budget', () => {
  const results = [
    { name: 'sign-in', files: ['index.js', 'sign-in.js'], gzipBytes: 140 * 1024 },
    { name: 'participant home', files: ['index.js', 'signed-in.js'], gzipBytes: 150 * 1024 + 1 },
  ];

  it('passes at the budget and fails one byte past it, naming the page and its chunks', () => {
    expect(() => assertWithinBudget(results.slice(0, 1), 140 * 1024)).not.toThrow();
    expect(() => assertWithinBudget(results, 150 * 1024)).toThrow(/participant home: 150\.0 KB \(index\.js, signed-in\.js\)/);
    expect(() => assertWithinBudget(results, 150 * 1024)).not.toThrow(/sign-in:/);
  });

  it('prints one line per page, in KB of 1024 bytes, marking what is over', () => {
    const table = budgetTable(results, 150 * 1024);
    expect(table.split('\n')).toEqual([
      'Initial JavaScript before first render (gzip), budget 150.0 KB:',
      '  sign-in            140.0 KB   2 files  ok',
      '  participant home   150.0 KB   2 files  OVER',
    ]);
  });
});
