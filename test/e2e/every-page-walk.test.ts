import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { matchPath } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AXE_TAGS, browserSkipReason } from '../setup/browser.ts';
import { DEMO_PASSWORD, demoInBrowser } from '../setup/demo-in-browser.ts';
import { recordFigure } from '../setup/figures.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));
/**
 * axe itself, loaded into every page of the walk once rather than injected per check: the walk
 * runs it some 400 times, and AxeBuilder's injection costs seconds each on a busy machine. The
 * rules are the same (AXE_TAGS, as expectNoAxeViolations uses); the app has no iframes to follow.
 */
const AXE_SOURCE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/**
 * Every route the web app declares: the router's own and each feature's routes.tsx, read from the
 * source so a new page cannot slip past the walk (it must be reached below, or listed in NOT_WALKED).
 */
function declaredRoutes(): string[] {
  const files = [
    join(WEB, 'app/router.tsx'),
    ...readdirSync(join(WEB, 'features'))
      .map((f) => join(WEB, 'features', f, 'routes.tsx'))
      .filter((f) => {
        try {
          readFileSync(f);
          return true;
        } catch {
          return false;
        }
      }),
  ];
  const paths = new Set<string>();
  for (const file of files) for (const m of readFileSync(file, 'utf8').matchAll(/\bpath: '([^']+)'/g)) paths.add(`/${m[1] ?? ''}`);
  paths.add('/'); // the index route
  return [...paths].sort();
}

/** Routes the walk does not visit, and why. Everything else must be reached by some role. */
const NOT_WALKED: Record<string, string> = {
  '/setup': 'only before the program exists; the demo is set up, so it sends everyone on (first-run.test.ts covers it)',
  '/reset-password/:token': 'reached from a secret e-mail link only',
  '/invite/:token': 'reached from a secret e-mail link only',
  '/rsvp/:token': 'reached from a secret e-mail link only (events.test.ts)',
  '/check-in/:token': 'reached from a secret e-mail link only',
  '/*': 'the not-found page: visited directly as /no-such-page below',
  '/surveys/:id/answers': 'only for a survey that asks for names, and the demo has none',
};

/** Who walks, and the pages each must at least reach by following links (more are welcome). */
interface Walker {
  name: string;
  email: string | null;
  mustReach: string[];
}

const WALKERS: Walker[] = [
  { name: 'signed-out', email: null, mustReach: ['/sign-in', '/forgot-password', '/apply', '/faq'] },
  {
    name: 'staff',
    email: 'staff@demo.tandem.test',
    mustReach: [
      '/',
      '/account',
      '/review',
      '/periods',
      '/periods/:id',
      '/periods/:id/applications',
      '/periods/:id/applications/:applicationId',
      '/periods/:id/matching',
      '/matches/:id',
      '/health',
      '/goal-sheets',
      '/events',
      '/events/:id',
      '/surveys',
      '/surveys/:id',
      '/reminders',
      '/activities',
      '/resources',
      '/archive',
      '/workspace',
      '/reports',
      '/people',
      '/settings',
      '/outbox',
      '/outbox/:id',
      '/audit',
      '/rematch',
    ],
  },
  {
    name: 'committee',
    email: 'committee@demo.tandem.test',
    mustReach: ['/', '/review', '/rematch', '/liaison', '/events', '/resources', '/faq'],
  },
  {
    name: 'taskforce',
    email: 'taskforce@demo.tandem.test',
    mustReach: ['/', '/workspace', '/survey-results', '/reports', '/events', '/resources'],
  },
  {
    name: 'mentor',
    email: 'mentor@demo.tandem.test',
    mustReach: ['/', '/account', '/matches/:id', '/matches/:id/goal-sheet', '/surveys', '/letters', '/events', '/resources', '/faq'],
  },
  {
    name: 'mentee',
    email: 'mentee@demo.tandem.test',
    mustReach: ['/', '/account', '/matches/:id', '/matches/:id/goal-sheet', '/surveys', '/surveys/:id', '/events', '/resources'],
  },
  { name: 'chooser', email: 'chooser@demo.tandem.test', mustReach: ['/', '/choose'] },
];

const ROUTES = declaredRoutes();
const WALKABLE = ROUTES.filter((r) => !(r in NOT_WALKED));

