import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const STAFF = 'staff@demo.tandem.test';

/**
 * The people list on the demo program (about 200 accounts, issue #19): a page at a time with a
 * count, a search and a role filter that land in the address, "Load more", and a shared address
 * that opens the same view. axe checks each state; no page may log an error.
 */
describe.skipIf(skipReason !== null)('the people list, in the browser', () => {
  const demo = demoInBrowser('people-list');
  let page: Page;
  const check = (label: string) => demo().check(page, label);
  const count = () =>
    page
      .getByRole('status')
      .filter({ hasText: /people/ })
      .first()
      .innerText();
  const bodyRows = () => page.getByRole('table', { name: 'People with an account' }).locator('tbody > tr').count();

  beforeAll(async () => {
    page = await demo().page('browser');
  });

  it('shows the first page with a count, searches and filters, loads more, and a shared address opens the same view', async () => {
    await demo().signIn(page, STAFF);
    await page.goto(`${demo().server.url}/people`);
    await page.getByRole('heading', { level: 1, name: /people/i }).waitFor();
    await page.getByRole('button', { name: 'Load more people' }).waitFor();
    expect(await count()).toMatch(/^Showing 50 of \d{3} people\.$/);
    expect(await bodyRows()).toBe(50);
    await check('people-first-page');

    const search = page.getByRole('search', { name: 'Find people' });
    await search.getByLabel('Name or e-mail address').fill('DEMO.tandem');
    await search.getByRole('button', { name: 'Search' }).click();
    // Wait for the list of mentees itself: until it arrives the page may still show the previous
    // search's count, then "Loading people…".
    const mentees = page.waitForResponse((r) => r.url().includes('/api/users?') && new URL(r.url()).searchParams.get('role') === 'mentee');
    await search.getByLabel('Role').selectOption('mentee');
    await mentees;
    await expect.poll(() => new URL(page.url()).searchParams.get('role')).toBe('mentee');
    expect(new URL(page.url()).searchParams.get('q')).toBe('DEMO.tandem');
    await expect.poll(count).toMatch(/^Showing 50 of \d+ people matching this search\.$/);
    const total = Number(/of (\d+)/.exec(await count())?.[1]);
    expect(total).toBeGreaterThan(50);
    expect(total).toBeLessThan(200);

    await page.getByRole('button', { name: 'Load more people' }).click();
    await expect.poll(bodyRows).toBe(Math.min(100, total));
    expect(await count()).toBe(
      total > 100 ? `Showing 100 of ${total} people matching this search.` : `${total} people matching this search.`,
    );
    await check('people-loaded-more');

    // The address holds the view: reloaded, or opened by someone it was sent to, it shows the same search.
    const shared = page.url();
    await page.reload();
    await expect.poll(count).toBe(`Showing 50 of ${total} people matching this search.`);
    expect(await search.getByLabel('Name or e-mail address').inputValue()).toBe('DEMO.tandem');
    expect(await search.getByLabel('Role').inputValue()).toBe('mentee');
    const other = await demo().page('colleague');
    await demo().signIn(other, STAFF);
    await other.goto(shared);
    await expect
      .poll(() =>
        other
          .getByRole('status')
          .filter({ hasText: /people/ })
          .first()
          .innerText(),
      )
      .toBe(`Showing 50 of ${total} people matching this search.`);
    await other.close();

    // A narrower search: every row is a Brennan, and nothing more to load.
    await search.getByLabel('Name or e-mail address').fill('brennan');
    await page.keyboard.press('Enter');
    await expect.poll(count).toMatch(/^\d people matching this search\.$/);
    const names = await page.getByRole('table', { name: 'People with an account' }).getByRole('rowheader').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/Brennan/);
    expect(await page.getByRole('button', { name: 'Load more people' }).count()).toBe(0);
    await check('people-narrow-search');

    await search.getByRole('button', { name: 'Show everyone' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(count).toMatch(/^Showing 50 of \d{3} people\.$/);

    expect(demo().consoleErrors).toEqual([]);
  });

  it('the outbox and the audit log search the same way, with a count and the view in the address', async () => {
    await page.goto(`${demo().server.url}/outbox?q=${encodeURIComponent('mentee@demo.tandem.test')}`);
    await page.getByRole('heading', { level: 1, name: /outbox/i }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /messages? matching this search/ })
          .count(),
      )
      .toBe(1);
    expect(await page.getByLabel('Recipient’s e-mail address or subject').inputValue()).toBe('mentee@demo.tandem.test');
    await check('outbox-search');

    await page.goto(`${demo().server.url}/outbox`);
    await page.getByRole('button', { name: 'Load more messages' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Messages' }).locator('tbody > tr').count()).toBe(100);

    await page.goto(`${demo().server.url}/audit`);
    await page.getByRole('heading', { level: 1, name: /audit log/i }).waitFor();
    const search = page.getByRole('search', { name: 'Search the audit log' });
    await search.getByLabel('Action or person').fill('period');
    await search.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('period');
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: /entr(y|ies) matching this search/ })
          .count(),
      )
      .toBe(1);
    await check('audit-search');
    await page.reload();
    expect(await search.getByLabel('Action or person').inputValue()).toBe('period');

    expect(demo().consoleErrors).toEqual([]);
  });
});
