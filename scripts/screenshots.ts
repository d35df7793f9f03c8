// The README's screenshots, taken from a fresh demo program: `npm run build:web && npx tsx scripts/screenshots.ts`.
// Writes docs/screenshots/*.png (a 1280×800 window, or a 360×740 phone; never the full page, to keep
// each file small). Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium), like the browser tests.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../test/setup/browser.ts';
import { startAppProcess } from '../test/setup/app-server.ts';
import { DEMO_PASSWORD } from '../test/setup/demo-in-browser.ts';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const MAX_BYTES = 300 * 1024;

interface Shot {
  file: string;
  /** Who is signed in; null for someone who isn't. */
  email: string | null;
  /** The page, or a function that finds it by following links from home. */
  path: string | ((page: Page) => Promise<string>);
  width: 1280 | 360;
  scheme: 'light' | 'dark';
}

/** A path found on a page: the first link whose address matches (and whose words don't match `unless`). */
async function firstLink(page: Page, url: string, from: string, pattern: RegExp, unless?: RegExp): Promise<string> {
  await page.goto(`${url}${from}`);
  await page.waitForLoadState('networkidle');
  const links = await page.$$eval('a[href]', (as) =>
    as.map((a) => ({ path: new URL((a as HTMLAnchorElement).href).pathname, text: a.textContent ?? '' })),
  );
  const found = links.filter((l) => pattern.test(l.path) && !(unless && unless.test(l.text))).map((l) => l.path)[0];
  if (!found) throw new Error(`No link matching ${pattern} on ${from}`);
  return found;
}

function shots(url: string): Shot[] {
  const menteeMatch = (page: Page) => firstLink(page, url, '/', /^\/matches\/\d+$/);
  return [
    { file: 'program-health.png', email: 'staff@demo.tandem.test', path: '/health', width: 1280, scheme: 'light' },
    {
      file: 'matching-workspace.png',
      email: 'staff@demo.tandem.test',
      // The cohort the committee matches, not the one where mentees choose their mentor.
      path: (page) => firstLink(page, url, '/review', /^\/periods\/\d+\/matching$/, /choose/i),
      width: 1280,
      scheme: 'light',
    },
    { file: 'match-page.png', email: 'mentee@demo.tandem.test', path: menteeMatch, width: 1280, scheme: 'light' },
    { file: 'match-page-phone-dark.png', email: 'mentee@demo.tandem.test', path: menteeMatch, width: 360, scheme: 'dark' },
    { file: 'application-form.png', email: null, path: '/apply', width: 1280, scheme: 'light' },
  ];
}

async function take(browser: Browser, url: string, shot: Shot): Promise<string> {
  const viewport = shot.width === 360 ? { width: 360, height: 740 } : { width: 1280, height: 800 };
  const context = await browser.newContext({ viewport, colorScheme: shot.scheme, deviceScaleFactor: 1 });
  try {
    const page = await context.newPage();
    if (shot.email) {
      await page.goto(`${url}/sign-in`);
      await page.getByLabel('E-mail address').fill(shot.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'Main' }).waitFor();
    }
    const path = typeof shot.path === 'string' ? shot.path : await shot.path(page);
    await page.goto(`${url}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    const file = join(OUT, shot.file);
    await page.screenshot({ path: file, fullPage: false });
    const bytes = statSync(file).size;
    if (bytes > MAX_BYTES) throw new Error(`${shot.file} is ${Math.round(bytes / 1024)} KB (keep it under ${MAX_BYTES / 1024} KB)`);
    return `${shot.file} (${Math.round(bytes / 1024)} KB, ${path})`;
  } finally {
    await context.close();
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-screenshots-'));
try {
  await promisify(execFile)(process.execPath, ['bin/tandem.js', 'demo', '--no-serve'], {
    env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '' },
  });
  const server = await startAppProcess({ dataDir: join(dataDir, 'demo') });
  const browser = await launchBrowser();
  try {
    if (!browser) throw new Error('Chromium is needed for the screenshots');
    mkdirSync(OUT, { recursive: true });
    for (const shot of shots(server.url)) process.stdout.write(`wrote docs/screenshots/${await take(browser, server.url, shot)}\n`);
  } finally {
    await browser?.close();
    await server.stop();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
