import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppProcess } from '../setup/app-server.ts';
import type { AppProcess } from '../setup/app-server.ts';
import { browserSkipReason, expectNoAxeViolations, launchBrowser, newPage, screenshot } from '../setup/browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const PASSWORD = 'tandem-demo';
const MENTEE = { email: 'mentee@demo.tandem.test', name: 'Amara Mensah' };
const MENTOR = { email: 'mentor@demo.tandem.test', name: 'Margaret Okafor' };
const STAFF = { email: 'staff@demo.tandem.test' };

/** A date `days` from today as a date input wants it. */
function isoDateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The match year on the demo program, clicked through by three people in three browsers: the
 * mentee and her mentor write their goal sheet together (and both edit the same answer at once,
 * which they merge), she sends it in, staff return it with a note, she fixes and resends it,
 * staff acknowledge it; she logs a contact; program health reflects each step. axe checks every
 * page on the way.
 */
describe.skipIf(skipReason !== null)('the match year, as the people in it', () => {
  let dataDir: string;
  let server: AppProcess;
  let browser: Browser;
  let mentee: Page;
  let mentor: Page;
  let staff: Page;
  let shots = 0;
  let matchPathSeen = '/';
  let sheetPathSeen = '/';
  let matchesPath = '/';

  async function check(page: Page, label: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await expectNoAxeViolations(page, label);
    shots += 1;
    await screenshot(page, `match-year-${shots}-${label}`);
  }

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  }

  const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
  /** Both program contacts (the demo sets both), on a home or match page. */
  const seesBothContacts = async (page: Page): Promise<void> => {
    await page.getByText('Questions about your goal sheet? Write to').first().waitFor();
    await page.getByText('Questions about trainings or forums? Write to').first().waitFor();
  };
  const goal = (page: Page, n: number): Locator => page.getByRole('group', { name: `Goal ${n}`, exact: true });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-e2e-year-'));
    await promisify(execFile)(process.execPath, ['bin/tandem.js', 'demo', '--no-serve'], {
      env: { ...process.env, TANDEM_DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    server = await startAppProcess({ dataDir: join(dataDir, 'demo') });
    const launched = await launchBrowser();
    if (!launched) throw new Error('Chromium is required for this test');
    browser = launched;
    [mentee, mentor, staff] = await Promise.all([newPage(browser), newPage(browser), newPage(browser)]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('goes from a draft goal sheet to an acknowledged one, with a contact logged, and staff see it all', async () => {
    // Staff look at program health first: the pair's sheet is due within the week.
    await signIn(staff, STAFF.email);
    await nav(staff, 'Program health');
    await h1(staff, 'Program health');
    await staff.getByRole('figure').first().waitFor();
    await check(staff, 'program-health');
    const attention = staff.getByRole('region', { name: 'Matches that need attention' });
    const pairRow = attention.getByRole('row').filter({ hasText: MENTEE.name });
    await expect.poll(() => pairRow.count()).toBe(1);
    await expect.poll(() => pairRow.innerText()).toMatch(/Goal sheet due soon/);

    // The mentee opens her match, then the goal sheet.
    await signIn(mentee, MENTEE.email);
    await seesBothContacts(mentee);
    await mentee.getByRole('link', { name: `Open your match with ${MENTOR.name}` }).click();
    await h1(mentee, `Your match with ${MENTOR.name}`);
    // The next thing to do comes first: the goal sheet, still to send.
    await mentee
      .getByRole('region', { name: 'Next for you' })
      .getByText(/^Send your goal sheet by /)
      .waitFor();
    // The partner's details and the program's contacts are folded; they open in place.
    await mentee.getByText(`${MENTOR.name}, your mentor`, { exact: true }).click();
    await seesBothContacts(mentee);
    await check(mentee, 'match-page');
    const matchPath = new URL(mentee.url()).pathname;
    matchPathSeen = matchPath;
    await mentee.getByRole('link', { name: 'Open the goal sheet' }).click();
    await h1(mentee, 'Goal sheet');
    await check(mentee, 'goal-sheet-draft');
    const sheetPath = new URL(mentee.url()).pathname;
    sheetPathSeen = sheetPath;
    expect(sheetPath).toBe(`${matchPath}/goal-sheet`);

    // She writes the first goal and how they will keep in touch, and saves.
    if ((await goal(mentee, 1).count()) === 0) await mentee.getByRole('button', { name: 'Add a goal' }).click();
    const first = goal(mentee, 1);
    await first.getByLabel('Goal', { exact: true }).fill('Plan and lead a bilingual storytime series');
    const serves = first.getByRole('group', { name: /Program goals this serves/ }).getByRole('checkbox');
    if (!(await serves.first().isChecked())) await serves.first().check();
    await first.getByLabel('Planned activities').fill('Observe two of Margaret’s storytimes, draft a six-week plan, run a pilot session.');
    await first.getByLabel('How you will measure success').fill('Six sessions held, with attendance and a short parent survey.');
    await first.getByLabel('Target date').fill(isoDateIn(60));
    // The demo draft may hold more goals, half written: finish them.
    for (let n = 2; n <= (await mentee.getByRole('group', { name: /^Goal \d$/ }).count()); n++) {
      const g = goal(mentee, n);
      if ((await g.getByLabel('Goal', { exact: true }).inputValue()) === '')
        await g.getByLabel('Goal', { exact: true }).fill(`Goal number ${n}`);
      const boxes = g.getByRole('group', { name: /Program goals this serves/ }).getByRole('checkbox');
      if (
        (await g
          .getByRole('group', { name: /Program goals this serves/ })
          .getByRole('checkbox', { checked: true })
          .count()) === 0
      )
        await boxes.first().check();
      for (const label of ['Planned activities', 'How you will measure success']) {
        if ((await g.getByLabel(label).inputValue()) === '')
          await g.getByLabel(label).fill('Talk it through together and write down what we learn.');
      }
      if ((await g.getByLabel('Target date').inputValue()) === '') await g.getByLabel('Target date').fill(isoDateIn(90));
    }
    const channels = mentee.getByRole('group', { name: /^Channels/ });
    if (!(await channels.getByRole('checkbox', { name: 'Video call' }).isChecked()))
      await channels.getByRole('checkbox', { name: 'Video call' }).check();
    await mentee.getByLabel('How often').fill('Every other week');
    await mentee.getByRole('button', { name: 'Save', exact: true }).click();
    await mentee
      .getByText(/^Saved/)
      .first()
      .waitFor();

    // Her mentor opens the same sheet, sees her goal, and changes how often they meet.
    await signIn(mentor, MENTOR.email);
    await seesBothContacts(mentor);
    await mentor.goto(`${server.url}${sheetPath}`);
    await h1(mentor, 'Goal sheet');
    expect(await goal(mentor, 1).getByLabel('Goal', { exact: true }).inputValue()).toBe('Plan and lead a bilingual storytime series');
    await mentor.getByLabel('How often').fill('A video call every other Tuesday evening');
    await mentor.getByRole('button', { name: 'Save', exact: true }).click();
    await mentor
      .getByText(/^Saved/)
      .first()
      .waitFor();

    // Meanwhile the mentee, on the page she loaded earlier, changes the same answer: she is asked.
    await mentee.getByLabel('How often').fill('Weekly, by video');
    await mentee.getByRole('button', { name: 'Save', exact: true }).click();
    await mentee.getByRole('heading', { name: 'Your partner saved changes while you were editing' }).waitFor();
    await check(mentee, 'goal-sheet-merge');
    await mentee
      .getByRole('radio', { name: /Use theirs/ })
      .first()
      .check();
    await mentee.getByRole('button', { name: 'Save with these choices' }).click();
    await mentee
      .getByText(/^Saved/)
      .first()
      .waitFor();
    expect(await mentee.getByLabel('How often').inputValue()).toBe('A video call every other Tuesday evening');

    // She sends it to the program office.
    await mentee.getByRole('button', { name: 'Send to the program office' }).click();
    await mentee.getByText('Sent to the program office', { exact: true }).first().waitFor();
    await check(mentee, 'goal-sheet-sent');

    // Staff find it in their list and return it with a note.
    await nav(staff, 'Goal sheets');
    await h1(staff, 'Goal sheets');
    await check(staff, 'goal-sheets-list');
    // The list is searched on the server: her name finds her pair, a made-up one nobody.
    const sheetSearch = staff.getByRole('search', { name: 'Find goal sheets' });
    await sheetSearch.getByLabel('Mentor’s or mentee’s name').fill('no such person');
    await sheetSearch.getByRole('button', { name: 'Search' }).click();
    await staff.getByText('No goal sheets match this search.').waitFor();
    await staff.getByRole('search', { name: 'Find goal sheets' }).getByLabel('Mentor’s or mentee’s name').fill(MENTEE.name);
    await staff.getByRole('search', { name: 'Find goal sheets' }).getByRole('button', { name: 'Search' }).click();
    await staff
      .getByRole('status')
      .filter({ hasText: /^1 match matching this search\.$/ })
      .waitFor();
    expect(new URL(staff.url()).searchParams.get('q')).toBe(MENTEE.name);
    await staff.getByRole('search', { name: 'Find goal sheets' }).getByLabel('Status').selectOption('submitted');
    await staff
      .getByRole('status')
      .filter({ hasText: /^1 match matching this search\.$/ })
      .waitFor();
    await check(staff, 'goal-sheets-searched');
    await staff.getByRole('link', { name: MENTEE.name }).first().click();
    await h1(staff, 'Goal sheet');
    await staff
      .getByLabel('Comment for the pair')
      .fill('Lovely plan. Could you add how you will reach families who do not speak English at home?');
    await check(staff, 'goal-sheet-review');
    await staff.getByRole('button', { name: 'Return to the pair' }).click();
    await staff.getByText('Returned for changes', { exact: true }).first().waitFor();

    // The mentee sees the note, adds to the plan and sends it again.
    await mentee.reload();
    await mentee.getByText('Returned for changes', { exact: true }).first().waitFor();
    await mentee
      .getByText(/families who do not speak English/)
      .first()
      .waitFor();
    await check(mentee, 'goal-sheet-returned');
    const plan = goal(mentee, 1).getByLabel('Planned activities');
    await plan.fill(`${await plan.inputValue()} Partner with the community center to invite families.`);
    await mentee.getByRole('button', { name: 'Save', exact: true }).click();
    await mentee
      .getByText(/^Saved/)
      .first()
      .waitFor();
    await mentee.getByRole('button', { name: 'Send to the program office' }).click();
    await mentee.getByText('Sent to the program office', { exact: true }).first().waitFor();

    // Staff acknowledge it; the sheet is final.
    await staff.reload();
    await h1(staff, 'Goal sheet');
    await staff.getByRole('button', { name: 'Acknowledge' }).click();
    await staff.getByText('Acknowledged by the program office', { exact: true }).first().waitFor();
    await check(staff, 'goal-sheet-acknowledged');

    // The mentee logs a contact from her match page.
    await mentee.goto(`${server.url}${matchPath}`);
    await h1(mentee, `Your match with ${MENTOR.name}`);
    // The acknowledged sheet's due date is history now: no countdown (and its section starts folded).
    await mentee.getByText('Goal sheet and dates', { exact: true }).click();
    const sheetDue = mentee.getByRole('definition').filter({ hasText: 'Acknowledged' });
    await sheetDue.waitFor();
    expect(await sheetDue.locator('.match-dates__countdown').count()).toBe(0);
    const log = mentee.getByRole('form', { name: 'Log a contact' });
    await log.getByRole('radio', { name: 'Video call' }).check();
    await log.getByLabel('Private note (optional)').fill('Talked through the community center idea.');
    await log.getByRole('button', { name: 'Log contact' }).click();
    await log.getByText(/logged\.$/).waitFor();
    await mentee.getByText('Talked through the community center idea.').waitFor();
    await check(mentee, 'match-page-contact-logged');

    // Program health no longer lists the pair: the sheet is in and they are in touch.
    await staff.goto(`${server.url}/health`);
    await h1(staff, 'Program health');
    await staff.getByRole('figure').first().waitFor();
    await expect
      .poll(() =>
        staff.getByRole('region', { name: 'Matches that need attention' }).getByRole('row').filter({ hasText: MENTEE.name }).count(),
      )
      .toBe(0);

    // The staff view of the match shows both people and the contact she logged.
    await staff.goto(`${server.url}${matchPath}`);
    await h1(staff, /Amara Mensah and Margaret Okafor/);
    await staff.getByText('Talked through the community center idea.').waitFor();
    await check(staff, 'match-page-staff');
  });

  it('keeps every other new page accessible', async () => {
    await nav(staff, 'Reminders');
    await h1(staff, 'Reminders');
    await check(staff, 'reminders');
    // Staff cancel one scheduled reminder, confirming first; it moves to the cancelled list. The
    // last one (the furthest off): the soonest may be due, and the demo's job worker may be
    // sending it while the test cancels it.
    const status = staff.getByRole('status').filter({ hasText: /^Showing \d+ scheduled reminders?\.$/ });
    const before = Number(/\d+/.exec(await status.innerText())?.[0]);
    await staff
      .getByRole('button', { name: /^Cancel the reminder/ })
      .last()
      .click();
    const confirm = staff.getByRole('group', { name: 'Confirm cancelling the reminder' });
    await check(staff, 'reminders-confirm-cancel');
    await confirm.getByRole('button', { name: 'Yes, cancel it' }).click();
    await staff
      .getByRole('status')
      .filter({ hasText: `Showing ${before - 1} scheduled` })
      .waitFor();
    await staff.getByLabel('Show').selectOption({ label: 'Cancelled' });
    await staff.getByRole('status').filter({ hasText: 'Showing 1 cancelled reminder.' }).waitFor();
    // Filters narrow the list on the server and stay in the address.
    await staff.getByLabel('Reminder', { exact: true }).selectOption({ label: 'No contact logged for a while' });
    await expect.poll(() => new URL(staff.url()).searchParams.get('kind')).toBe('quiet');
    await staff.getByLabel('Mentor’s or mentee’s name').fill('no such person');
    await staff.getByRole('search', { name: 'Find reminders' }).getByRole('button', { name: 'Search', exact: true }).click();
    await staff.getByRole('status').filter({ hasText: 'No cancelled reminders match this search.' }).waitFor();
    await check(staff, 'reminders-searched');
    // The period's matches: searched by name and filtered by status, on the server.
    await staff.goto(`${server.url}/goal-sheets`);
    await h1(staff, 'Goal sheets');
    const periodId = await staff.getByLabel('Period').inputValue();
    matchesPath = `/periods/${periodId}/matches`;
    await staff.goto(`${server.url}/periods/${periodId}`);
    await staff.getByRole('link', { name: 'See the period’s matches' }).click();
    await h1(staff, /^Matches of /);
    const findMatches = staff.getByRole('search', { name: 'Find matches' });
    await findMatches.getByLabel('Name or e-mail address').fill(MENTEE.name);
    await findMatches.getByRole('button', { name: 'Search', exact: true }).click();
    await staff
      .getByRole('status')
      .filter({ hasText: /^1 match matching this search\.$/ })
      .waitFor();
    await staff.getByRole('row').filter({ hasText: MENTOR.name }).waitFor();
    await check(staff, 'period-matches-searched');
    await staff.getByRole('search', { name: 'Find matches' }).getByLabel('Status').selectOption('ended');
    await staff.getByRole('status').filter({ hasText: 'No matches fit this search.' }).waitFor();
    expect(new URL(staff.url()).searchParams.get('status')).toBe('ended');
    // The audit log and the outbox: who did it, what, and which kind of message.
    await staff.goto(`${server.url}/audit`);
    await h1(staff, 'Audit log');
    const findEntries = staff.getByRole('search', { name: 'Search the audit log' });
    await findEntries.getByLabel('Who did it').fill('no such person');
    await findEntries.getByRole('button', { name: 'Search', exact: true }).click();
    await staff.getByText('No entries match this search.').waitFor();
    expect(new URL(staff.url()).searchParams.get('actor')).toBe('no such person');
    await check(staff, 'audit-filtered');
    await staff.goto(`${server.url}/outbox`);
    await h1(staff, 'Outbox');
    const kinds = staff.getByLabel('Kind of message');
    await expect.poll(() => kinds.locator('option').count()).toBeGreaterThan(1);
    const kind = await kinds.locator('option').nth(1).getAttribute('value');
    await kinds.selectOption(kind ?? '');
    await expect.poll(() => new URL(staff.url()).searchParams.get('kind')).toBe(kind);
    await staff
      .getByRole('status')
      .filter({ hasText: /matching this search\.$/ })
      .waitFor();
    await check(staff, 'outbox-filtered');
    // The two new settings: who sends the goal sheet, and when a quiet pair gets a nudge.
    await nav(staff, 'Settings');
    await h1(staff, 'Settings');
    const rules = staff.getByRole('form', { name: 'Matches and goal sheets' });
    await rules.getByLabel('Quiet after (weeks without a contact)').fill('4');
    await rules.getByRole('radio', { name: 'Either the mentor or the mentee' }).check();
    await rules.getByRole('button', { name: 'Save match rules' }).click();
    await rules.getByText('The match rules have been saved.').waitFor();
    await check(staff, 'settings-match-rules');
    await staff.reload();
    expect(await staff.getByLabel('Quiet after (weeks without a contact)').inputValue()).toBe('4');
    expect(await staff.getByRole('radio', { name: 'Either the mentor or the mentee' }).isChecked()).toBe(true);
    await nav(staff, 'Activities');
    await h1(staff, 'Activities');
    await check(staff, 'activities');
    // Reordering keeps the focus on the moved item's button and says where it went.
    await staff
      .getByRole('button', { name: /^Move down activity:/ })
      .first()
      .click();
    await staff.getByText(/is now number 2 of \d+\./).waitFor();
    // Focus moves once React has re-rendered the list, a frame after the announcement.
    await expect.poll(() => staff.evaluate(() => document.activeElement?.id ?? '')).toMatch(/^activity-\d+-down$/);
    await nav(staff, 'Resources');
    await h1(staff, 'Resources');
    await check(staff, 'resources-staff');
    await nav(mentee, 'Resources');
    await h1(mentee, 'Resources');
    await check(mentee, 'resources-mentee');
    await nav(mentee, 'FAQ');
    await h1(mentee, 'Frequently asked questions');
    await check(mentee, 'faq');
    // On a 360 px phone, in the dark colour scheme: the pair's pages and program health fit, and pass axe.
    for (const [page, path, label] of [
      [mentee, '/', 'home-phone'],
      [mentee, sheetPathSeen, 'goal-sheet-phone'],
      [mentee, matchPathSeen, 'match-page-phone'],
      [staff, '/health', 'program-health-phone'],
      [staff, '/goal-sheets', 'goal-sheets-phone'],
      [staff, '/reminders', 'reminders-phone'],
      [staff, matchesPath, 'period-matches-phone'],
    ] as const) {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(page, label);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(360);
    }
    // The blank template is a real PDF.
    const blank = await mentee.request.get(`${server.url}/api/goal-sheets/blank.pdf`);
    expect(blank.status()).toBe(200);
    expect((await blank.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
