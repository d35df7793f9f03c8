import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

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
  const demo = demoInBrowser('rematch-queue');
  let staff: Page;
  let committee: Page;
  const check = (page: Page, label: string) => demo().check(page, label);
  const signIn = (page: Page, email: string) => demo().signIn(page, email);

  async function openQueue(page: Page): Promise<void> {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Re-match queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Re-match queue' }).waitFor();
    await page.getByText(/open request/).waitFor();
  }

  beforeAll(async () => {
    [staff, committee] = await Promise.all([demo().page('staff'), demo().page('committee')]);
  });

  const requestCards = (page: Page) => page.getByRole('region', { name: /asks for a new partner instead of/ });

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
    await staff.goto(`${demo().server.url}/settings`);
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

    expect(demo().consoleErrors).toEqual([]);
  });
});
