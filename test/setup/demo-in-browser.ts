import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAppProcess } from './app-server.ts';
import type { AppProcess } from './app-server.ts';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot } from './browser.ts';

/** The demo's password, printed for anyone to read: its people sign in with it. */
export const DEMO_PASSWORD = 'tandem-demo';
/** What `tandem seed` gives everyone it makes (staff@seed.tandem.test, mentee@seed.tandem.test). */
export const SEED_PASSWORD = 'tandem-seed';

export interface DemoInBrowser {
  server: AppProcess;
  browser: Browser;
  /** Errors any watched page logged; a test ends by expecting this to be empty. */
  consoleErrors: string[];
  /** A new page whose console errors are collected under `who`. */
  page(who: string): Promise<Page>;
  /** Waits for the page to settle, checks it with axe (no WCAG 2.1 AA violation) and saves a screenshot. */
  check(page: Page, label: string): Promise<void>;
  /** Signs a person of the program in with its password (the page's cookies are cleared first). */
  signIn(page: Page, email: string): Promise<void>;
}

/**
 * A browser test's set-up on the demo program: builds the demo into a throwaway data directory,
 * starts the app on it in its own process, launches Chromium, and tears all of it down after the
 * file's tests. Call it at the top of a `describe`; read the returned getter inside the tests.
 * With `seededPeople`, the program is `tandem seed --people N` instead (a larger, plainer one,
 * whose people sign in with SEED_PASSWORD).
 */
export function demoInBrowser(name: string, options: { env?: Record<string, string>; seededPeople?: number } = {}): () => DemoInBrowser {
  let dataDir = '';
  let harness: DemoInBrowser | undefined;
  let shots = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `tandem-e2e-${name}-`));
    const seeded = options.seededPeople;
    const command = seeded === undefined ? ['demo', '--no-serve'] : ['seed', '--people', String(seeded)];
    await promisify(execFile)(process.execPath, ['bin/tandem.js', ...command], {
      env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    const password = seeded === undefined ? DEMO_PASSWORD : SEED_PASSWORD;
    // A browser test signs in many times from one address (the walk: two per role, a role every
    // few seconds), past the per-minute limit a person gets; that limit has its own API tests.
    const server = await startAppProcess({
      dataDir: seeded === undefined ? join(dataDir, 'demo') : dataDir,
      env: { RATE_LIMIT_AUTH_PER_MINUTE: '1000', ...options.env },
    });
    const browser = await launchBrowser();
    if (!browser) throw new Error('Chromium is required for this test');
    const consoleErrors: string[] = [];
    harness = {
      server,
      browser,
      consoleErrors,
      async page(who) {
        const page = await newPage(browser);
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          // Every error counts: even "nobody is signed in" is a 200 from GET /api/me, not a 401.
          const url = message.location().url;
          consoleErrors.push(`${who}: ${message.text()} (${url})`);
        });
        page.on('pageerror', (error) => consoleErrors.push(`${who}: ${error.message}`));
        return page;
      },
      async check(page, label) {
        await page.waitForLoadState('networkidle');
        await expectNoAxeViolations(page, label);
        shots += 1;
        await screenshot(page, `${name}-${shots}-${label}`);
      },
      async signIn(page, email) {
        await page.context().clearCookies();
        await page.goto(`${server.url}/sign-in`);
        await page.getByLabel('E-mail address').fill(email);
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
      },
    };
  });

  afterAll(async () => {
    await harness?.browser.close();
    await harness?.server.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return () => {
    if (!harness) throw new Error('demoInBrowser: the set-up has not run yet');
    return harness;
  };
}

/**
 * From the main menu to the demo's period that is taking applications (not the one where mentees
 * choose): Matching, then that period's Applications or Matching link.
 */
export async function openOpenPeriod(page: Page, link: 'Applications' | 'Matching'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matching' }).click();
  await page
    .getByRole('row')
    .filter({ hasText: 'Applications open' })
    .filter({ hasNotText: 'choose-your-mentor' })
    .getByRole('link', { name: new RegExp(link) })
    .click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${link} for`) }).waitFor();
}
