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
const MENTEE = 'Amara Mensah';
const MENTOR = 'Margaret Okafor';
/** The demo's committee members, either of whom may be a liaison. */
const COMMITTEE = [
  { name: 'Priya Raman', email: 'committee@demo.tandem.test' },
  { name: 'Jun Watanabe', email: 'jun.watanabe@demo.tandem.test' },
];

/**
 * Liaisons and check-ins on the demo program: staff give the demo pair a liaison, who signs in
 * and finds the pair on their own page; staff check in with a pair whose re-match window is
 * closing, and one of the pair answers from the e-mail's link without signing in. axe checks every
 * page on the way, and no page may log an error.
 */
describe.skipIf(skipReason !== null)('liaisons and check-ins, in the browser', () => {
  let dataDir: string;
  let server: AppProcess;
  let browser: Browser;
  let staff: Page;
  let liaison: Page;
  let participant: Page;
  let shots = 0;
  const consoleErrors: string[] = [];

  function watch(page: Page, who: string): Page {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // Someone not signed in: the app asks who is (GET /api/me) and the 401 is the answer. The
      // browser logs every 4xx response; this one is expected, any other error is not.
      const url = message.location().url;
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
    await screenshot(page, `liaison-${shots}-${label}`);
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-liaison-'));
    await promisify(execFile)(process.execPath, ['bin/tandem.js', 'demo', '--no-serve'], {
      env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    server = await startAppProcess({ dataDir: join(dataDir, 'demo') });
    const launched = await launchBrowser();
    if (!launched) throw new Error('Chromium is required for this test');
    browser = launched;
    [staff, liaison, participant] = await Promise.all([newPage(browser), newPage(browser), newPage(browser)]);
    watch(staff, 'staff');
    watch(liaison, 'liaison');
    watch(participant, 'participant');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('staff give the demo pair a liaison, who signs in and sees that pair', async () => {
    await signIn(staff, STAFF);
    await staff.goto(`${server.url}/health`);
    await h1(staff, 'Program health');
    await staff.getByRole('link', { name: 'Liaisons: who looks after each pair' }).click();
    await h1(staff, 'Liaisons');
    await check(staff, 'liaisons-page');

    const pair = `${MENTEE} and ${MENTOR}`;
    const choice = staff.getByLabel(`Liaison for ${pair}`);
    const current = await choice.inputValue();
    // Whoever the pair has now (the demo may have given it one), the other committee member takes over.
    const currentName = current === '' ? null : await choice.locator(`option[value="${current}"]`).innerText();
    const next = COMMITTEE.find((c) => c.name !== currentName) ?? COMMITTEE[0];
    if (!next) throw new Error('no committee member to choose');
    await choice.selectOption({ label: next.name });
    await staff.getByRole('button', { name: `Save the liaison for ${pair}` }).click();
    await staff.getByText(`Saved: ${next.name} looks after ${pair}.`).waitFor();
    await check(staff, 'liaison-saved');

    await signIn(liaison, next.email);
    await liaison.goto(`${server.url}/liaison`);
    await h1(liaison, 'Your pairs');
    const rows = liaison.getByRole('region', { name: 'Pairs you look after' }).getByRole('row');
    await expect.poll(() => rows.filter({ hasText: MENTEE }).filter({ hasText: MENTOR }).count()).toBe(1);
    await check(liaison, 'liaison-pairs');
  });

  it('staff check in with a pair whose window is closing; one of them answers from the link', async () => {
    await staff.goto(`${server.url}/health`);
    await h1(staff, 'Program health');
    const attention = staff.getByRole('region', { name: 'Matches that need attention' });
    const offering = attention
      .getByRole('row')
      .filter({ has: staff.getByRole('button', { name: /^Check in with / }) })
      .first();
    await offering.waitFor();
    const menteeName = (await offering.getByRole('rowheader').innerText()).trim();
    const row = attention.getByRole('row').filter({ has: staff.getByRole('rowheader', { name: menteeName, exact: true }) });
    const [menteeEmail] = ((await row.getByRole('link', { name: /^E-mail both/ }).getAttribute('href')) ?? '')
      .replace('mailto:', '')
      .split(',');
    await row.getByRole('button', { name: /^Check in with / }).click();
    await row.getByLabel('A short note (optional)').fill('The re-match window closes soon: how are things going?');
    await check(staff, 'check-in-form');
    await row.getByRole('button', { name: /^Send check-in/ }).click();
    await row.getByText('Check-in sent to both.').waitFor();

    // The link from the mentee's e-mail (the outbox is where demo mail goes).
    const outbox = await staff.request.get(`${server.url}/api/outbox?to=${encodeURIComponent(decodeURI(menteeEmail ?? ''))}`);
    expect(outbox.ok()).toBe(true);
    const messages = ((await outbox.json()) as { messages: { kind: string; textBody: string }[] }).messages;
    const mail = messages.find((m) => m.kind === 'check-in');
    const path = /\/check-in\/[A-Za-z0-9_-]+/.exec(mail?.textBody ?? '')?.[0];
    if (!path) throw new Error(`no check-in link for ${menteeName}`);

    // Opening the page answers nothing; one press does.
    await participant.goto(`${server.url}${path}?answer=talk`);
    await h1(participant, 'How is your match going?');
    await check(participant, 'check-in-page');
    await participant.getByRole('button', { name: 'I’d like to talk to the program office' }).click();
    await h1(participant, 'Thank you');
    await participant.getByText('We noted that you’d like to talk to the program office.').waitFor();
    await check(participant, 'check-in-answered');

    // Staff see the flag on the pair's row.
    await staff.reload();
    await h1(staff, 'Program health');
    const flagged = attention.getByRole('row').filter({ hasText: menteeName }).filter({ hasText: 'Asked to talk' });
    await expect.poll(() => flagged.count()).toBe(1);
    await check(staff, 'health-asked-to-talk');

    expect(consoleErrors).toEqual([]);
  });
});
