import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const STAFF = 'staff@demo.tandem.test';
const MENTEE = 'mentee@demo.tandem.test';
const MENTEE_NAME = 'Amara Mensah';

/**
 * Personal data on the demo program: the demo mentee downloads everything Tandem holds about her
 * from her account page; then staff erase her from the people page, through the dialog that says
 * her active match will end and asks for her name. axe checks each page and the open dialog, and
 * no page may log an error.
 */
describe.skipIf(skipReason !== null)('personal data, in the browser', () => {
  const demo = demoInBrowser('personal-data');
  let page: Page;
  const check = (label: string) => demo().check(page, label);

  beforeAll(async () => {
    page = await demo().page('browser');
  });

  it('the demo mentee downloads her data from the account page', async () => {
    await demo().signIn(page, MENTEE);
    await page.goto(`${demo().server.url}/account`);
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    await check('account-your-data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download my data' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^tandem-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      account: { email: string; name: string };
      matches: { partnerName: string; status: string }[];
      notes: string[];
    };
    expect(data.account).toMatchObject({ email: MENTEE, name: MENTEE_NAME });
    expect(data.matches.some((m) => m.status === 'active' && m.partnerName.length > 0)).toBe(true);
    expect(data.notes.join(' ')).toMatch(/Anonymous survey answers are not included/);
  });

  it('staff erase her, after the dialog says her match will end and she is named', async () => {
    await demo().signIn(page, STAFF);
    await page.goto(`${demo().server.url}/people`);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: MENTEE_NAME, exact: true }) });
    await row.getByRole('button', { name: `Erase this person… ${MENTEE_NAME}` }).click();
    const dialog = page.getByRole('dialog', { name: `Erase ${MENTEE_NAME}?` });
    await dialog.getByText(/is in an active match/).waitFor();
    await dialog.getByRole('heading', { name: 'Kept, without their identity' }).waitFor();
    await check('people-erase-dialog');

    // A name that is not hers is refused in the form; nothing is sent.
    const confirm = dialog.getByLabel(`Type ${MENTEE_NAME} to confirm`);
    await confirm.fill('Amara');
    await dialog.getByRole('button', { name: 'End the match and erase' }).click();
    await dialog.getByText(`Type their name exactly as shown: ${MENTEE_NAME}`).waitFor();

    await confirm.fill(MENTEE_NAME);
    await dialog.getByRole('button', { name: 'End the match and erase' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${MENTEE_NAME} was erased.` })
      .waitFor();
    // The status comes with the answer; the list's own refetch may land a moment later.
    await expect.poll(() => page.getByRole('rowheader', { name: MENTEE_NAME, exact: true }).count()).toBe(0);
    const erasedRow = page.getByRole('row').filter({ hasText: `${MENTEE_NAME} was erased.` });
    await erasedRow.getByRole('rowheader', { name: 'Erased person' }).waitFor();
    await check('people-after-erase');

    // She can no longer sign in.
    await page.context().clearCookies();
    await page.goto(`${demo().server.url}/sign-in`);
    await page.getByLabel('E-mail address').fill(MENTEE);
    await page.getByLabel('Password').fill('tandem-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    // The refused sign-in is the one error the browser logs (a 401 from the sign-in request).
    expect(demo().consoleErrors.filter((e) => !/status of 401.*\/api\/auth\/login/.test(e))).toEqual([]);
  });
});
