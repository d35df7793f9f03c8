import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const STAFF = 'staff@demo.tandem.test';
const MENTOR = 'mentor@demo.tandem.test';

/** Last year's cohort in the demo: "2025 cohort" when the demo is built in 2026. */
const LAST_COHORT = /^\d{4} cohort$/;

/**
 * Letters of recognition on the demo program: the demo mentor saw last year's cohort through, so
 * she opens her letters page and downloads her letter (a real PDF); staff open that period's
 * letters, see her among the mentors, download them all, and e-mail the mentors once. axe checks
 * each page, and no page may log an error.
 */
describe.skipIf(skipReason !== null)('letters of recognition, in the browser', () => {
  const demo = demoInBrowser('letters');
  let page: Page;
  /** The cohort the demo mentor completed, as her letters page names it. */
  let cohort = '';
  const check = (label: string) => demo().check(page, label);

  beforeAll(async () => {
    page = await demo().page('browser');
  });

  it('the demo mentor downloads her letter from last year', async () => {
    await demo().signIn(page, MENTOR);
    // Her home says the letter is ready, and shows the annual report shared with participants.
    await page.getByRole('heading', { name: 'Your letter of recognition' }).waitFor();
    await page.getByRole('heading', { name: 'The program’s annual report' }).waitFor();
    await check('mentor-home-letter-and-report');
    await page.getByRole('link', { name: 'Your letter', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Letters of recognition' }).waitFor();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: LAST_COHORT }) });
    const link = item.getByRole('link', { name: /Download letter \(PDF\)/ });
    await link.waitFor();
    cohort = await item.getByRole('heading', { level: 3 }).innerText();
    await check('mentor-letters');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^recognition-letter-.*\.pdf$/);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const pdf = await page.request.get(new URL((await link.getAttribute('href')) ?? '', demo().server.url).href, {
      failOnStatusCode: true,
    });
    expect(pdf.headers()['content-type']).toMatch(/^application\/pdf/);

    // The task force's report for last year, as a web page: readable, accessible, no script.
    await page.getByRole('link', { name: 'Home', exact: true }).click();
    await page.getByRole('heading', { name: 'The program’s annual report' }).waitFor();
    const reportLink = page.getByRole('link', { name: /^\d{4} cohort: the year in review$/ });
    await reportLink.waitFor();
    await reportLink.click();
    await page.waitForURL(/\/report\.html$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.locator('script').count()).toBe(0);
    await check('mentor-reads-annual-report');

    expect(demo().consoleErrors).toEqual([]);
  });

  it("staff see the period's letters, download them all, and e-mail the mentors once", async () => {
    await demo().signIn(page, STAFF);
    await page.goto(`${demo().server.url}/periods`);
    await page.getByRole('link', { name: cohort, exact: true }).click();
    await page.waitForURL(/\/periods\/\d+$/);
    const periodId = /\/periods\/(\d+)$/.exec(page.url())?.[1];
    await page.goto(`${demo().server.url}/periods/${periodId}/letters`);
    await page.getByRole('heading', { level: 1, name: `Letters of recognition: ${cohort}` }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Margaret Okafor' }).waitFor();
    await check('staff-period-letters');

    const all = page.getByRole('link', { name: /^Download all \d+ letters \(one PDF\)$/ });
    const [download] = await Promise.all([page.waitForEvent('download'), all.click()]);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    await page.getByRole('button', { name: /^E-mail the mentors/ }).click();
    await page.getByRole('button', { name: 'Yes, e-mail them' }).click();
    await page.getByText(/^E-mailed \d+ mentors that their letter is ready\./).waitFor();
    await page.getByText('Every mentor here has been told their letter is ready.').waitFor();
    await check('staff-letters-sent');

    expect(demo().consoleErrors).toEqual([]);
  });

  it('staff name who signs the letters in Settings', async () => {
    await page.goto(`${demo().server.url}/settings`);
    const form = page.getByRole('form', { name: 'Recognition letters' });
    await expect.poll(() => form.getByLabel('Signed by').inputValue()).toBe('Dana Whitaker');
    await form.getByLabel('Their title').fill('Program Coordinator');
    await form.getByRole('button', { name: 'Save letter signer' }).click();
    await form.getByText('The signer details have been saved.').waitFor();
    await check('settings-letter-signer');

    await form.getByLabel('Their title').fill('');
    await form.getByRole('button', { name: 'Save letter signer' }).click();
    await form.getByText('Add a title, or clear the name too.').waitFor();
    await check('settings-letter-signer-error');

    expect(demo().consoleErrors).toEqual([]);
  });
});
