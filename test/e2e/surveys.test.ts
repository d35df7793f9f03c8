import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const STAFF = 'staff@demo.tandem.test';
const MENTOR = 'mentor@demo.tandem.test';
const MENTEE = 'mentee@demo.tandem.test';
const TASK_FORCE = 'taskforce@demo.tandem.test';
const EXTRA_QUESTION = 'What one piece of advice would you give next year’s pairs?';

/** The demo's active cohort is named for the season its matches were announced in. */
const COHORT = /^\d{4} (spring|summer|fall|winter) cohort/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The questions of the answer form, each marked with its kind. */
const questionsOf = (page: Page) => page.getByRole('form', { name: 'Your answers' }).locator('[data-kind]');

async function isAnswered(question: Locator): Promise<boolean> {
  const kind = await question.getAttribute('data-kind');
  if (kind === 'likert' || kind === 'single') return (await question.locator('input[type="radio"]:checked').count()) > 0;
  if (kind === 'multiple') return (await question.locator('input[type="checkbox"]:checked').count()) > 0;
  return (await question.locator('input, textarea').first().inputValue()) !== '';
}

/** A number the question accepts: 3, or its bounds when 3 is outside them. */
async function numberFor(question: Locator): Promise<string> {
  const input = question.locator('input');
  const min = await input.getAttribute('min');
  const max = await input.getAttribute('max');
  let n = 3;
  if (min !== null && n < Number(min)) n = Number(min);
  if (max !== null && n > Number(max)) n = Number(max);
  return String(n);
}

/** Answers one question with the mouse, as most people would. */
async function answerWithPointer(question: Locator): Promise<void> {
  const kind = await question.getAttribute('data-kind');
  if (kind === 'likert') await question.getByRole('radio').nth(3).check();
  else if (kind === 'single') await question.getByRole('radio').first().check();
  else if (kind === 'multiple') await question.getByRole('checkbox').first().check();
  else if (kind === 'number') await question.locator('input').fill(await numberFor(question));
  else if (kind === 'short-text') await question.locator('input').fill('Meeting every other week worked well.');
  else await question.locator('textarea').fill('My mentor helped me prepare for two interviews and I got the second job.');
}

/** Answers one question with the keyboard only: focus, then Space, arrows or typing. */
async function answerWithKeyboard(page: Page, question: Locator): Promise<void> {
  const kind = await question.getAttribute('data-kind');
  if (kind === 'likert' || kind === 'single') {
    await question.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    if (kind === 'likert') await page.keyboard.press('ArrowRight');
  } else if (kind === 'multiple') {
    await question.getByRole('checkbox').first().focus();
    await page.keyboard.press('Space');
  } else {
    const field = question.locator('input, textarea').first();
    await field.focus();
    await page.keyboard.type(kind === 'number' ? await numberFor(question) : 'Kind, patient and practical.');
  }
  expect(await isAnswered(question)).toBe(true);
}

/** "12 of 40 people asked have answered" on a survey's page, as numbers. */
async function answeredSoFar(page: Page): Promise<{ responded: number; invited: number }> {
  const sentence = await page
    .getByText(/\d+ of \d+ (people asked have|person asked has) answered/)
    .first()
    .innerText();
  const [, responded, invited] = /(\d+) of (\d+)/.exec(sentence) ?? [];
  return { responded: Number(responded), invited: Number(invited) };
}

/**
 * Evaluation surveys as people use them, on the demo program. Staff create the cohort's wrap-up
 * survey, add a question, preview it as a mentor and as a mentee, and publish it: its survey window
 * lies near the end of the cohort's year, so it is scheduled, not open. The answering happens on
 * the cohort's open mid-point check-in (in the demo data): the mentor answers in two sittings
 * (autosave, "Save and finish later", leaving and coming back), the mentee finishes her saved draft
 * on a 360 px phone with the keyboard only, and staff see the number of answers rise. The task
 * force reads last year's closed wrap-up survey (results wait until a survey closes). axe checks
 * each page, and no page may log an error.
 */
