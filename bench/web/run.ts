/**
 * Web benchmark (issue #16): how soon headless Chromium shows the sign-in page and a participant's
 * home, and how much JavaScript each needed first. The real server (`tandem serve`, as the browser
 * tests start it) on the demo program; each run is a first visit, in a browser context of its own
 * (an empty cache) that already holds the demo mentee's session.
 *
 *   npm run bench:web                    builds the web app first when web/ changed since the last build
 *   flags: --runs 11 (medians)   --build (always build first)   --json <file> (write the figures)
 *          --throttle (a slow 4G network, as Lighthouse's mobile preset: 150 ms round trips, 1.6 Mbit/s down)
 *
 * Per page: navigation start → first contentful paint, and → the page's h1 in the document (the
 * first render of the page itself: the layout, the page and their data from the loaders), medians
 * over the runs; the JavaScript files the page had fetched by then, with their size gzipped (zlib's
 * default level, as the build's budget counts: web/build/initial-js-budget.ts), and, for the home,
 * all JavaScript fetched once the network went quiet (its cards load beside the page).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';
import { startAppProcess } from '../../test/setup/app-server.ts';
import { launchBrowser } from '../../test/setup/browser.ts';
import { DEMO_PASSWORD } from '../../test/setup/demo-in-browser.ts';
import { benchFigure } from '../figure.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'dist', 'web');
const MENTEE = 'mentee@demo.tandem.test';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const RUNS = Number(flag('--runs') ?? 11);
const JSON_OUT = flag('--json');
const THROTTLE = args.includes('--throttle');

/** The newest modification time under a directory (files only). */
function newestUnder(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestUnder(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildIfNeeded(): void {
  const index = join(DIST, 'index.html');
  const stale =
    !existsSync(index) ||
    newestUnder(join(ROOT, 'web')) > statSync(index).mtimeMs ||
    statSync(join(ROOT, 'vite.config.ts')).mtimeMs > statSync(index).mtimeMs;
  if (!stale && !args.includes('--build')) return;
  console.log('Building the web app (npm run build:web)…');
  // Prints the build's own initial-JS table, and fails here if a page is over its budget.
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
}

const gzipCache = new Map<string, { raw: number; gzip: number }>();
/** The size of a built file as served (the server sends it as is) and gzipped. */
function sizeOf(urlPath: string): { raw: number; gzip: number } {
  let size = gzipCache.get(urlPath);
  if (!size) {
    const bytes = readFileSync(join(DIST, urlPath));
    size = { raw: bytes.length, gzip: gzipSync(bytes).length };
    gzipCache.set(urlPath, size);
  }
  return size;
}

interface Visit {
  fcpMs: number;
  headingMs: number;
  /** JavaScript fetched by the time the heading was in the document, by path. */
  jsBeforeHeading: string[];
  /** JavaScript fetched once the network was quiet. */
  jsAll: string[];
}

// Runs in the page before any of its scripts: notes when the first h1 holding the text appears. A
// string, not a function: tsx would wrap a function's code in helpers the page does not have.
const watchHeading = (text: string) => `
  new MutationObserver((_records, observer) => {
    if ([...document.querySelectorAll('h1')].some((h) => h.textContent.includes(${JSON.stringify(text)}))) {
      window.__headingAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

async function visit(
  browser: Browser,
  session: Awaited<ReturnType<BrowserContext['storageState']>> | undefined,
  url: string,
  heading: string,
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...(session ? { storageState: session } : {}) });
  try {
    const page = await context.newPage();
    if (THROTTLE) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
    }
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(watchHeading(heading));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __headingAt?: number }).__headingAt !== undefined);
    await page.waitForLoadState('networkidle');
    const timing = await page.evaluate(() => {
      const w = window as unknown as { __headingAt: number };
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => new URL(r.name).pathname.endsWith('.js'))
        .map((r) => ({ path: new URL(r.name).pathname, end: (r as PerformanceResourceTiming).responseEnd }));
      return { fcp, headingAt: w.__headingAt, scripts };
    });
    if (errors.length > 0) throw new Error(`Console errors on ${url}: ${errors.join('; ')}`);
    const result: Visit = {
      fcpMs: timing.fcp,
      headingMs: timing.headingAt,
      jsBeforeHeading: timing.scripts.filter((s) => s.end <= timing.headingAt).map((s) => s.path),
      jsAll: timing.scripts.map((s) => s.path),
    };
    return result;
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const total = (paths: string[]) =>
  paths.reduce((sum, p) => ({ raw: sum.raw + sizeOf(p).raw, gzip: sum.gzip + sizeOf(p).gzip }), { raw: 0, gzip: 0 });

async function main() {
  buildIfNeeded();
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-web-'));
  console.log('Building the demo program…');
  await promisify(execFile)(process.execPath, ['bin/tandem.js', 'demo', '--no-serve'], {
    cwd: ROOT,
    env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  const server = await startAppProcess({ dataDir: join(dataDir, 'demo'), env: { RATE_LIMIT_AUTH_PER_MINUTE: '1000' } });
  const browser = await launchBrowser();
  try {
    if (!browser) throw new Error('The web benchmark needs Chromium (set CHROMIUM_PATH).');
    // Sign the demo mentee in once, through the page; each run then starts from a new context
    // (an empty cache) holding that session, so it measures a first visit to the home.
    const setup = await browser.newContext();
    const page = await setup.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(MENTEE);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const welcome = page.getByRole('heading', { level: 1, name: /^Welcome, / });
    await welcome.waitFor();
    const headingText = (await welcome.textContent()) ?? 'Welcome';
    const session = await setup.storageState();
    await setup.close();

    const pages = [
      { name: 'sign-in (signed out)', url: `${server.url}/sign-in`, heading: 'Sign in', session: undefined },
      { name: 'participant home (mentee)', url: `${server.url}/`, heading: headingText, session },
    ];
    const figures = [];
    for (const p of pages) {
      await visit(browser, p.session, p.url, p.heading); // warm-up: the server's first answers, Chromium's compiler
      const visits: Visit[] = [];
      for (let i = 0; i < RUNS; i++) visits.push(await visit(browser, p.session, p.url, p.heading));
      const last = visits[visits.length - 1]!;
      const first = total(last.jsBeforeHeading);
      const all = total(last.jsAll);
      figures.push({
        page: p.name,
        runs: RUNS,
        fcpMedianMs: Math.round(median(visits.map((v) => v.fcpMs))),
        headingMedianMs: Math.round(median(visits.map((v) => v.headingMs))),
        headingMinMs: Math.round(Math.min(...visits.map((v) => v.headingMs))),
        headingMaxMs: Math.round(Math.max(...visits.map((v) => v.headingMs))),
        jsBeforeHeading: { files: last.jsBeforeHeading.length, ...first },
        jsByNetworkIdle: { files: last.jsAll.length, ...all },
        filesBeforeHeading: last.jsBeforeHeading,
      });
    }

    const network = THROTTLE ? 'slow 4G: 150 ms round trips, 1.6 Mbit/s' : 'no network throttling';
    console.log(`\nWeb benchmark: ${RUNS} first visits per page, headless Chromium, ${server.url} (${network})\n`);
    console.log(
      `${'page'.padEnd(26)} ${'FCP'.padStart(7)}   ${'h1 (min–max)'.padEnd(20)}  ${'JS before h1 (gzip, raw)'.padEnd(30)}  JS by network idle`,
    );
    for (const f of figures) {
      const h1 = `${f.headingMedianMs} ms (${f.headingMinMs}–${f.headingMaxMs})`;
      const before = `${f.jsBeforeHeading.files} files ${kb(f.jsBeforeHeading.gzip)} (${kb(f.jsBeforeHeading.raw)})`;
      const idle = `${f.jsByNetworkIdle.files} files ${kb(f.jsByNetworkIdle.gzip)}`;
      console.log(`${f.page.padEnd(26)} ${`${f.fcpMedianMs} ms`.padStart(7)}   ${h1.padEnd(20)}  ${before.padEnd(30)}  ${idle}`);
    }
    for (const f of figures)
      console.log(`\n${f.page}, JavaScript before h1: ${f.filesBeforeHeading.map((p) => relative('/assets', p)).join(', ')}`);
    // For `npm run bench`: the issue's aim is the same budget the build enforces (KB of 1,024 bytes).
    for (const f of figures) {
      const value = Number((f.jsBeforeHeading.gzip / 1024).toFixed(1));
      benchFigure({ item: '6. Web', what: `${f.page}: JavaScript before first render (gzip)`, value, unit: 'KB', aim: { atMost: 150 } });
    }
    if (JSON_OUT) writeFileSync(JSON_OUT, `${JSON.stringify({ date: new Date().toISOString(), network, figures }, null, 2)}\n`);
  } finally {
    await browser?.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
