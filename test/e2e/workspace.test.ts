import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const TASK_FORCE = 'taskforce@demo.tandem.test';
const STAFF = 'staff@demo.tandem.test';
const MENTOR = 'mentor@demo.tandem.test';

/**
 * The advisory task force's workspace on the demo program, as a new task-force member meets it:
 * the period's own figures drawn with their tables (or the reason each is hidden), the way into the
 * survey results, and a wrap-up question across the years. axe checks each view; no page may log an error.
 */
describe.skipIf(skipReason !== null)('the task force’s workspace, in the browser', () => {
  const demo = demoInBrowser('workspace');
  let page: Page;
  const check = (label: string) => demo().check(page, label);

  beforeAll(async () => {
    page = await demo().page('browser');
  });

  it('the task force opens the workspace and sees the period’s figures with their numbers, or why each is hidden', async () => {
    await demo().signIn(page, TASK_FORCE);
    await page.goto(`${demo().server.url}/workspace`);
    await page.getByRole('heading', { level: 1, name: 'Task force workspace' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'The program in numbers' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Applications by role' }).waitFor();
    const section = page.getByRole('region', { name: 'The program in numbers' });
    const figures = section.locator('.chart-data-view');
    await expect.poll(() => figures.count()).toBe(8);
    const tables = await section.getByRole('table').count();
    const hidden = await section.getByText('Not shown.').count();
    // Every figure is either a chart with its table or a stated reason.
    expect(tables + hidden).toBeGreaterThanOrEqual(8);
    expect(tables).toBeGreaterThan(0);
    // A shown figure's table gives each count and its share.
    const first = section.getByRole('table').first();
    await expect
      .poll(() => first.getByRole('columnheader').allInnerTexts())
      .toEqual(['Label', 'Count', expect.stringMatching(/^Share of \d+/)]);
    // Nothing identifying: no e-mail address on the page.
    expect(await page.locator('main').innerText()).not.toMatch(/@/);
    await check('taskforce-figures');

    // An earlier period can be chosen.
    const period = page.getByLabel('Period', { exact: true });
    const options = await period.locator('option').count();
    if (options > 1) {
      await period.selectOption({ index: options - 1 });
      await page.getByText('Counting…').waitFor({ state: 'detached' });
      await expect.poll(() => figures.count()).toBe(8);
      await check('taskforce-figures-earlier-period');
    }
  });

  it('follows a wrap-up question across the years and leads on to the survey results', async () => {
    await page.getByRole('heading', { level: 2, name: 'A question across the years' }).waitFor();
    const question = page.getByLabel('Question', { exact: true });
    await question.waitFor();
    expect(await question.locator('option').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('section[aria-labelledby^="trend-"]').count()).toBeGreaterThan(0);
    await check('taskforce-across-years');
    await page.getByRole('link', { name: 'open the survey results' }).click();
    await page.getByRole('heading', { level: 1, name: 'Survey results' }).waitFor();
    expect(demo().consoleErrors).toEqual([]);
  });

  it('staff see the workspace too; a mentor does not', async () => {
    // Leave each page before the next person signs in, so it asks for nothing once the cookies are cleared.
    await page.goto('about:blank');
    await demo().signIn(page, STAFF);
    await page.goto(`${demo().server.url}/workspace`);
    await page.getByRole('heading', { level: 1, name: 'Task force workspace' }).waitFor();
    await page.goto('about:blank');
    await demo().signIn(page, MENTOR);
    const res = await page.request.get(new URL('/api/program-figures?periodId=1', demo().server.url).toString());
    expect(res.status()).toBe(403);
    expect(demo().consoleErrors).toEqual([]);
  });
});
