import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser, openOpenPeriod } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const STAFF = 'staff@demo.tandem.test';

/**
 * The applications list and bulk decisions on the demo program (issue #19): a page at a time
 * with a count and "Load more", filters in the address, then "Decide for all shown": a waitlist
 * and a decline, each previewed before it is confirmed. axe checks each state, the dialog open
 * too; no page may log an error.
 */
describe.skipIf(skipReason !== null)('bulk decisions on the applications list, in the browser', () => {
  const demo = demoInBrowser('bulk-decisions');
  let page: Page;
  const check = (label: string) => demo().check(page, label);
  const count = () =>
    page
      .getByRole('status')
      .filter({ hasText: /applications?( matching these filters)?\.$/ })
      .first()
      .innerText();
  const bodyRows = () => page.getByRole('table', { name: 'Applications', exact: true }).locator('tbody > tr').count();
  /** Filters by status and waits for that list's own count: the line of the list before can linger a moment. */
  const filterBy = async (status: string) => {
    const answered = page.waitForResponse((r) => {
      const url = new URL(r.url());
      return (
        /\/api\/periods\/\d+\/applications$/.test(url.pathname) &&
        url.searchParams.get('status') === status &&
        !url.searchParams.has('after')
      );
    });
    await page.getByRole('search', { name: 'Filter applications' }).getByLabel('Status').selectOption(status);
    await page.getByRole('button', { name: 'Show applications' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe(status);
    const { total } = (await (await answered).json()) as { total: number };
    const counted = new RegExp(`(^| of )${total.toLocaleString('en-US')} applications? matching these filters\\.$`);
    await expect.poll(count).toMatch(counted);
  };

  beforeAll(async () => {
    page = await demo().page('browser');
  });

  it('lists a page at a time, then waitlists and declines everyone a filter shows, each after a preview', async () => {
    await demo().signIn(page, STAFF);
    await openOpenPeriod(page, 'Applications');
    await page.getByRole('button', { name: 'Load more applications' }).waitFor();
    expect(await count()).toMatch(/^Showing 50 of \d+ applications\.$/);
    const all = Number(/of (\d+)/.exec(await count())?.[1]);
    expect(await bodyRows()).toBe(50);
    await check('applications-first-page');
    await page.getByRole('button', { name: 'Load more applications' }).click();
    await expect.poll(bodyRows).toBe(Math.min(100, all));
    await page.getByLabel('Order').selectOption('name');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('name');
    await expect.poll(bodyRows).toBe(50);

    // 1. Everyone still waiting for a decision goes on the waiting list.
    await filterBy('submitted');
    const submitted = Number(/^(\d+) applications?/.exec(await count())?.[1]);
    expect(submitted).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Decide for all shown' }).click();
    const dialog = page.getByRole('dialog', { name: 'Decide for all shown' });
    await dialog.getByText(`This applies to all ${submitted} applications`).waitFor();
    await dialog.getByRole('radio', { name: 'Put on the waiting list' }).check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByRole('heading', { name: 'Preview: nothing has changed yet' }).waitFor();
    expect(await dialog.getByText(`${submitted} applications will be put on the waiting list`).count()).toBe(1);
    expect(await dialog.getByRole('listitem').count()).toBe(Math.min(submitted, 20));
    await check('bulk-waitlist-preview');
    // Nothing changed yet: the list behind still shows them as submitted.
    expect(await count()).toBe(`${submitted} applications matching these filters.`);
    await dialog.getByRole('button', { name: `Yes, waitlist ${submitted} applications` }).click();
    await dialog.getByText(`${submitted} applications put on the waiting list.`).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(count).toBe('0 applications matching these filters.');

    // 2. The waiting list, declined: a reason is needed, and the preview says who is left alone.
    await filterBy('waitlisted');
    const waitlisted = Number(/^(\d+) applications?/.exec(await count())?.[1]);
    expect(waitlisted).toBeGreaterThanOrEqual(submitted);
    await page.getByRole('button', { name: 'Decide for all shown' }).click();
    await dialog.getByRole('radio', { name: 'Decline' }).check();
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByText('Say why, in a sentence the applicants will read.').waitFor();
    await check('bulk-decline-needs-reason');
    await dialog.getByLabel('Reason').fill('We had far more applications than places this year.');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByText(`${waitlisted} applications will be declined`).waitFor();
    await check('bulk-decline-preview');
    await dialog.getByRole('button', { name: `Yes, decline ${waitlisted} applications` }).click();
    await dialog.getByText(`${waitlisted} applications declined.`).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(count).toBe('0 applications matching these filters.');

    // 3. A second look at the declined ones: declining them again would change nobody.
    await filterBy('declined');
    await page.getByRole('button', { name: 'Decide for all shown' }).click();
    await dialog.getByRole('radio', { name: 'Decline' }).check();
    await dialog.getByLabel('Reason').fill('Again.');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByText('Nobody would change.').waitFor();
    await dialog.getByText(/^Already declined: \d+ applications?$/).waitFor();
    expect(await dialog.getByRole('button', { name: /^Yes,/ }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Each person was e-mailed: the outbox has the decline with its reason.
    await page.goto(`${demo().server.url}/outbox?q=${encodeURIComponent('About your application')}`);
    await page.getByRole('heading', { level: 1, name: /outbox/i }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /messages? matching this search/ })
          .first()
          .innerText(),
      )
      .toMatch(new RegExp(`^(Showing \\d+ of )?${waitlisted} messages? matching this search\\.$`));

    expect(demo().consoleErrors).toEqual([]);
  });
});
