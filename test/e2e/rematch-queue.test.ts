import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../setup/app-server.ts';
import type { AppProcess } from '../setup/app-server.ts';
import { browserSkipReason, expectNoAxeViolations, launchBrowser, newPage, screenshot } from '../setup/browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const PASSWORD = 'tandem-demo';
const STAFF = 'staff@demo.tandem.test';
const COMMITTEE = 'committee@demo.tandem.test';
const READ_ONLY = 'The committee can read the queue, but the program office acts on it.';

/**
 * The re-match queue on the demo program, which has one open request and one already settled:
 * the committee reads it without the means to act until staff tick the setting; staff see both
 * filters, a "keep" note that is required, the engine's candidates for both people and the
 * summary, and confirm. axe checks every state on the way, and no page may log an error.
 */
describe.skipIf(skipReason !== null)('the re-match queue, in the browser', () => {
  let dataDir: string;
  let server: AppProcess;
  let browser: Browser;
  let staff: Page;
  let committee: Page;
  let shots = 0;
  const consoleErrors: string[] = [];

  function watch(page: Page, who: string): Page {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const url = message.location().url;
      // Not signed in yet: GET /api/me answers 401, as expected.
      if (/status of 401/.test(message.text()) && new URL(url, server.url).pathname === '/api/me') return;
      consoleErrors.push(`${who}: ${message.text()} (${url})`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${who}: ${error.message}`));
    return page;
  }

  async function check(page: Page, label: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, label);
    shots += 1;
    await screenshot(page, `rematch-queue-${shots}-${label}`);
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  async function openQueue(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Re-match queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Re-match queue' }).waitFor();
    await page.getByText(/open request/).waitFor();
  }

  const requestCards = (page: Page) => page.getByRole('region', { name: /asks for a new partner instead of/ });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-rematch-'));
    await promisify(execFile)(process.execPath, ['bin/tandem.js', 'demo', '--no-serve'], {
      env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    server = await startAppProcess({ dataDir: join(dataDir, 'demo') });
    const launched = await launchBrowser();
    if (!launched) throw new Error('Chromium is required for this test');
    browser = launched;
    [staff, committee] = await Promise.all([newPage(browser), newPage(browser)]);
    watch(staff, 'staff');
    watch(committee, 'committee');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the committee reads the queue; it may act once staff tick the setting', async () => {
    await signIn(committee, COMMITTEE);
    await openQueue(committee);
    await committee.getByText(READ_ONLY).waitFor();
    await expect.poll(() => requestCards(committee).count()).toBe(1);
    const card = requestCards(committee).first();
    await card.getByRole('heading', { name: 'Reason and wishes (private: the partner never sees this)' }).waitFor();
    expect(await card.getByRole('button', { name: /^Find a new partner/ }).count()).toBe(0);
    // The history opens in place: the committee has no match pages to go to.
    await card.getByText('The match’s history').click();
    await card.getByText(/asked for a new partner \(as mentor\)/).waitFor();
    await check(committee, 'committee-reads');

    await signIn(staff, STAFF);
    await staff.goto(`${server.url}/settings`);
    await staff.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await staff.getByLabel('The matching committee may act on the re-match queue').check();
    await staff.getByRole('button', { name: 'Save match rules' }).click();
    await staff.getByText('The match rules have been saved.').waitFor();
    await check(staff, 'settings-saved');

    await committee.reload();
    await committee.getByRole('heading', { level: 1, name: 'Re-match queue' }).waitFor();
    await requestCards(committee)
      .first()
      .getByRole('button', { name: /^Find a new partner/ })
      .waitFor();
    expect(await committee.getByText(READ_ONLY).count()).toBe(0);
  });

  it('staff see both filters, and keeping a match needs a note', async () => {
    await openQueue(staff);
    await check(staff, 'open-requests');
    await staff.getByLabel('All requests').check();
    await staff.getByText('2 requests, oldest first.').waitFor();
    await requestCards(staff).filter({ hasText: 'Re-matched' }).waitFor();
    await check(staff, 'all-requests');
    await staff.getByLabel('Open requests').check();
    await staff.getByText('1 open request.').waitFor();

    const card = requestCards(staff).first();
    await card.getByRole('button', { name: /^Keep the match/ }).click();
    await card.getByRole('button', { name: 'Keep the match and send the note' }).click();
    await card.getByText('Write a short note to the person who asked.').waitFor();
    await check(staff, 'keep-note-required');
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => staff.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Keep the match/);
  });

  it('staff find new partners for both people and confirm', async () => {
    const card = requestCards(staff).first();
    await card.getByRole('button', { name: /^Find a new partner/ }).click();
    const form = card.getByRole('form', { name: /^New partners for / });
    await form.waitFor();
    await form.getByText('What will happen').waitFor();
    const summary = await form.locator('.confirm-box li').allInnerTexts();
    expect(summary[0]).toMatch(/^The match between .+ \(mentee\) and .+ \(mentor\) ends\.$/);
    expect(summary).toHaveLength(3);
    // The first candidate, if the engine offers any, is its choice and chosen already.
    const groups = form.getByRole('group');
    expect(await groups.count()).toBe(2);
    for (const group of await groups.all()) {
      expect(await group.getByRole('radio', { checked: true }).count()).toBe(1);
    }
    await check(staff, 'find-new-partner');

    // Someone else's next step changes the summary as it is chosen.
    const partnerGroup = groups.nth(1);
    await partnerGroup.getByRole('radio', { name: 'Reapply next period' }).check();
    await expect.poll(async () => (await form.locator('.confirm-box li').allInnerTexts())[2]).toMatch(/moves to the next period’s pool/);

    await form.getByRole('button', { name: /^Confirm/ }).click();
    await staff.getByText(/^Done: .+’s request is settled\.$/).waitFor();
    await staff.getByText('Nobody is waiting for a new partner right now.', { exact: false }).waitFor();
    await expect.poll(() => staff.evaluate(() => document.activeElement?.id ?? '')).toBe('rematch-outcome');
    await check(staff, 'settled');

    expect(consoleErrors).toEqual([]);
  });
});
