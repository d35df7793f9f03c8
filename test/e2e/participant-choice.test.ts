import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser, DEMO_PASSWORD } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const STAFF = 'staff@demo.tandem.test';
const CHOOSER = 'chooser@demo.tandem.test';
/** The demo mentee whose request waits (staff close it above): she states wishes once the period is hybrid. */
const WISHING_MENTEE = 'thandiwe.nkosi@demo.tandem.test';
const NOTE = 'I run a small bilingual storytime and would love help growing it into a program.';

interface OutboxMessage {
  toAddress: string;
  toName: string;
  subject: string;
  textBody: string;
  kind: string;
}

/** No part of the page reaches past the screen's edge (a 360 px phone). */
async function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * Participant choice on the demo program, as new people would live it: the chooser compares three
 * of her suggested mentors (on a phone too), asks one with a note; the mentor follows the link in
 * the e-mail (read from the outbox), signs in and accepts; both then see their match page. The
 * mentor edits her card with a photo, and staff see the period's requests and step in on one.
 * axe checks each page on the way, and no page may log an error.
 */
describe.skipIf(skipReason !== null)('mentees choose their mentor, in the browser', () => {
  const demo = demoInBrowser('participant-choice');
  let page: Page;
  let staff: Page;
  const check = (label: string, on: Page = page) => demo().check(on, label);
  const h1 = (on: Page, name: string | RegExp) => on.getByRole('heading', { level: 1, name }).waitFor();

  let chooserName = '';
  let mentorName = '';
  let mentorEmail = '';
  let requestPath = '';
  let periodId = 0;

  beforeAll(async () => {
    page = await demo().page('browser');
    staff = await demo().page('staff');
  });

  it('the chooser compares three suggestions and asks one mentor with a note', async () => {
    await demo().signIn(page, CHOOSER);
    chooserName = ((await page.evaluate(async () => (await fetch('/api/me')).json())) as { user: { name: string } }).user.name;
    await page.getByRole('heading', { name: 'Choose your mentor' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a mentor' }).click();
    await h1(page, 'Find your mentor');
    await page.getByText('You can ask 1 mentor at a time.').waitFor();

    // Three suggestions side by side, best first, each with its details and why they may fit.
    const cards = page.getByRole('region', { name: 'Your suggested mentors' }).getByRole('article');
    await cards.nth(2).waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    await cards.first().getByText('Your best fit').waitFor();
    const names: string[] = [];
    for (const i of [0, 1, 2]) {
      const card = cards.nth(i);
      const name = (await card.getByRole('heading', { level: 3 }).innerText()).trim();
      names.push(name);
      for (const term of ['Workplace', 'Experience', 'Expertise', 'Languages', 'Where']) {
        await card.getByRole('term').filter({ hasText: term }).waitFor();
      }
      await card.getByRole('heading', { level: 4, name: /^What .+ offers$/ }).waitFor();
      await card.getByRole('heading', { level: 4, name: 'Why you may fit' }).waitFor();
      expect(await card.getByRole('listitem').count()).toBeGreaterThan(0);
      await card.getByText(/places? left$/).waitFor();
      await card.getByRole('button', { name: `Ask ${name}` }).waitFor();
    }
    const boxes = await Promise.all([0, 1, 2].map((i) => cards.nth(i).boundingBox()));
    expect(boxes[1]?.y).toBe(boxes[0]?.y);

    // The comparison table puts them next to each other.
    await page.getByText('Compare your suggestions side by side').click();
    const table = page.getByRole('table', { name: /Your suggested mentors/ });
    for (const name of names) await table.getByRole('columnheader', { name }).waitFor();
    await check('chooser-suggestions');

    // On a phone the cards stack, and nothing reaches past the screen.
    await page.setViewportSize({ width: 360, height: 800 });
    await expect.poll(() => fitsWidth(page)).toBe(true);
    const stacked = await Promise.all([0, 1].map((i) => cards.nth(i).boundingBox()));
    expect(stacked[1]?.y ?? 0).toBeGreaterThan(stacked[0]?.y ?? 0);
    await check('chooser-suggestions-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // She asks her best fit, with a note.
    mentorName = names[0] ?? '';
    const chosen = cards.filter({ has: page.getByRole('heading', { level: 3, name: mentorName, exact: true }) });
    await chosen.getByRole('button', { name: `Ask ${mentorName}` }).click();
    const form = chosen.getByRole('form', { name: `Ask ${mentorName}` });
    const note = form.getByLabel(/^A note to /);
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.fill(NOTE);
    await form
      .getByText(`${1000 - NOTE.length} characters left of 1000`)
      .first()
      .waitFor();
    await check('chooser-asking');
    await form.getByRole('button', { name: 'Send my request' }).click();
    await chosen.getByText('Request sent — waiting for an answer').waitFor();
    // The form is gone: the focus moves to what became of the request, and it is announced.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Request sent/);
    await page.getByText(`Your request to ${mentorName} has been sent.`, { exact: false }).waitFor({ state: 'attached' });
    await chosen.getByText(/\(answer by .+\)/).waitFor();
    await chosen.getByRole('button', { name: /^Withdraw/ }).waitFor();
    await page.getByText(/You are waiting for an answer\./).waitFor();
    // One at a time: nobody else can be asked now.
    expect(await page.getByRole('button', { name: /^Ask / }).count()).toBe(0);
    await check('chooser-asked');

    expect(demo().consoleErrors).toEqual([]);
  });

  it('the mentor follows the link in her e-mail, signs in and accepts', async () => {
    // Demo mail goes to the outbox; staff can read it.
    await demo().signIn(staff, STAFF);
    const outbox = await staff.request.get(`${demo().server.url}/api/outbox?limit=200`);
    expect(outbox.ok()).toBe(true);
    const messages = ((await outbox.json()) as { messages: OutboxMessage[] }).messages;
    const mail = messages.find((m) => m.kind === 'mentor-request' && m.toName === mentorName && m.subject.startsWith(chooserName));
    if (!mail) throw new Error(`no request e-mail to ${mentorName}`);
    expect(mail.textBody).toContain(NOTE);
    mentorEmail = mail.toAddress;
    requestPath = /\/requests\/\d+/.exec(mail.textBody)?.[0] ?? '';
    expect(requestPath).not.toBe('');

    // Signed out, the link asks her to sign in first, then brings her to the request.
    await page.context().clearCookies();
    await page.goto(`${demo().server.url}${requestPath}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByLabel('E-mail address').fill(mentorEmail);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === requestPath);
    await h1(page, `${chooserName} would like you as their mentor`);
    await page.getByText(NOTE).waitFor();
    await page.getByRole('heading', { name: 'Why you may fit' }).waitFor();
    await page.getByText(/^Answer by /).waitFor();
    await check('mentor-request');

    await page.getByRole('button', { name: `Accept ${chooserName}` }).click();
    await page.getByText(`You are ${chooserName}’s mentor now.`).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('answer-outcome');
    await check('mentor-accepted');
    await page.getByRole('link', { name: `Open your match with ${chooserName}` }).click();
    await h1(page, `Your match with ${chooserName}`);
    await check('mentor-match-page');

    expect(demo().consoleErrors).toEqual([]);
  });

  it('the chooser sees her match page with her mentor', async () => {
    await demo().signIn(staff, CHOOSER);
    await staff.goto(`${demo().server.url}/choose`);
    await h1(staff, 'Find your mentor');
    await staff
      .getByRole('link', { name: `Open your match with ${mentorName}` })
      .first()
      .click();
    await h1(staff, `Your match with ${mentorName}`);
    await check('chooser-match-page', staff);
    // Her home shows her mentor, and no longer asks her to choose.
    await staff.getByRole('link', { name: 'Home', exact: true }).click();
    await staff.getByRole('region', { name: `Your mentor: ${mentorName}` }).waitFor();
    expect(await staff.getByRole('heading', { name: 'Choose your mentor' }).count()).toBe(0);
    const findMentor = staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a mentor' });
    await expect.poll(() => findMentor.count()).toBe(0);

    expect(demo().consoleErrors).toEqual([]);
  });

  it('the mentor writes what she offers and adds a photo, and sees her card as mentees do', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My card' }).click();
    await h1(page, 'Your mentor card');
    const offer = page.getByRole('form', { name: 'What I offer' });
    await offer.getByLabel('What I offer').fill('Practical help with storytimes and grant writing, every other week by video.');
    await offer.getByRole('button', { name: 'Save what I offer' }).click();
    await offer.getByText('Your card has been saved.').waitFor();

    const photo = await sharp({ create: { width: 480, height: 360, channels: 3, background: '#2f6f8f' } })
      .png()
      .toBuffer();
    const upload = page.getByRole('form', { name: 'Add a photo' });
    await upload.getByLabel('Photo', { exact: true }).setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: photo });
    await upload.getByRole('button', { name: 'Upload the photo' }).click();
    // With no description it says what is missing, beside the field.
    await upload.getByText('Describe the photo in a few words, for people who cannot see it.').waitFor();
    await upload.getByLabel('Describe the photo').fill(`${mentorName} at the library`);
    await upload.getByRole('button', { name: 'Upload the photo' }).click();
    await page.getByText('Your photo is on your card.').waitFor();
    const preview = page.getByRole('region', { name: 'How mentees see your card' });
    await preview.getByRole('img', { name: `${mentorName} at the library` }).waitFor();
    await expect
      .poll(() => preview.getByRole('img').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth))
      .toBe(320);
    await preview.getByText('Practical help with storytimes and grant writing').waitFor();
    await check('mentor-card');

    expect(demo().consoleErrors).toEqual([]);
  });

  it("staff see the period's requests, filter them and step in on one", async () => {
    await demo().signIn(staff, STAFF);
    const periods = (
      (await (await staff.request.get(`${demo().server.url}/api/periods`)).json()) as {
        periods: { id: number; name: string; matchingMode: string }[];
      }
    ).periods;
    const period = periods.find((p) => p.matchingMode === 'participant_choice');
    if (!period) throw new Error('the demo has no period where mentees choose');
    periodId = period.id;
    await staff.goto(`${demo().server.url}/periods/${period.id}`);
    await h1(staff, period.name);
    await staff.getByText('How pairs are made:').waitFor();
    await staff.getByRole('link', { name: 'Mentor requests' }).click();
    await h1(staff, `Mentor requests: ${period.name}`);
    const accepted = staff.getByRole('heading', { level: 3, name: `${chooserName} asked ${mentorName}` });
    await accepted.waitFor();
    await check('staff-requests', staff);

    await staff.getByLabel('Show').selectOption('pending');
    await staff.getByText(/^\d+ requests?: waiting for an answer\.$/).waitFor();
    expect(await accepted.count()).toBe(0);
    // The demo has a mentee who was declined once and has asked another mentor since: her request waits.
    const waiting = staff.getByRole('listitem').filter({ has: staff.getByRole('button', { name: /^Step in/ }) });
    const title = (await waiting.first().getByRole('heading', { level: 3 }).innerText()).trim();
    // The item by its title: its "Step in" button gives way to the step-in form.
    const item = staff.getByRole('listitem').filter({ has: staff.getByRole('heading', { level: 3, name: title, exact: true }) });
    await item.getByRole('button', { name: /^Step in/ }).click();
    await item.getByLabel('Close the request').check();
    await item.getByLabel(/^A note to /).fill('The program office will find you a mentor this week.');
    await check('staff-step-in', staff);
    await item.getByRole('button', { name: /^Close/ }).click();
    await staff.getByRole('button', { name: 'Yes, close it' }).click();
    await staff.getByText(/^You closed .+’s request to .+\.$/).waitFor();
    // It leaves the list of requests that wait.
    await expect.poll(() => item.count()).toBe(0);
    await check('staff-stepped-in', staff);

    expect(demo().consoleErrors).toEqual([]);
  });

  it('staff set the request rules and make the period hybrid; a mentee states her wishes in order', async () => {
    await staff.goto(`${demo().server.url}/settings`);
    const rules = staff.getByRole('form', { name: 'When mentees choose their mentor' });
    await expect.poll(() => rules.getByLabel('Mentors a mentee may ask at once').inputValue()).toBe('1');
    await rules.getByLabel('Days a mentor has to answer').fill('10');
    await rules.getByRole('button', { name: 'Save request rules' }).click();
    await rules.getByText('The request rules have been saved.').waitFor();

    await staff.goto(`${demo().server.url}/periods/${periodId}`);
    const form = staff.getByRole('form', { name: 'Edit name, dates and how pairs are made' });
    await form.getByLabel('How pairs are made').selectOption('hybrid');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await staff.getByText('Your changes have been saved.').waitFor();
    await staff.getByText('How pairs are made:').locator('..').getByText('Mentees state wishes, committee matches').waitFor();
    // Requests belong to periods where mentees ask.
    expect(await staff.getByRole('link', { name: 'Mentor requests' }).count()).toBe(0);

    await demo().signIn(page, WISHING_MENTEE);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Find a mentor' }).click();
    await h1(page, 'Find your mentor');
    const wishes = page.getByRole('region', { name: 'Your wishes' });
    await wishes.getByText('No wishes yet.').waitFor();
    const cards = page.getByRole('region', { name: 'Your suggested mentors' }).getByRole('article');
    const first = (await cards.nth(0).getByRole('heading', { level: 3 }).innerText()).trim();
    const second = (await cards.nth(1).getByRole('heading', { level: 3 }).innerText()).trim();
    await cards
      .nth(0)
      .getByRole('button', { name: `Add ${first} to my wishes` })
      .click();
    await cards.nth(0).getByText('Your wish no. 1').waitFor();
    await cards
      .nth(1)
      .getByRole('button', { name: `Add ${second} to my wishes` })
      .click();
    await cards.nth(1).getByText('Your wish no. 2').waitFor();
    // She would rather have her second suggestion first.
    await wishes.getByRole('button', { name: `Move up wish: ${second}` }).click();
    await cards.nth(1).getByText('Your wish no. 1').waitFor();
    await expect
      .poll(() => wishes.getByRole('listitem').allInnerTexts())
      .toEqual([expect.stringContaining(second), expect.stringContaining(first)]);
    await check('mentee-wishes');
    // Saved: the server gives them back in her order.
    const saved = (await page.evaluate(async () => (await fetch('/api/my/wishes')).json())) as { mentorIds: number[] };
    expect(saved.mentorIds).toHaveLength(2);

    expect(demo().consoleErrors).toEqual([]);
  });
});
