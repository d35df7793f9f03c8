import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../setup/app-server.ts';
import type { AppProcess } from '../setup/app-server.ts';
import { browserSkipReason, expectNoAxeViolations, launchBrowser, newPage, screenshot } from '../setup/browser.ts';

/**
 * A newcomer's first ten minutes, clicked through as a person would: a fresh data directory,
 * the one-time setup, an invitation to a mentee, the invitation e-mail read from the outbox, the
 * mentee's sign-up through its link, signing out and back in. Every page is checked with axe.
 */
const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

describe.skipIf(skipReason !== null)('first run, as a new user', () => {
  let dataDir: string;
  let server: AppProcess;
  let browser: Browser;
  let page: Page;
  const visited: string[] = [];

  async function check(label: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, label);
    await screenshot(page, `first-run-${visited.length + 1}-${label}`);
    visited.push(label);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-'));
    server = await startAppProcess({ dataDir });
    const launched = await launchBrowser();
    if (!launched) throw new Error('Chromium is required for this test');
    browser = launched;
    page = await newPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up the program, invites a mentee who signs up through the e-mailed link, and signs in again', async () => {
    await page.goto(server.url);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check('setup');

    await page.getByLabel('Program name').fill('Youth Services Mentoring Program');
    // The time zone, searched by city and chosen with the keyboard.
    const timeZone = page.getByRole('combobox', { name: 'Time zone' });
    await timeZone.fill('chicago');
    await page.getByRole('option', { name: /^Chicago, United States — UTC.* \(America\/Chicago\)$/ }).waitFor();
    await timeZone.press('ArrowDown');
    await timeZone.press('Enter');
    expect(await timeZone.getAttribute('aria-expanded')).toBe('false');
    expect(await timeZone.inputValue()).toMatch(/^Chicago, United States — UTC−0[56]:00 \(America\/Chicago\)$/);
    await page.getByLabel('Your name').fill('Dana Whitaker');
    await page.getByLabel('E-mail address').fill('dana@example.org');
    await page.getByLabel('Password').fill('a long staff password');
    await page.getByRole('button', { name: 'Create program' }).click();

    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await check('staff-home');

    // The same page in the dark colour scheme and on a 360 px phone: still no violations, no sideways scrolling.
    await page.emulateMedia({ colorScheme: 'dark' });
    await check('staff-home-dark');
    await page.setViewportSize({ width: 360, height: 740 });
    await check('staff-home-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { level: 1, name: /people/i }).waitFor();
    await check('people');
    const invite = page.getByRole('form', { name: 'Invite someone' });
    await invite.getByLabel('E-mail address').fill('amara@example.org');
    await invite.getByLabel('Name').fill('Amara Mensah');
    await invite.getByRole('checkbox', { name: 'Mentee' }).check();
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await page.getByText('amara@example.org').first().waitFor();
    await check('people-after-invite');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: /outbox/i }).waitFor();
    await check('outbox');
    await page
      .getByRole('link', { name: /invited to Youth Services Mentoring Program/ })
      .first()
      .click();
    const inviteLink = page.getByRole('link', { name: /\/invite\// });
    await inviteLink.waitFor();
    await check('invitation-email');
    const href = await inviteLink.getAttribute('href');
    expect(href).toMatch(new RegExp(`^http://localhost:${server.port}/invite/[A-Za-z0-9_-]{43}$`));

    // The staff member signs out; the mentee opens the link in the same browser.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto(href ?? '');
    await page.getByLabel('Choose a password').waitFor();
    await check('accept-invitation');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Amara Mensah');
    await page.getByLabel('Choose a password').fill('my own mentee password');
    await page.getByRole('button', { name: 'Create account' }).click();

    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await page.getByText(/Amara/).first().waitFor();
    await check('mentee-home');
    // A mentee has no staff pages in the navigation.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await check('sign-in');
    await page.getByLabel('E-mail address').fill('amara@example.org');
    await page.getByLabel('Password').fill('my own mentee password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');

    expect(visited.length).toBeGreaterThanOrEqual(10);
  });
});
