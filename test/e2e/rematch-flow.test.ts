import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const STAFF = 'staff@demo.tandem.test';
const MENTEE = 'mentee@demo.tandem.test';
const OLD_MENTOR = 'mentor@demo.tandem.test';

/**
 * The guarantee as people live it, on the demo program: the demo mentee (matched 25 days ago)
 * finds the way from her home page to ask for a new mentor; staff take the engine's choices in the
 * re-match queue; she and her new mentor see each other, and her old mentor sees what became of
 * him. axe checks each page on the way, and no page may log an error.
 */
describe.skipIf(skipReason !== null)('asking for a new partner and being re-matched, in the browser', () => {
  const demo = demoInBrowser('rematch-flow');
  let page: Page;
  const check = (label: string) => demo().check(page, label);
  const signInAs = (email: string) => demo().signIn(page, email);

  beforeAll(async () => {
    page = await demo().page('browser');
  });

  let oldMentorName = '';

  it('the mentee asks from her home page, inside the window', async () => {
    await signInAs(MENTEE);
    const invite = page.getByText(/Not working out with .+\? You may ask for a new mentor until/);
    await invite.waitFor();
    oldMentorName = /Not working out with (.+)\?/.exec(await invite.innerText())?.[1] ?? '';
    expect(oldMentorName).not.toBe('');
    await check('mentee-home');
    await page.getByRole('link', { name: 'ask for a new mentor' }).click();
    await page.getByRole('button', { name: 'Ask for a new mentor' }).click();
    // Sending with no reason says what is missing, beside the field.
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.getByText('Say in a sentence or two why you would like a new partner.').waitFor();
    await check('mentee-reason-missing');
    await page.getByLabel('Why would you like a new partner?').fill('Our working hours never overlap, so we have barely talked.');
    await page.getByLabel(/Anything we should look for in a new mentor/).fill('Someone free in the afternoons.');
    await page.getByRole('button', { name: 'Send my request' }).click();
    await page.getByText(/You asked for a new mentor on/).waitFor();
    await page.getByRole('button', { name: 'Withdraw my request' }).waitFor();
    await check('mentee-asked');
  });

  it('staff re-match her through the queue with the engine’s choices', async () => {
    await signInAs(STAFF);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Re-match queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Re-match queue' }).waitFor();
    const card = page
      .getByRole('region', { name: /asks for a new partner instead of/ })
      .filter({ hasText: 'Our working hours never overlap' });
    await card.waitFor();
    await card.getByRole('button', { name: /^Find a new partner/ }).click();
    const form = card.getByRole('form', { name: /^New partners for / });
    await form.getByText('What will happen').waitFor();
    await check('staff-candidates');
    await form.getByRole('button', { name: /^Confirm/ }).click();
    await page.getByText(/^Done: .+’s request is settled\.$/).waitFor();
    await check('staff-settled');
  });

  it('she and her new mentor see each other; her old mentor sees what became of him', async () => {
    await signInAs(MENTEE);
    const mentorCards = page.getByRole('region', { name: /^Your mentor: / });
    // The new mentor first, and the old match marked as ended, folded under "Earlier matches".
    await mentorCards.filter({ hasNotText: oldMentorName }).first().waitFor();
    expect(await mentorCards.filter({ hasText: oldMentorName }).isVisible()).toBe(false);
    await page.getByText('Earlier matches', { exact: true }).click();
    await mentorCards.filter({ hasText: oldMentorName }).getByText('Ended').waitFor();
    const matches = (await page.evaluate(async () => (await fetch('/api/my/matches')).json())) as {
      matches: { status: string; myRole: string; partner: { name: string; email: string } }[];
    };
    const current = matches.matches.find((m) => m.status === 'active' && m.myRole === 'mentee');
    expect(current).toBeDefined();
    await check('mentee-new-mentor');

    await signInAs(current?.partner.email ?? '');
    await page.getByRole('region', { name: /^Your mentee: Amara/ }).waitFor();
    await check('new-mentor-home');

    await signInAs(OLD_MENTOR);
    // Margaret mentors one at a time: the engine finds her a new mentee, or she moves to the next period's pool.
    await page
      .getByRole('region', { name: /^(Your mentee: (?!Amara)|You are carried into the next period)/ })
      .first()
      .waitFor();
    await check('old-mentor-home');
    expect(demo().consoleErrors).toEqual([]);
  });
});
