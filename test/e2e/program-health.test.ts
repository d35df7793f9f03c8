import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

/**
 * Program health on a program larger than the demo (`tandem seed --people 600`: about 160 active
 * matches, nearly a hundred needing attention, issue #16): a screenful of the matches most at
 * risk first, then "Show 25 more" as often as staff want, with the count said as it changes.
 * axe checks each state; no page may log an error.
 */
describe.skipIf(skipReason !== null)('program health at a larger program, in the browser', () => {
  const program = demoInBrowser('program-health', { seededPeople: 600 });
  let page: Page;
  const check = (label: string) => program().check(page, label);
  const attention = () => page.getByRole('region', { name: 'Matches that need attention' });
  const rows = () => attention().locator('tbody > tr').count();
  const said = () =>
    page
      .getByText(/most at risk of/)
      .first()
      .innerText();

  beforeAll(async () => {
    page = await program().page('staff');
  });

  it('lists the 25 most at risk, then 25 more on asking, highest risk first', async () => {
    await program().signIn(page, 'staff@seed.tandem.test');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Program health' }).click();
    await page.getByRole('heading', { level: 1, name: 'Program health' }).waitFor();
    const heading = page.getByRole('heading', { name: /^Needs attention \(\d+\)$/ });
    await heading.waitFor();
    const needing = Number(/\((\d+)\)/.exec(await heading.innerText())?.[1]);
    expect(needing).toBeGreaterThan(50);
    await expect.poll(rows).toBe(25);
    expect(await said()).toMatch(new RegExp(`^The 25 most at risk of ${needing}, highest risk first\\.`));
    await check('first-screenful');

    const firstNames = () => attention().locator('tbody > tr > th').allInnerTexts();
    const before = await firstNames();
    const more = page.getByRole('button', { name: 'Show 25 more matches that need attention' });
    await more.click();
    await expect.poll(rows).toBe(50);
    expect(await said()).toMatch(new RegExp(`^The 50 most at risk of ${needing}, highest risk first\\.`));
    // The longer list starts with the same pairs, in the same order.
    expect((await firstNames()).slice(0, 25)).toEqual(before);
    await expect(more.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await more.click();
    await expect.poll(rows).toBe(75);
    await check('seventy-five');

    // Another period and back starts again from a screenful.
    const period = page.getByLabel('Period');
    const active = await period.inputValue();
    const values = await period.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const other = values.find((v) => v !== active);
    expect(other).toBeDefined();
    await period.selectOption(other ?? '');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe(other);
    await period.selectOption(active);
    await expect.poll(rows).toBe(25);
    expect(program().consoleErrors).toEqual([]);
  });
});
