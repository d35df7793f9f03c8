import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * The build's budget for the JavaScript a page needs before its first render (issue #16): the
 * entry chunk, every chunk it imports statically (index.html preloads them), and for each route
 * module the page renders (layouts and page, loaded through the router's `lazy`) the chunk that
 * holds it and everything that chunk imports statically. Chunks behind a later `import()` (charts,
 * the editor, time zones, other pages) do not count: the browser fetches them only when asked.
 * Sizes are gzip at zlib's default level, as Vite's own report measures them; 1 KB = 1024 bytes
 * (Vite's report prints kB of 1000 bytes: its figures are 2.4% larger for the same files).
 */

/** One chunk of the build, reduced to what the budget needs. */
export interface BudgetChunk {
  fileName: string;
  gzipBytes: number;
  isEntry: boolean;
  /** Chunks this one imports statically (loaded with it, never later). */
  imports: readonly string[];
  /** Absolute ids of the modules bundled into this chunk. */
  moduleIds: readonly string[];
}

/** A page whose first render is budgeted: the route modules (absolute paths) it renders. */
export interface BudgetPage {
  name: string;
  routeModules: readonly string[];
}

export interface PageInitialJs {
  name: string;
  /** The chunks the page loads first, in the order found. */
  files: string[];
  gzipBytes: number;
}

/** The chunks a page needs before its first render, each counted once, and their gzipped size. */
export function initialJsFor(chunks: readonly BudgetChunk[], page: BudgetPage): PageInitialJs {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const entries = chunks.filter((c) => c.isEntry);
  if (entries.length === 0) throw new Error('The build has no entry chunk.');
  const starts = [...entries];
  for (const id of page.routeModules) {
    const holder = chunks.find((c) => c.moduleIds.includes(id));
    // A renamed or moved page must not drop out of the budget silently.
    if (!holder) throw new Error(`Initial JS budget: no chunk holds ${id} (page "${page.name}"); update the page list in vite.config.ts.`);
    starts.push(holder);
  }
  const seen = new Set<string>();
  const files: string[] = [];
  const visit = (chunk: BudgetChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    files.push(chunk.fileName);
    for (const imported of chunk.imports) {
      const next = byFile.get(imported);
      if (next) visit(next);
    }
  };
  starts.forEach(visit);
  const gzipBytes = files.reduce((sum, f) => sum + (byFile.get(f)?.gzipBytes ?? 0), 0);
  return { name: page.name, files, gzipBytes };
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A short table of each page's initial JS against the budget. */
export function budgetTable(results: readonly PageInitialJs[], budgetBytes: number): string {
  const width = Math.max(...results.map((r) => r.name.length), 4);
  const lines = results.map(
    (r) =>
      `  ${r.name.padEnd(width)}  ${kB(r.gzipBytes).padStart(9)}  ${String(r.files.length).padStart(2)} files  ${r.gzipBytes > budgetBytes ? 'OVER' : 'ok'}`,
  );
  return [`Initial JavaScript before first render (gzip), budget ${kB(budgetBytes)}:`, ...lines].join('\n');
}

/** Throws, naming each page over the budget and its chunks, when any page is over it. */
export function assertWithinBudget(results: readonly PageInitialJs[], budgetBytes: number): void {
  const over = results.filter((r) => r.gzipBytes > budgetBytes);
  if (over.length === 0) return;
  const detail = over.map((r) => `${r.name}: ${kB(r.gzipBytes)} (${r.files.join(', ')})`).join('; ');
  throw new Error(
    `Initial JavaScript over the ${kB(budgetBytes)} gzip budget: ${detail}. Load what the page does not need at first with import().`,
  );
}

export interface InitialJsBudgetOptions {
  budgetKb: number;
  /** Page name → the route modules it renders first, relative to Vite's root (web/). */
  pages: Record<string, readonly string[]>;
}

/** Measures each page's initial JS once the bundle is written, prints the table, fails the build past the budget. */
export function initialJsBudget(options: InitialJsBudgetOptions): Plugin {
  let root = process.cwd();
  return {
    name: 'tandem:initial-js-budget',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    writeBundle(_output, bundle) {
      const chunks: BudgetChunk[] = [];
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        chunks.push({
          fileName: item.fileName,
          gzipBytes: gzipSync(item.code).length,
          isEntry: item.isEntry,
          imports: item.imports,
          moduleIds: item.moduleIds.map((id) => path.normalize(id)),
        });
      }
      const pages = Object.entries(options.pages).map(([name, modules]) => ({
        name,
        routeModules: modules.map((m) => path.resolve(root, m)),
      }));
      const results = pages.map((page) => initialJsFor(chunks, page));
      const budgetBytes = options.budgetKb * 1024;
      console.log(budgetTable(results, budgetBytes));
      assertWithinBudget(results, budgetBytes);
    },
  };
}
