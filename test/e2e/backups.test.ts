import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

/**
 * Settings → Backups on the demo program (which backs itself up daily): staff see the warning,
 * the backup the job queue wrote on start, download one now (a real gzip'd archive), and change
 * the schedule. axe checks the page, and no page may log an error.
 */
describe.skipIf(skipReason !== null)('backups, in the browser', () => {
  // Poll the job queue often, so the demo's first scheduled backup is written at once.
  const demo = demoInBrowser('backups', { env: { JOB_POLL_SECONDS: '0.5' } });
  let page: Page;

  beforeAll(async () => {
    page = await demo().page('browser');
  });

  it('staff download a backup and set the schedule', async () => {
    await demo().signIn(page, 'staff@demo.tandem.test');
    await page.goto(`${demo().server.url}/settings`);
    const section = page.getByRole('region', { name: 'Backups' });
    await section.getByText('A backup holds everything.').waitFor();
    // The scheduled backup the demo took on start, listed once it is whole.
    for (let i = 0; i < 40 && (await section.getByRole('cell', { name: /^tandem-.*\.tar\.gz$/ }).count()) === 0; i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await section.getByText('A backup holds everything.').waitFor();
    }
    const kept = section.getByRole('cell', { name: /^tandem-.*\.tar\.gz$/ });
    await kept.waitFor();
    // The backups folder is beside the database, never under what the web server serves.
    const name = await kept.innerText();
    for (const path of [`/backups/${name}`, `/data/backups/${name}`, `/demo/backups/${name}`, `/%2e%2e/backups/${name}`]) {
      const res = await page.request.get(`${demo().server.url}${path}`);
      expect(res.headers()['content-type'] ?? '', path).not.toMatch(/gzip|octet-stream/);
    }
    expect(await section.getByRole('combobox', { name: 'Scheduled backups' }).inputValue()).toBe('daily');
    await demo().check(page, 'settings-backups');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Download a backup now' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tandem-backup-.*Z\.tar\.gz$/);
    const bytes = readFileSync((await download.path()) ?? '');
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]); // gzip
    expect(bytes.length).toBeGreaterThan(10_000);

    await section.getByRole('spinbutton', { name: 'Backups to keep' }).fill('3');
    await section.getByRole('button', { name: 'Save backup schedule' }).click();
    await section.getByText('The backup settings have been saved.').waitFor();
    expect(demo().consoleErrors).toEqual([]);
  });
});
