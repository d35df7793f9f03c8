import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

/**
 * The matching page on the demo program: the summary first, then the proposed pairs a page at a
 * time — weakest first, "Show more pairs", the other orders, the filters and the search, all kept
 * in the address; a reassignment shows in the table at once. axe checks each state (also dark and
 * at 360 px), and no page may log an error.
 */
describe.skipIf(skipReason !== null)('the proposed pairs, sorted, filtered and paged', () => {
  const demo = demoInBrowser('matching-pairs');
  let page: Page;

  beforeAll(async () => {
    page = await demo().page('committee');
  });

  it('shows the summary, then pairs to sort, filter, search and page through', async () => {
    await demo().signIn(page, 'committee@demo.tandem.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Matching' }).click();
    await page
      .getByRole('row')
      .filter({ hasText: 'Applications open' })
      .filter({ hasNotText: 'choose-your-mentor' })
      .getByRole('link', { name: /Matching/ })
      .click();
    await page.getByRole('heading', { level: 1, name: /^Matching for/ }).waitFor();
    await page.getByRole('button', { name: /^Run matching/ }).click();
    const pairs = page.getByRole('table', { name: /^Proposed pairs/ });
    await pairs.waitFor({ timeout: 60_000 });

    // The summary comes before the pairs, with what needs a look.
    const summary = page.getByRole('table', { name: /^Summary of this proposal/ });
    await summary.waitFor();
    await page.getByText(/pairs? (has|have) something against them/).waitFor();
    const above = async (a: typeof summary, b: typeof summary) => ((await a.boundingBox())?.y ?? 0) < ((await b.boundingBox())?.y ?? 0);
    expect(await above(summary, pairs)).toBe(true);

    // Weakest first, 25 at a time.
    const countLine = page.getByRole('status').filter({ hasText: /^(Showing [\d,]+ of )?[\d,]+ pairs?\b/ });
    const rows = pairs.locator('tbody > tr');
    const scores = async () => (await pairs.locator('tbody > tr > td.nowrap').allInnerTexts()).map(Number);
    const names = async () => pairs.locator('tbody > tr > th').allInnerTexts();
    await countLine.filter({ hasText: /^Showing 25 of \d+ pairs, lowest score first\.$/ }).waitFor();
    const total = Number((await countLine.innerText()).match(/of (\d+) pairs/)?.[1]);
    const firstPage = await scores();
    expect(firstPage).toHaveLength(25);
    expect(firstPage).toEqual([...firstPage].sort((a, b) => a - b));
    await demo().check(page, 'pairs-first-page');
    await page.getByRole('button', { name: 'Show more pairs' }).click();
    await expect.poll(async () => rows.count()).toBe(Math.min(total, 50));
    const twoPages = await scores();
    expect(twoPages.slice(0, 25)).toEqual(firstPage);
    expect(twoPages).toEqual([...twoPages].sort((a, b) => a - b));
    expect(new Set(await names()).size).toBe(twoPages.length);

    // Strongest first, kept in the address.
    await page.getByLabel('Order').selectOption('score-desc');
    await expect.poll(() => param(page, 'sort')).toBe('score-desc');
    await countLine.filter({ hasText: /highest score first\.$/ }).waitFor();
    const strongest = await scores();
    expect(strongest).toEqual([...strongest].sort((a, b) => b - a));
    expect(strongest[0]).toBeGreaterThanOrEqual(Math.max(...twoPages));

    // Only the pairs with something against them; a reload keeps the view.
    await page.getByRole('checkbox', { name: /^Only pairs with something against them/ }).check();
    await expect.poll(() => param(page, 'warnings')).toBe('true');
    await countLine.filter({ hasText: /matching this search, highest score first\.$/ }).waitFor();
    for (const why of await pairs.locator('tbody summary').allInnerTexts()) expect(why).not.toMatch(/^\d+ for, 0 against/);
    await page.reload();
    await countLine.filter({ hasText: /matching this search, highest score first\.$/ }).waitFor();
    expect(await page.getByRole('checkbox', { name: /^Only pairs with something against them/ }).isChecked()).toBe(true);
    expect(await page.getByLabel('Order').inputValue()).toBe('score-desc');
    await demo().check(page, 'pairs-with-downsides');

    // One mentor's mentees, by name.
    await page.getByRole('button', { name: 'Show all pairs' }).click();
    await expect.poll(() => param(page, 'warnings')).toBeNull();
    await page.getByLabel('Order').selectOption('mentor');
    await countLine.filter({ hasText: /by mentor\.$/ }).waitFor();
    const mentorCells = pairs.locator('tbody > tr > td:nth-child(2)');
    const mentorNames = await mentorCells.allInnerTexts();
    expect(mentorNames).toEqual([...mentorNames].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
    const mentor = mentorNames[0]!;
    const mentorChoice = page.getByLabel('Mentor', { exact: true });
    const label = (await mentorChoice.locator('option').allInnerTexts()).find((o) => o.startsWith(`${mentor} (`));
    expect(label).toBeDefined();
    await mentorChoice.selectOption({ label: label! });
    await expect.poll(() => param(page, 'mentor')).toMatch(/^\d+$/);
    await countLine.filter({ hasText: /matching this search/ }).waitFor();
    expect(new Set(await mentorCells.allInnerTexts())).toEqual(new Set([mentor]));
    await demo().check(page, 'pairs-of-one-mentor');

    // A search by a mentee's name, then that mentee taken out of the proposal: the table follows at once.
    await page.getByRole('button', { name: 'Show all pairs' }).click();
    await expect.poll(() => param(page, 'mentor')).toBeNull();
    // The whole list is back (no search line) before typing: a list still loading could replace the field.
    await countLine.filter({ hasText: /^Showing [\d,]+ of [\d,]+ pairs, by mentor\.$/ }).waitFor();
    const mentee = (await pairs.locator('tbody > tr > th').first().innerText()).split('\n')[0]!.trim();
    await page.getByLabel('Mentee or mentor name').fill(mentee);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect.poll(() => param(page, 'q')).toBe(mentee);
    const row = pairs.getByRole('row').filter({ hasText: mentee });
    await row.first().waitFor();
    await row
      .first()
      .getByRole('button', { name: /^Reassign/ })
      .click();
    await page.getByLabel(`New mentor for ${mentee}`).selectOption('none');
    await page.getByRole('button', { name: /^Take out of proposal$|^Reassign anyway$/ }).click();
    await page.getByText(`${mentee} is out of this proposal.`).waitFor();
    await expect.poll(async () => pairs.getByRole('row').filter({ hasText: mentee }).count()).toBe(0);
    await page.getByRole('table', { name: 'Mentees not matched' }).getByRole('row').filter({ hasText: mentee }).waitFor();

    // Dark mode and a phone's width: no violations, no sideways scroll.
    await page.emulateMedia({ colorScheme: 'dark' });
    await demo().check(page, 'pairs-dark');
    await page.setViewportSize({ width: 360, height: 800 });
    await demo().check(page, 'pairs-360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    expect(demo().consoleErrors).toEqual([]);
  });
});
