import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, expectNoAxeViolations, screenshot } from '../setup/browser.ts';
import { demoInBrowser, openOpenPeriod } from '../setup/demo-in-browser.ts';
import { csv, HEADER, manyRows, row } from '../fixtures/applications/import-csv.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const GOOD = 6_000;

/**
 * Staff import applications from CSV files on the demo program, in the background (issue #16): a
 * file of more rows than the old 5,000 limit is checked (its two bad rows listed, every row
 * counted), then its good rows imported while the page shows the steps, and the list counts them;
 * a file with odd headings needs its columns matched first; a file that cannot be read says why.
 * axe checks the preview and the done states; no page may log an error.
 */
describe.skipIf(skipReason !== null)('importing applications from a CSV file, in the browser', () => {
  const demo = demoInBrowser('application-import');
  let page: Page;
  const check = (label: string) => demo().check(page, label);
  const listCount = () =>
    page
      .getByRole('status')
      .filter({ hasText: /applications?\.$/ })
      .first()
      .innerText();
  /** The total of the period's applications, as the list says it (once it has stopped updating). */
  const listTotal = async () => {
    await expect.poll(listCount).toMatch(/^(Showing [\d,]+ of )?[\d,]+ applications?\.$/);
    return Number(/([\d,]+) applications?\.$/.exec(await listCount())?.[1]?.replaceAll(',', ''));
  };
  const chooseFile = async (name: string, text: string | Buffer) => {
    await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByRole('button', { name: 'Check the file' }).click();
  };
  /** Keeps every text the progress bar shows, however briefly, in window.seenProgress. */
  const watchProgress = () =>
    page.evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { seenProgress: seen });
      new MutationObserver(() => {
        const text = document.querySelector('.upload-progress p.muted')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  const seenProgress = () => page.evaluate(() => (window as unknown as { seenProgress: string[] }).seenProgress);

  beforeAll(async () => {
    page = await demo().page('staff');
  });

  it('checks a file of 6,002 rows, lists its 2 bad rows, imports the 6,000 good ones with progress, and the list counts them', async () => {
    await demo().signIn(page, 'staff@demo.tandem.test');
    await openOpenPeriod(page, 'Applications');
    const before = await listTotal();
    await page.getByRole('link', { name: 'Import from CSV' }).click();
    await page.getByRole('heading', { level: 1, name: /^Import applications for/ }).waitFor();
    await page.getByText('up to 100,000 rows').first().waitFor();

    // 1. The preview: every row counted, only the bad ones listed, nothing written.
    const rows = manyRows(GOOD, 'e2e-import-');
    rows.splice(1234, 0, row('atlantis@example.org', { name: 'Atlantis Applicant', region: 'Atlantis' }));
    rows.splice(4321, 0, row('no-interests@example.org', { name: 'Uninterested Applicant', interests: '' }));
    await watchProgress();
    await chooseFile('applications.csv', csv(...rows));
    const preview = page.getByRole('status').filter({ hasText: 'Nothing has been imported yet.' });
    await preview.getByText('6,002 rows: 6,000 good, 2 with problems.').waitFor();
    const problems = page.getByRole('table', { name: 'Rows with problems' });
    const problemRows = problems.locator('tbody > tr');
    expect(await problemRows.count()).toBe(2);
    expect(await problemRows.nth(0).innerText()).toMatch(/^1236\s+Atlantis Applicant\s+atlantis@example\.org\s+mentee\s+Region:/);
    expect(await problemRows.nth(1).innerText()).toMatch(/^4323\s+Uninterested Applicant\s+no-interests@example\.org\s+mentee\s+Interests/);
    expect(await page.getByText(/^Showing the first/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import all (only if every row is good)' }).isDisabled()).toBe(true);
    await check('import-preview');

    // 2. The good rows only: the page follows the server's steps until it is done. Once it has
    // shown one, the next answers are held back (not changed) so that axe checks a still page.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let stepShown = false;
    await page.route(/\/api\/application-imports\/\d+$/, async (route) => {
      if (stepShown) await released;
      const response = await route.fetch();
      const body = (await response.json()) as { status: string; progress: unknown };
      if (body.status === 'running' && body.progress !== null) stepShown = true;
      await route.fulfill({ response });
    });
    await page.getByRole('button', { name: 'Import the good rows only' }).click();
    const bar = page.getByRole('progressbar', { name: 'Importing applications.csv' });
    await bar.waitFor();
    try {
      // The live region, told only the step and its tens of percent.
      await page
        .getByRole('status')
        .filter({ hasText: /^(Reading and checking the file|Writing applications): \d+%$/ })
        .waitFor({ state: 'attached' });
      expect(await page.getByRole('button', { name: 'Check the file' }).isDisabled()).toBe(true);
      await expectNoAxeViolations(page, 'import-progress');
      await screenshot(page, 'application-import-progress');
    } finally {
      release();
      await page.unrouteAll({ behavior: 'wait' });
    }
    const done = page.getByRole('status').filter({ hasText: 'Imported 6,000 applications.' });
    await done.waitFor({ timeout: 60_000 });
    await done.getByText('2 rows with problems were left out.').waitFor();
    expect(await page.getByRole('progressbar').count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Rows with problems' }).locator('tbody > tr').count()).toBe(2);
    const steps = await seenProgress();
    expect(steps.length, steps.join(' | ')).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step).toMatch(
        /^(Sending the file: \d+%|Starting…|Reading and checking the file: \d+%|Writing applications: [\d,]+ of 6,000)$/,
      );
    }
    // A file of 6,000 rows takes long enough to be seen at some step on the server, not only going up.
    expect(
      steps.some((s) => /^(Reading|Writing)/.test(s)),
      steps.join(' | '),
    ).toBe(true);
    await check('import-done');

    await page.getByRole('link', { name: 'Review the applications' }).click();
    await page.getByRole('heading', { level: 1, name: /^Applications for/ }).waitFor();
    await expect.poll(listTotal).toBe(before + GOOD);
    expect(demo().consoleErrors).toEqual([]);
  });

  it('matches odd headings to Tandem’s fields before importing, all or nothing', async () => {
    await page.getByRole('link', { name: 'Import from CSV' }).click();
    await page.getByRole('heading', { level: 1, name: /^Import applications for/ }).waitFor();
    const odd = csv(row('odd-1@example.org'), row('odd-2@example.org'), row('odd-3@example.org')).replace(
      /^email,name,/,
      'Contact,Person,',
    );
    await chooseFile('from-the-form.csv', odd);
    await page.getByText('2 required fields have no column yet').waitFor();
    const columns = page.getByRole('form', { name: 'Match the columns' });
    await columns.getByLabel('E-mail address').selectOption('Contact');
    await columns.getByLabel('Name', { exact: true }).selectOption('Person');
    await columns.getByRole('button', { name: 'Check again with these columns' }).click();
    await page.getByText('3 rows: 3 good, 0 with problems.').waitFor();
    await page.getByText('Every row is good: 3 rows ready to import.').waitFor();
    await check('import-mapped-preview');
    await page.getByRole('button', { name: 'Import all (only if every row is good)' }).click();
    await page.getByRole('status').filter({ hasText: 'Imported 3 applications.' }).waitFor();
    await page.getByText('None: every row was imported.').waitFor();

    // The page lists the period's latest checks and imports, newest first: this import, the two
    // checks before it (the first found no column for two fields), the first test's import, and
    // the demo's.
    const recent = page.getByRole('table', { name: 'Recent checks and imports of applications for this period' });
    const outcomes = () =>
      recent.locator('tbody > tr').evaluateAll((rows) =>
        rows.map((r) =>
          [...r.querySelectorAll('td')]
            .slice(1)
            .map((c) => c.textContent?.trim() ?? '')
            .join(' | '),
        ),
      );
    await expect.poll(async () => (await outcomes())[0]).toMatch(/^Import \(all or nothing\) \| \d+ bytes \| Done 3 imported$/);
    const seen = await outcomes();
    expect(seen[1]).toMatch(/^Check \| \d+ bytes \| Done 3 rows: 3 good$/);
    expect(seen[2]).toMatch(/^Check \| \d+ bytes \| Done Columns to match first: 2 required fields had none$/);
    expect(seen).toContainEqual(expect.stringMatching(/^Import \(good rows only\) \| [\d.]+ MB \| Done 6,000 imported, 2 left out$/));
    // The demo's own history: the spring form's spreadsheet, imported a week ago.
    expect(seen).toContainEqual('Import (good rows only) | 40 KB | Done 77 imported, 2 left out');
    await check('import-recent');
    expect(demo().consoleErrors).toEqual([]);
  });

  it('says why a file that cannot be read failed, or was refused, and lets another file be chosen', async () => {
    await page.getByLabel('CSV file').waitFor();
    await chooseFile('broken.csv', `${HEADER}\n"unclosed,quote\n`);
    const failed = page.getByRole('alert').filter({ hasText: 'We couldn’t check that file.' });
    await failed.waitFor();
    expect(await failed.innerText()).toMatch(/quote|CSV/i);
    await check('import-failed');
    // A file saved in another encoding is refused at once ("Jörg" in Latin-1), before any import begins.
    await chooseFile('latin-1.csv', Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x4a, 0xf6, 0x72, 0x67, 0x0a])]));
    await page
      .getByRole('alert')
      .filter({ hasText: 'We couldn’t check that file.' })
      .getByText(/not UTF-8/)
      .waitFor();
    await chooseFile('one-more.csv', csv(row('one-more@example.org')));
    await page.getByText('1 row: 1 good, 0 with problems.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    // The browser logs the refusal's 422 itself; nothing else may be logged.
    expect(demo().consoleErrors.filter((e) => !/status of 422.*\/application-imports\?/.test(e))).toEqual([]);
  });
});
