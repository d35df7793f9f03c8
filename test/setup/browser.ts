// Headless Chromium for the e2e tests: Debian's /usr/bin/chromium driven by playwright-core
// (no browser download: this machine reaches no browser CDN), plus an axe accessibility gate
// and screenshots for humans to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** gitignored; see .gitignore */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Why the browser tests cannot run here, or null when they can. Synchronous, for describe.skipIf. */
export function browserSkipReason(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
}

/**
 * Launches headless Chromium. Where it is missing: under CI (CI=true) throws; elsewhere prints a
 * loud warning and returns null, and the caller skips (`describe.skipIf(browser === null)`).
 */
export async function launchBrowser(): Promise<Browser | null> {
  const reason = browserSkipReason();
  if (reason !== null) {
    if (process.env.CI === 'true') throw new Error(`Browser tests are required under CI (CI=true): ${reason}`);
    const bar = '!'.repeat(78);
    process.stderr.write(`\n${bar}\n!!!\n!!!  Browser (e2e) tests SKIPPED: ${reason}\n!!!\n${bar}\n\n`);
    return null;
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A page in a context of its own (@axe-core/playwright 4.13 requires pages made through browser.newContext()). */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

/** Runs axe for WCAG 2.1 A/AA on the page as it is now; throws listing every violation. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => {
    const targets = v.nodes.map((n) => `      at ${n.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : t)).join(' | ')}`);
    return [`  - ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}`, `    ${v.helpUrl}`, ...targets].join('\n');
  });
  const url = page.url();
  const where = url.length > 120 ? `${url.slice(0, 117)}...` : url;
  throw new Error(`${results.violations.length} accessibility violation(s) on ${label} (${where}):\n${lines.join('\n')}`);
}

/** Saves a full-page PNG to test/e2e/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name.replace(/[^a-zA-Z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
