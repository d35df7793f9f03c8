// Reminder schedules for a set of matches in several time zones, around daylight-saving changes.
// The rules test computes them in its own process and also runs this file as a child process under
// other TZ settings (Node reads TZ once, at start-up): the three must agree to the millisecond.
import { pathToFileURL } from 'node:url';
import { plannedReminders } from '../../src/features/reminders/reminder.rules.ts';
import type { PlannedReminder, ReminderFacts, ReminderSettings } from '../../src/features/reminders/reminder.rules.ts';

export interface ScheduleCase {
  name: string;
  facts: ReminderFacts;
  settings: ReminderSettings;
  now: string;
}

const settings = (timeZone: string, over: Partial<ReminderSettings> = {}): ReminderSettings => ({
  timeZone,
  goalSheetDeadlineDays: 30,
  quietAfterWeeks: 3,
  guaranteeWindowDays: 45,
  ...over,
});

const facts = (matchId: number, matchedAt: string, over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  matchId,
  matchedAt,
  matchStatus: 'active',
  periodStatus: 'active',
  programEndsOn: '2027-09-30',
  sheet: null,
  lastContactOn: null,
  ...over,
});

export const SCHEDULE_CASES: ScheduleCase[] = [
  // Due 2 Nov 2026, the day after Chicago falls back: "the day before" is the 25-hour day itself.
  {
    name: 'Chicago, fall back',
    facts: facts(1, '2026-10-03T15:00:00.000Z'),
    settings: settings('America/Chicago'),
    now: '2026-10-03T16:00:00.000Z',
  },
  // 23:30 on 2 Oct in Chicago is already 3 Oct in UTC: the match day is 2 Oct.
  {
    name: 'Chicago, late evening',
    facts: facts(2, '2026-10-03T04:30:00.000Z'),
    settings: settings('America/Chicago'),
    now: '2026-10-03T05:00:00.000Z',
  },
  // Due 29 Mar 2027, the day after Berlin springs forward.
  {
    name: 'Berlin, spring forward',
    facts: facts(3, '2027-02-27T10:00:00.000Z'),
    settings: settings('Europe/Berlin'),
    now: '2027-02-27T11:00:00.000Z',
  },
  // Due 5 Oct 2026, the day after Sydney springs forward (southern hemisphere, October).
  {
    name: 'Sydney, spring forward',
    facts: facts(4, '2026-09-05T01:00:00.000Z'),
    settings: settings('Australia/Sydney'),
    now: '2026-09-05T02:00:00.000Z',
  },
  // No daylight saving, and a half-hour offset.
  {
    name: 'Kolkata',
    facts: facts(5, '2026-10-01T06:00:00.000Z', { lastContactOn: '2026-10-20' }),
    settings: settings('Asia/Kolkata'),
    now: '2026-10-21T06:00:00.000Z',
  },
  // Due 28 Sep 2026, the day after Auckland springs forward; 09:00 there is the evening before in UTC.
  {
    name: 'Auckland, spring forward',
    facts: facts(6, '2026-08-28T22:00:00.000Z'),
    settings: settings('Pacific/Auckland'),
    now: '2026-08-28T23:00:00.000Z',
  },
  // Auckland falls back on 4 Apr 2027, the day a 2-week quiet spell ends.
  {
    name: 'Auckland, fall back, quiet',
    facts: facts(7, '2027-02-01T00:00:00.000Z', {
      lastContactOn: '2027-03-21',
      sheet: { status: 'acknowledged', firstSubmittedAt: '2027-02-20T00:00:00.000Z' },
    }),
    settings: settings('Pacific/Auckland', { quietAfterWeeks: 2 }),
    now: '2027-03-22T00:00:00.000Z',
  },
];

export function computeSchedules(): { name: string; reminders: PlannedReminder[] }[] {
  return SCHEDULE_CASES.map((c) => ({ name: c.name, reminders: plannedReminders(c.facts, c.settings, new Date(c.now)) }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(
    JSON.stringify({
      tz: process.env.TZ ?? null,
      offsetMinutes: new Date('2026-07-01T12:00:00Z').getTimezoneOffset(),
      schedules: computeSchedules(),
    }),
  );
}