describe.skipIf(skipReason !== null)('evaluation surveys, in the browser', () => {
  const demo = demoInBrowser('surveys', { env: { JOB_POLL_SECONDS: '0.5' } });
  let page: Page;
  const check = (label: string) => demo().check(page, label);
  const signInAs = (email: string) => demo().signIn(page, email);
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  beforeAll(async () => {
    page = await demo().page('browser');
  });

  it('staff create the wrap-up survey for the cohort, preview it as each role, and schedule it', async () => {
    await signInAs(STAFF);
    await nav('Surveys').click();
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    await check('staff-surveys');

    const period = page.getByLabel('Period', { exact: true });
    const cohort = (await period.locator('option').allInnerTexts()).find((t) => COHORT.test(t));
    expect(cohort).toBeDefined();
    await period.selectOption({ label: cohort ?? '' });
    await page.getByRole('button', { name: 'New wrap-up survey' }).click();
    await page.getByText('This is a draft.').waitFor();
    await check('staff-new-wrap-up');

    // A question of their own, at the end, for mentors only.
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question', { exact: true }).last().fill(EXTRA_QUESTION);
    await page.getByLabel('Kind of answer').last().selectOption('long-text');
    await page.getByLabel('Asked of').last().selectOption('mentor');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();

    await page.getByRole('link', { name: 'Preview as a mentor' }).click();
    await page.getByText('Preview: what mentors see.').waitFor();
    await page.getByLabel(EXTRA_QUESTION).waitFor();
    expect(await page.getByLabel(EXTRA_QUESTION).isDisabled()).toBe(true);
    await check('staff-preview-mentor');

    await page.getByRole('link', { name: 'Preview as a mentee' }).click();
    await page.getByText('Preview: what mentees see.').waitFor();
    // The mentors' question isn't asked of mentees.
    expect(await page.getByLabel(EXTRA_QUESTION).count()).toBe(0);
    await check('staff-preview-mentee');

    await page.getByRole('link', { name: '← Back to the survey' }).click();
    await page.getByText('This is a draft.').waitFor();
    await page.getByRole('button', { name: /^Publish/ }).click();
    await page.getByRole('button', { name: 'Yes, publish' }).click();
    // The survey window is months away: it waits, and invitations go out when it opens.
    await page.getByText(/^Scheduled: it opens on/).waitFor();
    await check('staff-wrap-up-scheduled');
    await nav('Surveys').click();
    const row = page.getByRole('row').filter({ hasText: 'Wrap-up survey' }).filter({ hasText: 'Scheduled' });
    await row.first().waitFor();
  });

  let checkIn = '';
  let before = { responded: 0, invited: 0 };

  it('staff open the running check-in and see how many have answered so far', async () => {
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Check-in' })
      .filter({ has: page.getByText('Open', { exact: true }) })
      .first();
    const link = row.getByRole('rowheader').getByRole('link');
    checkIn = (await link.innerText()).trim();
    await link.click();
    await page.getByRole('heading', { level: 1, name: checkIn }).waitFor();
    before = await answeredSoFar(page);
    expect(before.invited).toBeGreaterThan(before.responded);
    await check('staff-check-in-progress');
  });

  it('the mentor answers part of the check-in, leaves, comes back to find the answers kept, and sends them', async () => {
    await signInAs(MENTOR);
    const card = page.getByRole('region', { name: /Surveys to answer/ });
    await card.getByRole('link', { name: new RegExp(`^(Answer the survey|Carry on answering) ${escapeRegExp(checkIn)}$`) }).click();
    await page.getByRole('heading', { level: 1, name: checkIn }).waitFor();
    await page.getByText('Your answers are kept apart from your name').waitFor();
    await check('mentor-survey-form');

    const questions = questionsOf(page);
    const count = await questions.count();
    expect(count).toBeGreaterThan(1);
    // The first answer saves itself a moment later...
    await answerWithPointer(questions.nth(0));
    await page.getByText(/^Saved at /).waitFor();
    // ...and "Save and finish later" saves the second at once.
    await answerWithPointer(questions.nth(1));
    await page.getByRole('button', { name: 'Save and finish later' }).click();
    await page.getByText('Your answers are saved.').waitFor();
    await check('mentor-saved-for-later');

    await nav('Home').click();
    await page.getByRole('link', { name: new RegExp(`^Carry on answering ${escapeRegExp(checkIn)}$`) }).click();
    await page.getByRole('heading', { level: 1, name: checkIn }).waitFor();
    // Kept on the server too, not only in this tab: a fresh load shows them.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: checkIn }).waitFor();
    expect(await isAnswered(questions.nth(0))).toBe(true);
    expect(await isAnswered(questions.nth(1))).toBe(true);

    for (let i = 2; i < count; i++) await answerWithPointer(questions.nth(i));
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Ready to send your answers?').waitFor();
    await check('mentor-confirm');
    await page.getByRole('button', { name: 'Yes, send my answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await page.getByText(/^Thank you, sent on /).waitFor();
    await check('mentor-thanks');

    await nav('Home').click();
    await page
      .getByRole('region', { name: /Your surveys|Surveys to answer/ })
      .getByText(/^Thank you, sent on /)
      .waitFor();
  });

  it('the mentee finishes her saved draft on a 360 px phone, with the keyboard only', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      await signInAs(MENTEE);
      await page.getByRole('link', { name: new RegExp(`^Carry on answering ${escapeRegExp(checkIn)}$`) }).click();
      await page.getByRole('heading', { level: 1, name: checkIn }).waitFor();
      const questions = questionsOf(page);
      const count = await questions.count();
      const answered: boolean[] = [];
      for (let i = 0; i < count; i++) answered.push(await isAnswered(questions.nth(i)));
      // Her draft from before is there.
      expect(answered.some(Boolean)).toBe(true);
      await page.getByText(/^Saved at /).waitFor();
      await check('mentee-phone-draft');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

      for (let i = 0; i < count; i++) if (!answered[i]) await answerWithKeyboard(page, questions.nth(i));
      await page.getByRole('button', { name: 'Send my answers' }).focus();
      await page.keyboard.press('Enter');
      await page.getByText('Ready to send your answers?').waitFor();
      // The question takes the focus; the next stop is the button that sends.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, send my answers');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await check('mentee-phone-thanks');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('staff see the answers rise on the check-in’s progress', async () => {
    await signInAs(STAFF);
    await nav('Surveys').click();
    await page.getByRole('link', { name: checkIn, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: checkIn }).waitFor();
    const after = await answeredSoFar(page);
    expect(after).toEqual({ responded: before.responded + 2, invited: before.invited });
    // The chart's numbers, as a table.
    const numbers = page.getByText('Show the numbers');
    if ((await numbers.count()) > 0) await numbers.first().click();
    await check('staff-check-in-progress-after');
  });

  it('staff find who hasn’t answered by name and role, a page at a time, on a phone too', async () => {
    const { responded, invited } = await answeredSoFar(page);
    const status = page.getByRole('status').filter({ hasText: /haven’t answered|hasn’t answered|fits this search/ });
    const rows = page.getByRole('table', { name: /People who haven’t answered yet/ }).getByRole('row');
    // "Showing 50 of 61 people who haven’t answered." or "12 people haven’t answered."
    const counted = async () => {
      const text = await status.innerText();
      const [, shown, total] = /Showing ([\d,]+) of ([\d,]+)/.exec(text) ?? /^(([\d,]+))/.exec(text) ?? [];
      return { shown: Number(shown?.replace(/,/g, '')), total: Number(total?.replace(/,/g, '')) };
    };
    await status.waitFor();
    const all = await counted();
    expect(all.total).toBe(invited - responded);
    expect(await rows.count()).toBe(all.shown + 1);
    const more = page.getByRole('button', { name: 'Load more people' });
    if ((await more.count()) > 0) {
      await more.click();
      await rows.nth(all.shown + 1).waitFor();
      expect((await counted()).shown).toBeGreaterThan(all.shown);
    }

    const search = page.getByRole('search', { name: 'Find people who haven’t answered' });
    await search.getByLabel('Role', { exact: true }).selectOption('mentee');
    await page.waitForURL(/role=mentee/);
    await status.filter({ hasText: 'fit this search' }).waitFor();
    const roles = await rows.locator('td[data-label="Role"]').allInnerTexts();
    expect(roles.length).toBeGreaterThan(0);
    expect(new Set(roles)).toEqual(new Set(['Mentee']));

    // The demo mentor and mentee both answered above, so a search for either finds nobody.
    await search.getByLabel('Role', { exact: true }).selectOption('');
    for (const email of [MENTOR, MENTEE]) {
      await search.getByRole('searchbox', { name: 'Name or e-mail address' }).fill(email);
      await search.getByRole('button', { name: 'Search' }).click();
      await page.getByText('Nobody who hasn’t answered fits this search.').waitFor();
    }
    await search.getByRole('button', { name: 'Show everyone who hasn’t answered' }).click();
    await status.filter({ hasNotText: 'fit' }).waitFor();

    // The window narrowed to a phone's, then the page opened on one. The chart's tooltip, once
    // shown on the wide page, keeps its place: the chart clips it rather than the page widening.
    await page.setViewportSize({ width: 360, height: 740 });
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.reload();
      await status.waitFor();
      await check('staff-not-yet-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('the task force reads last year’s closed wrap-up survey in aggregate, and downloads it as CSV', async () => {
    await signInAs(TASK_FORCE);
    await nav('Survey results').click();
    await page.getByRole('heading', { level: 1, name: 'Survey results' }).waitFor();
    await check('taskforce-survey-results');
    // The running check-in is listed, but its results wait until it closes.
    await page.getByRole('row').filter({ hasText: checkIn }).waitFor();
    expect(await page.getByRole('link', { name: checkIn, exact: true }).count()).toBe(0);

    const closed = page
      .getByRole('row')
      .filter({ hasText: 'Wrap-up survey' })
      .filter({ has: page.getByText('Closed', { exact: true }) })
      .first()
      .getByRole('rowheader')
      .getByRole('link');
    const title = (await closed.innerText()).trim();
    await closed.click();
    await page.getByRole('heading', { level: 1, name: `Results: ${title}` }).waitFor();
    await page.getByText(/Results are shown only for groups of \d+ or more people/).waitFor();
    // Scales and choices are drawn with their numbers; the written answers are listed without names.
    expect(await page.getByRole('table', { name: /^Answers to: / }).count()).toBeGreaterThan(0);
    await check('taskforce-wrap-up-results');

    const csv = await page.getByRole('link', { name: 'Download the results as CSV' }).getAttribute('href');
    const res = await page.request.get(new URL(csv ?? '', demo().server.url).toString());
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/text\/csv/);
    expect(demo().consoleErrors).toEqual([]);
  });
});
