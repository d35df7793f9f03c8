import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const STAFF = 'staff@demo.tandem.test';

/** Whether the page scrolls sideways (it must not, on any width). */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
/** The element's rendered height in CSS pixels. */
const heightOf = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())?.height ?? Infinity;

/**
 * The main navigation (issue #19) on the demo program: staff get a grouped sidebar at 1280 px and a
 * Menu button at 360 px, the current page is marked by its route (Matching on a period's matching
 * page, not Periods), and signed-out pages ask who is signed in without a failing request. axe checks
 * every state, and no page may log a console error.
 */
describe.skipIf(skipReason !== null)('the main navigation, in the browser', () => {
  const demo = demoInBrowser('navigation');
  let page: Page;
  const check = (label: string) => demo().check(page, label);
  const nav = () => page.getByRole('navigation', { name: 'Main' });

  beforeAll(async () => {
    page = await demo().page('navigation');
  });

  it('signed out, the home, FAQ and apply pages log no error (nobody signed in is not a 401)', async () => {
    for (const [path, label] of [
      ['/', 'signed-out-home'],
      ['/faq', 'signed-out-faq'],
      ['/apply', 'signed-out-apply'],
    ] as const) {
      await page.goto(`${demo().server.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await check(label);
    }
    const me = await page.evaluate(async () => {
      const res = await fetch('/api/me');
      return { status: res.status, body: (await res.json()) as unknown };
    });
    expect(me).toEqual({ status: 200, body: { user: null } });
    expect(demo().consoleErrors).toEqual([]);
  });

  it('staff at 1280 px: a short header, the menu grouped in a sidebar, Matching marked on a matching page', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await demo().signIn(page, STAFF);
    expect(await heightOf(page, '.site-header')).toBeLessThan(100);
    // The links are there without opening anything; the Menu button is for narrow screens only.
    await expect.poll(() => nav().getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
    for (const group of ['Program year', 'During the year', 'Content', 'Year in review', 'Admin'])
      await nav().getByRole('list', { name: group }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await check('staff-home-1280');

    await nav().getByRole('link', { name: 'Matching' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page
      .getByRole('link', { name: /^Matching for / })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/periods\/\d+\/matching$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const current = nav().locator('[aria-current="page"]');
    await expect.poll(() => current.count()).toBe(1);
    expect(await current.textContent()).toBe('Matching');
    expect(await nav().getByRole('link', { name: 'Periods' }).getAttribute('aria-current')).toBeNull();
    expect(await scrollsSideways(page)).toBe(false);
    await check('staff-matching-1280');

    // The period page itself is Periods'.
    const periodPath = new URL(page.url()).pathname.replace(/\/matching$/, '');
    await page.goto(`${demo().server.url}${periodPath}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => nav().locator('[aria-current="page"]').textContent()).toBe('Periods');
    expect(demo().consoleErrors).toEqual([]);
  });

  it('staff at 360 px: no sideways scroll, and the Menu button opens and closes the same links', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await page.goto(`${demo().server.url}/review`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const menu = nav().getByRole('button', { name: 'Menu' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await nav().getByRole('link', { name: 'Matching' }).count()).toBe(0);
      // Closed, the header and the menu bar take a quarter of the first screen at most (the old menu took half).
      expect((await heightOf(page, '.site-header')) + (await heightOf(page, '.site-nav'))).toBeLessThanOrEqual(740 / 4);
      expect(await scrollsSideways(page)).toBe(false);
      await check('staff-review-360-closed');

      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await nav().getByRole('link', { name: 'Matching' }).waitFor();
      expect(await nav().getByRole('link', { name: 'Matching' }).getAttribute('aria-current')).toBe('page');
      expect(await scrollsSideways(page)).toBe(false);
      await check('staff-review-360-open');

      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await expect.poll(() => nav().getByRole('link', { name: 'Matching' }).count()).toBe(0);

      // Following a link closes the menu on the new page.
      await menu.click();
      await nav().getByRole('link', { name: 'People' }).click();
      await page.getByRole('heading', { level: 1, name: /people/i }).waitFor();
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await scrollsSideways(page)).toBe(false);
      await check('staff-people-360');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(demo().consoleErrors).toEqual([]);
  });
});
