import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

/**
 * Staff download CSV files on the demo program: the goal sheets of the cohort in its second month,
 * for Excel (with a byte-order mark), then that period's matches from the period's page without
 * one, and the committee the same matches from the matching page. Each file parses back; axe checks
 * each page, and no page may log an error.
 */
describe.skipIf(skipReason !== null)('CSV downloads, in the browser', () => {
  const demo = demoInBrowser('exports');
  let page: Page;

  beforeAll(async () => {
    page = await demo().page('staff');
  });

  const download = async (link: ReturnType<Page['getByRole']>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };

  it('staff download the goal sheets for Excel and a period’s matches from its page; the committee from matching', async () => {
    await demo().signIn(page, 'staff@demo.tandem.test');
    await page.goto(`${demo().server.url}/goal-sheets`);
    await page.getByRole('heading', { level: 1, name: 'Goal sheets' }).waitFor();
    await page.getByRole('checkbox', { name: 'for Excel (adds a BOM)' }).check();
    await demo().check(page, 'goal-sheets-download');
    const sheets = await download(page.getByRole('link', { name: /^Download CSV of every goal sheet of / }));
    expect(sheets.name).toMatch(/^goal-sheets-[a-z0-9-]+\.csv$/);
    expect(sheets.text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(sheets.text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThanOrEqual(30); // the demo's 30 matches, more rows where a sheet has several goals
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['Mentor', 'Mentee', 'Sheet status', 'Goal', 'Program goals']));

    const { period } = (await (await page.request.get(`${demo().server.url}/api/goal-sheets`)).json()) as { period: { id: number } };
    await page.goto(`${demo().server.url}/periods/${period.id}`);
    await page.getByRole('heading', { level: 2, name: 'Download the period’s data' }).waitFor();
    await demo().check(page, 'period-downloads');
    const matches = await download(page.getByRole('link', { name: 'Download matches (CSV)' }));
    expect(matches.name).toMatch(/^matches-[a-z0-9-]+\.csv$/);
    expect(matches.text.startsWith('\uFEFF')).toBe(false);
    const pairs = parse(matches.text, { columns: true }) as Record<string, string>[];
    expect(pairs.length).toBe(new Set(rows.map((r) => r.Match)).size);
    expect(pairs.every((p) => p['Mentor e-mail']!.includes('@'))).toBe(true);

    // The committee, who may not open the period's page, download the matches from the matching page.
    await demo().signIn(page, 'committee@demo.tandem.test');
    await page.goto(`${demo().server.url}/periods/${period.id}/matching`);
    await page.getByRole('heading', { level: 1, name: /^Matching for / }).waitFor();
    await demo().check(page, 'matching-download');
    const again = await download(page.getByRole('link', { name: /^Download matches \(CSV\) of / }));
    expect(again.text).toBe(matches.text);
    expect(demo().consoleErrors).toEqual([]);
  });
});
