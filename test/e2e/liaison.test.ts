import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

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
  const demo = demoInBrowser('liaison');
  let staff: Page;
  let liaison: Page;
  let participant: Page;
  const check = (page: Page, label: string) => demo().check(page, label);
  const signIn = (page: Page, email: string) => demo().signIn(page, email);

  beforeAll(async () => {
    [staff, liaison, participant] = await Promise.all([demo().page('staff'), demo().page('liaison'), demo().page('participant')]);
  });

  const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();

  it('staff give the demo pair a liaison, who signs in and sees that pair', async () => {
    await signIn(staff, STAFF);
    await staff.goto(`${demo().server.url}/health`);
    await h1(staff, 'Program health');
    await staff.getByRole('link', { name: 'Liaisons: who looks after each pair' }).click();
    await h1(staff, 'Liaisons');
    await check(staff, 'liaisons-page');

    // As in a program of thousands of pairs: find the pair by name first.
    const search = staff.getByRole('search', { name: 'Find pairs' });
    await search.getByLabel('Name or e-mail address').fill(MENTEE);
    await search.getByRole('button', { name: 'Search' }).click();
    await staff
      .getByRole('status')
      .filter({ hasText: /^1 pair matching this search/ })
      .waitFor();
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
    await liaison.goto(`${demo().server.url}/liaison`);
    await h1(liaison, 'Your pairs');
    const rows = liaison.getByRole('region', { name: 'Pairs you look after' }).getByRole('row');
    await expect.poll(() => rows.filter({ hasText: MENTEE }).filter({ hasText: MENTOR }).count()).toBe(1);
    await check(liaison, 'liaison-pairs');
  });

  it('staff check in with a pair whose window is closing; one of them answers from the link', async () => {
    await staff.goto(`${demo().server.url}/health`);
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
    const outbox = await staff.request.get(`${demo().server.url}/api/outbox?to=${encodeURIComponent(decodeURI(menteeEmail ?? ''))}`);
    expect(outbox.ok()).toBe(true);
    const messages = ((await outbox.json()) as { messages: { kind: string; textBody: string }[] }).messages;
    const mail = messages.find((m) => m.kind === 'check-in');
    const path = /\/check-in\/[A-Za-z0-9_-]+/.exec(mail?.textBody ?? '')?.[0];
    if (!path) throw new Error(`no check-in link for ${menteeName}`);

    // Opening the page answers nothing; one press does.
    await participant.goto(`${demo().server.url}${path}?answer=talk`);
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

    expect(demo().consoleErrors).toEqual([]);
  });
});
