import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason } from '../setup/browser.ts';
import { demoInBrowser } from '../setup/demo-in-browser.ts';

const skipReason = process.env.CI === 'true' ? null : browserSkipReason();
if (skipReason) process.stderr.write(`\n!!!\n!!! Browser tests SKIPPED: ${skipReason}\n!!!\n\n`);

const STAFF = 'staff@demo.tandem.test';
const MENTEE = 'mentee@demo.tandem.test';
const FORUM = 'December forum: plans for the new year';
const TRAINING = 'Mentoring well: a training webinar for mentors and mentees';

/** Half a second of silence as a WAV file: a recording Chromium can really play. */
function silentWav(): Buffer {
  const rate = 8000;
  const samples = rate / 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

/** Ten days from now, as a date in Chicago (the demo program's zone). */
function tenDaysAhead(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date(Date.now() + 10 * 86_400_000));
}

/**
 * Events as people use them, on the demo program: staff schedule a forum for the cohort and
 * publish it; the mentee answers from the link in her invitation (read in the outbox), without
 * signing in, and finds it on her home page; staff take attendance of the past training and
 * upload its recording; the mentee plays it from the archive. axe checks each page, and no page
 * may log an error.
 */
describe.skipIf(skipReason !== null)('forums, answers and recordings, in the browser', () => {
  // The worker looks for due jobs every half second, so invitations reach the outbox quickly.
  const demo = demoInBrowser('events', { env: { JOB_POLL_SECONDS: '0.5' } });
  let page: Page;
  const check = (label: string) => demo().check(page, label);
  const signInAs = (email: string) => demo().signIn(page, email);

  beforeAll(async () => {
    page = await demo().page('browser');
  });

  it('staff schedule an hour-long online forum for the cohort and publish it', async () => {
    await signInAs(STAFF);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await check('staff-events');
    await page.getByRole('link', { name: 'Schedule an event' }).click();
    await page.getByLabel('Kind of event').selectOption('forum');
    await page.getByLabel('Title').fill(FORUM);
    await page
      .getByLabel('Description')
      .fill('An hour for every match: what you plan for the new year. Agenda: https://example.org/agenda');
    await page.getByLabel('Date').fill(tenDaysAhead());
    await page.getByLabel('Start time').fill('18:00');
    await page.getByLabel('Length', { exact: true }).selectOption('60');
    await page.getByLabel('Join link').fill('https://meet.example.org/december-forum');
    await page.getByRole('radio', { name: 'The matches of a period' }).check();
    // The demo's active cohort is named for the season its matches were announced in.
    const period = page.getByLabel('Period', { exact: true });
    const cohort = (await period.locator('option').allInnerTexts()).find((t) => /^\d{4} (spring|summer|fall|winter) cohort$/.test(t));
    await period.selectOption({ label: cohort ?? '' });
    await check('staff-new-event');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByText('Saved as a draft.').waitFor();
    await page.getByRole('button', { name: /^Publish/ }).click();
    await page.getByRole('button', { name: 'Yes, publish and invite' }).click();
    await page
      .getByText(/Everyone invited|invited/)
      .first()
      .waitFor();
    await check('staff-published');
    // The details list ("Where" last for a participant) keeps its distance from the heading under it.
    const details = await page.locator('dl.dl').first().boundingBox();
    const about = await page.getByRole('heading', { name: 'About this event' }).boundingBox();
    expect(details && about && about.y - (details.y + details.height)).toBeGreaterThanOrEqual(8);
  });

  let rsvpLink = '';

  it('the invitation reaches the outbox with its calendar file and a link to answer', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' }).click();
    const subject = `You're invited: ${FORUM}`;
    // The worker sends invitations within a second or two; the page is reloaded until it has.
    for (let tries = 0; tries < 40; tries++) {
      if ((await page.getByRole('link', { name: subject }).count()) > 0) break;
      await page.waitForTimeout(500);
      await page.reload();
    }
    await page.getByLabel('Recipient’s e-mail address').fill(MENTEE);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: subject }).first().click();
    await page.getByText('Calendar invitation').first().waitFor();
    await check('staff-outbox-invitation');
    const body = await page.locator('main').innerText();
    rsvpLink = /(https?:\/\/\S+\/rsvp\/[A-Za-z0-9_-]+\?response=yes)/.exec(body)?.[1] ?? '';
    expect(rsvpLink).not.toBe('');
  });

  it('the mentee answers from the e-mail link without signing in, and sees the forum on her home', async () => {
    await page.context().clearCookies();
    await page.goto(new URL(new URL(rsvpLink).pathname + new URL(rsvpLink).search, demo().server.url).toString());
    await page.getByRole('heading', { level: 1, name: FORUM }).waitFor();
    // Opening the link answered nothing: one press does.
    await check('mentee-rsvp-link');
    await page.getByRole('button', { name: 'Yes, I’ll be there' }).click();
    await page.getByText('Thanks — you’re going. See you there!').first().waitFor();
    expect(
      await page.getByRole('group', { name: 'Will you come?' }).getByRole('button', { name: 'Yes' }).getAttribute('aria-pressed'),
    ).toBe('true');
    await check('mentee-rsvp-done');

    await signInAs(MENTEE);
    const card = page.getByRole('region', { name: /Upcoming events/ });
    await card.getByRole('link', { name: FORUM }).waitFor();
    await card.getByText('Your answer: Going').first().waitFor();
    await check('mentee-home-events');
  });

  it('staff take attendance of the past training and upload its recording', async () => {
    await signInAs(STAFF);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click();
    await page.getByRole('link', { name: TRAINING }).first().click();
    await page.getByRole('heading', { level: 1, name: TRAINING }).waitFor();
    // The attendee list loads after the page: wait for it before picking two people.
    await page.locator('input[type="checkbox"]:not(:checked):not(:disabled)').first().waitFor();
    const unticked = page.getByRole('row').filter({ has: page.locator('input[type="checkbox"]:not(:checked):not(:disabled)') });
    const [name, other] = (await unticked.getByRole('rowheader').allInnerTexts()).map((n) => n.trim());
    expect(other).toBeDefined();
    await page.getByRole('checkbox', { name: `${name} came`, exact: true }).check();
    // A tick is kept while the list is searched for someone else, and both are saved at once.
    const search = page.getByRole('search', { name: 'Find people invited' });
    await search.getByRole('searchbox', { name: 'Name or e-mail address' }).fill(other!);
    await search.getByRole('button', { name: 'Search' }).click();
    await page.getByText(/matching this search\.$/).waitFor();
    expect(await page.getByRole('checkbox', { name: `${name} came`, exact: true }).count()).toBe(0);
    await page.getByRole('checkbox', { name: `${other} came`, exact: true }).check();
    await page.getByText('2 changes not saved yet (1 of them not in the list as it is shown now)').waitFor();
    await check('staff-attendance-searched');
    // On a 360 px phone the table becomes cards: no sideways scrolling, no violations.
    await page.setViewportSize({ width: 360, height: 740 });
    await check('staff-attendance-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByText(/^Attendance saved/).waitFor();
    await search.getByRole('button', { name: 'Show everyone invited' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: `${name} came`, exact: true }).isChecked()).toBe(true);
    await expect.poll(() => page.getByRole('checkbox', { name: `${other} came`, exact: true }).isChecked()).toBe(true);

    await page.getByRole('radio', { name: 'A file from this computer' }).first().check();
    await page.getByLabel('Recording file').setInputFiles({ name: 'mentoring-well.wav', mimeType: 'audio/wav', buffer: silentWav() });
    await page.getByRole('button', { name: 'Upload the recording' }).click();
    await page.locator('video[data-testid="event-recording-video"]').waitFor();
    await check('staff-attendance-and-recording');
  });

  it('the mentee plays the recording from the archive', async () => {
    await signInAs(MENTEE);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Archive' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('mentoring well');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByRole('link', { name: `Watch the recording of ${TRAINING}` }).click();
    const video = page.locator('video[data-testid="event-recording-video"]');
    await video.waitFor();
    await check('mentee-archive');
    // It really plays: the browser fetches it (with ranges) and the clock moves.
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(() => {
      const v = document.querySelector<HTMLVideoElement>('video[data-testid="event-recording-video"]');
      return v !== null && (v.currentTime > 0 || v.ended);
    });
    expect(demo().consoleErrors).toEqual([]);
  });
});