/** Static segments count most, then parameters: /events/new beats /events/:id. */
const specificity = (pattern: string) =>
  pattern
    .split('/')
    .filter(Boolean)
    .reduce((sum, s) => sum + (s === '*' ? 0 : s.startsWith(':') ? 2 : 3), 1);

/** The route a link leads to, or null for a link out of the app (downloads under /api, mail, other sites). */
function routeOf(pathname: string): string | null {
  if (pathname.startsWith('/api/')) return null;
  let best: string | null = null;
  for (const pattern of WALKABLE) {
    if (pattern.includes('*')) continue;
    if (matchPath({ path: pattern, end: true }, pathname) && (best === null || specificity(pattern) > specificity(best))) best = pattern;
  }
  return best;
}

const WIDTHS = [1280, 360] as const;
const SCHEMES = ['light', 'dark'] as const;

/** Counts the app's requests in flight, so a page counts as settled once its data is in (faster than networkidle). */
const COUNT_FETCHES = () => {
  const w = window as unknown as { __inflight: number; fetch: typeof fetch };
  w.__inflight = 0;
  const original = w.fetch.bind(window);
  w.fetch = async (...args: Parameters<typeof fetch>) => {
    w.__inflight += 1;
    try {
      return await original(...args);
    } finally {
      w.__inflight -= 1;
    }
  };
};

/**
 * Every page each demo role can reach (issue #19 and #15 item 12), at 1280 and 360 px, light and
 * dark: no WCAG 2.1 AA violation (axe, as the other browser tests run it), no console error, no
 * sideways scroll, and the staff header under 100 px at 1280. Pages are found by following links
 * from home (one page per route: the first period, application, match… it links to), so a page
 * nobody links to is a finding too. Each role's problems are gathered and reported together.
 */
