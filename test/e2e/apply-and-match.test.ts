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
import { openOpenPeriod } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const path = (page: Page) => new URL(page.url()).pathname;

/**
 * The program's first real workflow on the demo program, clicked through as people would: a
 * newcomer applies on the public page; staff accept her, run matching, pair her by hand, lock
 * the pair, re-run, and approve; both announcement e-mails are in the outbox; she signs in and
 * meets her mentor. axe checks every page visited.
 */
describe.skipIf(skipReason !== null)('applying and matching, as new users', () => {
  let dataDir: string;
  let server: AppProcess;
  let browser: Browser;
  let page: Page;
  let shots = 0;

  async function check(label: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, label);
    shots += 1;
    await screenshot(page, `apply-match-${shots}-${label}`);
  }

  async function signIn(email: string, password: string): Promise<void> {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => path(page)).toBe('/sign-in');
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-match-'));
    // The demo program, made the way a newcomer makes it: `tandem demo`.
    await promisify(execFile)(process.execPath, ['bin/tandem.js', 'demo', '--no-serve'], {
      env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    server = await startAppProcess({ dataDir: join(dataDir, 'demo') });
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

  it('takes a newcomer from the public Apply page to an announced match', async () => {
    // 1. A newcomer applies as a mentee, in steps.
    await page.goto(`${server.url}/apply`);
    await page.getByRole('heading', { level: 1, name: /^Apply to/ }).waitFor();
    await check('apply');
    const next = page.getByRole('button', { name: 'Next', exact: true });
    const stepHeading = (name: string) => page.getByRole('heading', { level: 2, name: new RegExp(`^Step \\d of 4: ${name}$`) });
    expect(await page.getByRole('navigation', { name: 'Application steps' }).locator('[aria-current="step"]').textContent()).toBe(
      'About you',
    );
    // Next checks this step's answers first.
    await next.click();
    await page.getByText('Some answers need another look.').waitFor();
    await stepHeading('About you').waitFor();
    await check('apply-step-1-problems');
    // Two periods take applications in the demo; she applies to the committee-matched one.
    await page.getByRole('radio', { name: /^\d{4} cohort/ }).check();
    await page.getByRole('radio', { name: 'Mentee' }).check();
    await page.getByLabel('Your name').fill('Rosalind Achterberg');
    await page.getByLabel('E-mail address').fill('rosalind@example.org');
    await page.getByLabel('Choose a password').fill('storytime forever');
    await page.getByLabel('Job title').fill('Library Assistant');
    await page.getByLabel('Employer').fill('Prairie View Public Library');
    await page.getByLabel('Kind of workplace').selectOption('public');
    await page.getByLabel('Where you are in your career').selectOption('early_career');
    await page.getByLabel('Years of experience in the field').fill('2');
    await next.click();

    await stepHeading('Where and how').waitFor();
    await page.getByText('Step 2 of 4', { exact: true }).waitFor();
    await page.getByLabel('Country').selectOption('US');
    await page.getByLabel('State, province or region').selectOption('US-IL');
    // The time zone is searched by city; each choice shows its offset from UTC.
    const timeZone = page.getByRole('combobox', { name: 'Time zone' });
    await timeZone.fill('chicago');
    await page.getByRole('option', { name: /^Chicago, United States — UTC−0[56]:00 \(America\/Chicago\)$/ }).click();
    expect(await timeZone.inputValue()).toMatch(/^Chicago, United States — UTC−0[56]:00 \(America\/Chicago\)$/);
    expect(await timeZone.getAttribute('aria-expanded')).toBe('false');
    await page
      .getByRole('group', { name: /meet in person/ })
      .getByRole('radio', { name: 'Yes' })
      .check();
    await page.getByRole('checkbox', { name: 'Video call' }).check();
    await page.getByLabel('Languages you can mentor or be mentored in').fill('English');
    await check('apply-step-2');
    await next.click();

    await stepHeading('Goals and interests').waitFor();
    // A reload keeps the answers given so far (never the password, so she is back at the first step).
    await page.reload();
    await stepHeading('About you').waitFor();
    expect(await page.getByLabel('Your name').inputValue()).toBe('Rosalind Achterberg');
    expect(await page.getByLabel('Choose a password').inputValue()).toBe('');
    await page.getByLabel('Choose a password').fill('storytime forever');
    await next.click();
    await stepHeading('Where and how').waitFor();
    expect(await page.getByLabel('State, province or region').inputValue()).toBe('US-IL');
    await next.click();

    await stepHeading('Goals and interests').waitFor();
    await page.getByRole('checkbox', { name: 'Grow early-career confidence' }).check();
    // Interests as chips: a suggestion from the program's list, one typed with Enter, one with a comma.
    const interests = page.getByRole('combobox', { name: 'Interests', exact: true });
    await interests.fill('story');
    await page.getByRole('option', { name: 'storytime', exact: true }).click();
    await interests.fill('early literacy');
    await interests.press('Enter');
    await interests.pressSequentially('outreach,');
    await interests.fill('book clubs');
    await interests.press('Enter');
    await page.getByRole('button', { name: 'Remove book clubs' }).click();
    const chosen = page.getByRole('list', { name: 'Interests: chosen' }).getByRole('listitem');
    expect(await chosen.allTextContents()).toEqual(['storytime×', 'early literacy×', 'outreach×']);
    // Every yes/no question (the eligibility questions come from the program's settings).
    for (const question of await page.getByRole('group', { name: /\?/ }).all()) {
      await question.getByRole('radio', { name: 'Yes' }).check();
    }
    await check('apply-step-3');
    // Chips and suggestions on a 360 px phone in the dark colour scheme: no violations, no sideways scrolling.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 360, height: 740 });
    await interests.fill('teen');
    await page.getByRole('option', { name: 'teen services', exact: true }).waitFor();
    await check('apply-step-3-phone-dark');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await interests.press('Escape');
    await interests.fill('');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await next.click();

    await stepHeading('Review and send').waitFor();
    await page.getByText('Illinois, United States').waitFor();
    await page.getByText('storytime, early literacy, outreach').waitFor();
    await check('apply-review');
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you for applying' }).waitFor();
    await check('apply-thanks');
    // She is signed in already; her home page shows the application.
    await page.goto(server.url);
    await page
      .getByText(/cohort/)
      .first()
      .waitFor();
    // An applicant, not yet a mentee: her home says what happens next, not what mentees do.
    await page.getByRole('heading', { name: 'Your application is under review' }).waitFor();
    await page.getByText('Matches announced').waitFor();
    expect(await page.getByRole('heading', { name: 'Your mentoring, as a mentee' }).count()).toBe(0);
    await check('newcomer-home');
    await signOut();

    // 2. Staff add a suggestion for the next applicants, then accept her application.
    await signIn('staff@demo.tandem.test', 'tandem-demo');
    await page.goto(`${server.url}/settings`);
    const suggestions = page.getByRole('form', { name: 'Suggested interests' });
    const list = suggestions.getByLabel('Suggestions, one per line');
    await expect.poll(() => list.inputValue()).toMatch(/^storytime\n/);
    await list.fill(`${await list.inputValue()}\nBook clubs\n  storytime  \n`);
    await suggestions.getByRole('button', { name: 'Save suggestions' }).click();
    await suggestions.getByText('The suggested interests have been saved.').waitFor();
    // The repeat is dropped and the new one kept, at the end.
    expect((await list.inputValue()).split('\n').slice(-2)).toEqual(['digital literacy', 'Book clubs']);
    await check('settings-suggestions');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matching' }).click();
    await page.getByRole('heading', { level: 1, name: 'Applications and matching' }).waitFor();
    await check('review-periods');
    const openPeriod = page.getByRole('row').filter({ hasText: 'Applications open' }).filter({ hasNotText: 'choose-your-mentor' });
    await openPeriod.getByRole('link', { name: /Applications/ }).click();
    await page.getByRole('heading', { level: 1, name: /^Applications for/ }).waitFor();
    await check('applications');
    await page.getByLabel('Search').fill('Rosalind');
    await page.getByRole('button', { name: 'Show applications' }).click();
    await page.getByRole('link', { name: /Rosalind Achterberg/ }).click();
    await page.getByRole('button', { name: 'Accept' }).waitFor();
    await check('application-detail');
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('Accepted').first().waitFor();

    // 3. Run matching.
    await openOpenPeriod(page, 'Matching');
    await check('matching-workspace');
    await page.getByRole('button', { name: /^Run matching/ }).click();
    await page.getByRole('region', { name: 'Proposed pairs' }).first().waitFor({ timeout: 60_000 });
    await check('matching-first-run');

    // The pairs come a page at a time (matching-pairs.test.ts clicks through the order, filters and paging).
    const pairs = page.getByRole('table', { name: /^Proposed pairs/ });
    const countLine = page.getByRole('status').filter({ hasText: /^(Showing [\d,]+ of )?[\d,]+ pairs?\b/ });
    await countLine.first().waitFor();

    // 4. Find Rosalind (mentees outnumber mentors, so she may be left out): pair her by hand, then lock the pair.
    await page.getByLabel('Mentee or mentor name').fill('Rosalind');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Rosalind');
    // "No pairs match this search." when she is left out.
    await page
      .getByRole('status')
      .filter({ hasText: /this search/ })
      .waitFor();
    const rosalindPair = pairs.getByRole('row').filter({ hasText: 'Rosalind Achterberg' });
    if ((await rosalindPair.count()) === 0) {
      const notMatched = page
        .getByRole('table', { name: 'Mentees not matched' })
        .getByRole('row')
        .filter({ hasText: 'Rosalind Achterberg' });
      await notMatched.getByRole('button', { name: /^Reassign/ }).click();
      const choose = page.getByLabel('New mentor for Rosalind Achterberg');
      const firstMentor = await choose.locator('option').nth(1).getAttribute('value');
      await choose.selectOption(firstMentor ?? '');
      await page.getByRole('button', { name: /^Reassign( anyway)?$/ }).click();
      // The pairs table reads the change at once.
      await rosalindPair.first().waitFor();
    }
    await rosalindPair
      .first()
      .getByRole('button', { name: /^Lock pair/ })
      .click();
    await page.getByText('This proposal is out of date.').waitFor();
    await check('matching-locked');

    // 5. Re-run: the lock holds, and the search stays.
    await page.getByRole('button', { name: 'Run matching again' }).click();
    await expect.poll(async () => page.getByText('This proposal is out of date.').count(), { timeout: 60_000 }).toBe(0);
    const lockedRow = pairs.getByRole('row').filter({ hasText: 'Rosalind Achterberg' });
    await lockedRow.first().waitFor();
    await lockedRow.first().getByText('Locked').waitFor();
    const mentorName = (await lockedRow.first().getByRole('cell').first().innerText()).trim();
    expect(mentorName.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Show all pairs' }).click();
    await page.getByRole('checkbox', { name: /^Only locked pairs/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('locked')).toBe('true');
    await countLine.filter({ hasText: /matching this search/ }).waitFor();
    const lockedOnly = await pairs.locator('tbody > tr > th').allInnerTexts();
    expect(lockedOnly.some((name) => name.includes('Rosalind Achterberg'))).toBe(true);
    for (const name of lockedOnly) expect(name).toContain('Locked');
    await check('matching-locked-only');

    // 6. Approving needs the period in Matching: staff move it there from the period page.
    if ((await page.getByText('Applications are still open.').count()) > 0) {
      await page.getByRole('link', { name: /move it to Matching/ }).click();
      await page.getByRole('button', { name: /^Move to .Matching/ }).click();
      await page.getByText(/The period is now in .Matching/).waitFor();
      await check('period-moved-to-matching');
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: /^Matching for/ }).waitFor();
    }
    await page.getByRole('button', { name: 'Approve these matches' }).click();
    await page.getByRole('button', { name: 'Yes, approve and send e-mails' }).click();
    await page.getByText('Matches approved.').waitFor({ timeout: 30_000 });
    await check('matching-approved');

    // 7. Both announcement e-mails are in the outbox.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: /outbox/i }).waitFor();
    await check('outbox');
    const mailToRosalind = page
      .getByRole('row')
      .filter({ hasText: 'rosalind@example.org' })
      .filter({ hasText: /Meet your mentor/ });
    expect(await mailToRosalind.count()).toBe(1);
    expect(
      await page
        .getByRole('row')
        .filter({ hasText: /Meet your mentee/ })
        .count(),
    ).toBeGreaterThan(0);
    await mailToRosalind.getByRole('link').first().click();
    await page
      .getByText(/Rosalind/)
      .first()
      .waitFor();
    await check('announcement-email');
    await signOut();

    // 8. Rosalind signs in and meets her mentor.
    await signIn('rosalind@example.org', 'storytime forever');
    await page.getByRole('heading', { name: /^Your mentor: / }).waitFor();
    expect(await page.getByRole('heading', { name: /^Your mentor: / }).innerText()).toBe(`Your mentor: ${mentorName}`);
    await check('mentee-home-with-partner');
    await signOut();
    // The whole first year in one story, with axe on every page and every step of the application:
    // longer than one page's budget on a busy machine.
  }, 300_000);
});