describe.skipIf(skipReason !== null)('a walk through every page, per role, at two widths in light and dark', () => {
  const demo = demoInBrowser('walk');
  const reached = new Set<string>();

  async function newWalkerPage(
    walker: Walker,
    scheme: (typeof SCHEMES)[number],
    problems: string[],
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await demo().browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
    await context.addInitScript(COUNT_FETCHES);
    await context.addInitScript(AXE_SOURCE);
    const page = await context.newPage();
    const where = () => `${walker.name} ${scheme} ${page.viewportSize()?.width ?? 0}px ${new URL(page.url()).pathname}`;
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${where()}: console error: ${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(`${where()}: page error: ${e.message}`));
    if (walker.email) {
      await page.goto(`${demo().server.url}/sign-in`);
      await page.getByLabel('E-mail address').fill(walker.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
    } else {
      await page.goto(`${demo().server.url}/sign-in`);
    }
    return { context, page };
  }

  /** Goes to a path inside the app (client-side, as a link would) and waits for its heading and data. */
  async function visit(page: Page, path: string): Promise<void> {
    const here = await page.evaluate(() => window.location.pathname + window.location.search);
    if (here !== path) {
      // The new page has rendered once an h1 that was not there before appears (a redirect is fine too).
      await page.evaluate((to) => {
        for (const h of document.querySelectorAll('h1')) h.setAttribute('data-walk-left', '');
        window.history.pushState(null, '', to);
        window.dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await page.waitForFunction(() => [...document.querySelectorAll('h1')].some((h) => !h.hasAttribute('data-walk-left')), undefined, {
        polling: 50,
        timeout: 15_000,
      });
    }
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Settled: no request in flight and no "Loading…" status for a moment.
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __inflight: number; __quietSince?: number };
        const busy =
          w.__inflight > 0 || [...document.querySelectorAll('[role="status"]')].some((el) => /^Loading/.test(el.textContent ?? ''));
        if (busy) {
          delete w.__quietSince;
          return false;
        }
        w.__quietSince ??= performance.now();
        return performance.now() - w.__quietSince > 150;
      },
      undefined,
      { polling: 50, timeout: 15_000 },
    );
  }

  /** The app's links on the page, as paths, in document order. */
  const linksOn = (page: Page) =>
    page.$$eval('a[href]', (as) =>
      as
        .map((a) => new URL((a as HTMLAnchorElement).href))
        .filter((u) => u.origin === window.location.origin)
        .map((u) => u.pathname + u.search),
    );

  /** Checks the page as it stands; returns what is wrong, if anything. */
  async function checkPage(page: Page, walker: Walker, label: string): Promise<string[]> {
    const found: string[] = [];
    const violations = await page.evaluate(async (tags) => {
      const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
      interface AxeResults {
        violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
      }
      const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return results.violations.map(
        (v) => `${v.id} (${v.impact ?? 'unknown impact'}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(' | ')}`,
      );
    }, AXE_TAGS);
    for (const v of violations) found.push(`${label}: axe: ${v}`);
    const sideways = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
    if (sideways.scroll > sideways.view)
      found.push(`${label}: scrolls sideways (${sideways.scroll} px wide in a ${sideways.view} px window)`);
    if (walker.name === 'staff' && page.viewportSize()?.width === 1280) {
      const header = (await page.locator('.site-header').boundingBox())?.height ?? Infinity;
      if (header >= 100) found.push(`${label}: the staff header is ${header} px tall (under 100 expected)`);
    }
    return found;
  }

  /**
   * One pass: every page at one width in one context. The first pass finds the pages, following
   * links from where the role starts (one page per route); later passes walk the same list.
   */
  async function pass(page: Page, walker: Walker, scheme: string, width: number, pages: string[], problems: string[]): Promise<void> {
    await page.setViewportSize({ width, height: width === 360 ? 740 : 800 });
    const discovering = pages.length === 0;
    // Signed out, people arrive at the sign-in page, the application form or the FAQ (the program's
    // own site links them there); the thank-you page follows a sent application.
    const queue = discovering ? (walker.email ? ['/'] : ['/sign-in', '/apply', '/faq', '/apply/thanks']) : [...pages];
    if (discovering && walker.name === 'staff') queue.push('/no-such-page');
    const seen = new Set<string>(queue.map((p) => routeOf(new URL(p, 'http://x').pathname) ?? p));
    while (queue.length > 0) {
      const path = queue.shift() as string;
      const label = `${walker.name} ${scheme} ${width}px ${path}`;
      try {
        await visit(page, path);
      } catch (error) {
        problems.push(`${label}: did not settle: ${(error as Error).message.split('\n')[0] ?? ''}`);
        continue;
      }
      if (discovering) {
        pages.push(path);
        for (const link of await linksOn(page)) {
          const route = routeOf(new URL(link, 'http://x').pathname);
          if (route === null || seen.has(route)) continue;
          // /sign-in while signed in only sends the person home.
          if (walker.email && route === '/sign-in') continue;
          seen.add(route);
          queue.push(link);
        }
      }
      problems.push(...(await checkPage(page, walker, label)));
    }
  }

  let walkedPages = 0;
  let walkProblems = 0;
  for (const walker of WALKERS) {
    it(`${walker.name}: every page reachable, at 1280 and 360 px, light and dark`, { timeout: 600_000 }, async () => {
      const problems: string[] = [];
      const pages: string[] = [];
      const light = await newWalkerPage(walker, 'light', problems);
      const dark = await newWalkerPage(walker, 'dark', problems);
      try {
        await pass(light.page, walker, 'light', 1280, pages, problems);
        // Two browser pages at a time once the list is known: the walk takes three passes' time, not four.
        await Promise.all([
          pass(light.page, walker, 'light', 360, pages, problems),
          (async () => {
            await pass(dark.page, walker, 'dark', 1280, pages, problems);
            await pass(dark.page, walker, 'dark', 360, pages, problems);
          })(),
        ]);
      } finally {
        await light.context.close();
        await dark.context.close();
      }
      const routes = new Set(pages.map((p) => routeOf(new URL(p, 'http://x').pathname)));
      for (const r of routes) if (r) reached.add(r);
      process.stdout.write(`walk ${walker.name}: ${pages.length} pages × ${WIDTHS.length * SCHEMES.length} passes\n`);
      walkedPages += pages.length;
      walkProblems += problems.length;
      expect(
        walker.mustReach.filter((r) => !routes.has(r)),
        `${walker.name} could not reach these by following links`,
      ).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  it('every declared route was walked by someone, or is listed as not walked with a reason', () => {
    expect(Object.keys(NOT_WALKED).filter((r) => !ROUTES.includes(r))).toEqual([]);
    // Reached pages are recorded by the role walks above; run alone, this test has nothing to compare.
    if (reached.size === 0) return;
    expect(WALKABLE.filter((r) => !reached.has(r))).toEqual([]);
    recordFigure('walk', { roles: WALKERS.length, pages: walkedPages, passes: WIDTHS.length * SCHEMES.length, problems: walkProblems });
  });
});
