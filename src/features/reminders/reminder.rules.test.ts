import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeSchedules } from '../../../test/setup/job-reminder-schedule.ts';
import { parseReminderKey, plannedReminders, reminderVerdict, remindersFor } from './reminder.rules.ts';
import type { ReminderFacts, ReminderSettings } from './reminder.rules.ts';

const CHICAGO: ReminderSettings = { timeZone: 'America/Chicago', goalSheetDeadlineDays: 30, quietAfterWeeks: 3, guaranteeWindowDays: 45 };

/** Match 17, made 10:00 on 3 Oct 2026 in Chicago: goal sheet due 2 Nov, the day after the clocks fall back. */
const facts = (over: Partial<ReminderFacts> = {}): ReminderFacts => ({
  matchId: 17,
  matchedAt: '2026-10-03T15:00:00.000Z',
  matchStatus: 'active',
  periodStatus: 'active',
  programEndsOn: '2027-09-30',
  sheet: null,
  lastContactOn: null,
  ...over,
});
const NOW = new Date('2026-10-03T16:00:00.000Z');
const keysAndTimes = (f: ReminderFacts, s: ReminderSettings, now: Date) => plannedReminders(f, s, now).map((r) => [r.dedupeKey, r.runAt]);

describe('reminder schedule', () => {
  it('plans the goal-sheet reminders at 09:00 in the program time zone, across the fall-back change', () => {
    expect(keysAndTimes(facts(), CHICAGO, NOW)).toEqual([
      ['goal-sheet-due-7:m17:2026-11-02', '2026-10-26T14:00:00.000Z'], // 09:00 CDT (UTC−5)
      ['goal-sheet-due-1:m17:2026-11-02', '2026-11-01T15:00:00.000Z'], // 09:00 CST (UTC−6): the 25-hour day itself
      ['goal-sheet-overdue:m17:2026-11-02', '2026-11-03T15:00:00.000Z'],
      ['quiet:m17:2026-10-03:3', '2026-10-24T14:00:00.000Z'],
    ]);
  });

  it('keeps 09:00 local on both sides of a spring-forward change (Berlin, Sydney, Auckland)', () => {
    const berlin = plannedReminders(
      facts({ matchedAt: '2027-02-27T10:00:00.000Z' }),
      { ...CHICAGO, timeZone: 'Europe/Berlin' },
      new Date('2027-02-27T11:00:00.000Z'),
    );
    expect(berlin.map((r) => r.runAt)).toEqual([
      '2027-03-22T08:00:00.000Z', // CET, UTC+1
      '2027-03-28T07:00:00.000Z', // CEST, UTC+2, the day the clocks go forward
      '2027-03-30T07:00:00.000Z',
      '2027-03-20T08:00:00.000Z',
    ]);
    const sydney = plannedReminders(
      facts({ matchedAt: '2026-09-05T01:00:00.000Z' }),
      { ...CHICAGO, timeZone: 'Australia/Sydney' },
      new Date('2026-09-05T02:00:00.000Z'),
    );
    expect(sydney.slice(0, 2).map((r) => r.runAt)).toEqual(['2026-09-27T23:00:00.000Z', '2026-10-03T22:00:00.000Z']); // AEST +10, then AEDT +11
    const auckland = plannedReminders(
      facts({ matchedAt: '2026-08-28T22:00:00.000Z' }),
      { ...CHICAGO, timeZone: 'Pacific/Auckland' },
      new Date('2026-08-28T23:00:00.000Z'),
    );
    // 09:00 in Auckland is the evening before in UTC; the due date is 28 Sep there.
    expect(auckland[0]?.dedupeKey).toBe('goal-sheet-due-7:m17:2026-09-28');
    expect(auckland.slice(0, 2).map((r) => r.runAt)).toEqual(['2026-09-20T21:00:00.000Z', '2026-09-26T20:00:00.000Z']);
  });

  it('handles half-hour offsets without daylight saving (Kolkata)', () => {
    const kolkata = plannedReminders(
      facts({ matchedAt: '2026-10-01T06:00:00.000Z' }),
      { ...CHICAGO, timeZone: 'Asia/Kolkata' },
      new Date('2026-10-01T07:00:00.000Z'),
    );
    expect(kolkata.every((r) => r.runAt.endsWith('T03:30:00.000Z'))).toBe(true);
  });

  it('counts from the match day in the program time zone, not in UTC', () => {
    // 23:30 on 2 Oct in Chicago is 04:30 on 3 Oct in UTC.
    const late = plannedReminders(facts({ matchedAt: '2026-10-03T04:30:00.000Z' }), CHICAGO, new Date('2026-10-03T05:00:00.000Z'));
    expect(late[0]?.dedupeKey).toBe('goal-sheet-due-7:m17:2026-11-01');
    expect(late.find((r) => r.kind === 'quiet')?.dedupeKey).toBe('quiet:m17:2026-10-02:3');
  });

  it('gives the same schedule whatever TZ the server process runs in', async () => {
    const script = fileURLToPath(new URL('../../../test/setup/job-reminder-schedule.ts', import.meta.url));
    const runUnder = (tz: string) =>
      new Promise<{ tz: string; offsetMinutes: number; schedules: unknown }>((resolve, reject) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', script],
          { env: { ...process.env, TZ: tz }, timeout: 20_000 },
          (error, stdout, stderr) => {
            if (error) reject(new Error(`${error.message}\n${stderr}`));
            else resolve(JSON.parse(stdout) as { tz: string; offsetMinutes: number; schedules: unknown });
          },
        );
      });
    const [losAngeles, utc] = await Promise.all([runUnder('America/Los_Angeles'), runUnder('UTC')]);
    // The children really ran under those zones…
    expect([losAngeles.offsetMinutes, utc.offsetMinutes]).toEqual([420, 0]);
    // …and computed exactly what this process computes.
    const here = JSON.parse(JSON.stringify(computeSchedules())) as unknown;
    expect(losAngeles.schedules).toEqual(here);
    expect(utc.schedules).toEqual(here);
    const all = here as { name: string; reminders: { runAt: string }[] }[];
    expect(all.find((s) => s.name === 'Auckland, fall back, quiet')?.reminders.map((r) => r.runAt)).toEqual(['2027-04-03T21:00:00.000Z']); // 09:00 NZST (+12) on 4 Apr
  });
});

describe('which reminders apply', () => {
  const kinds = (f: ReminderFacts, s = CHICAGO, now = NOW) => plannedReminders(f, s, now).map((r) => r.kind);

  it('stops goal-sheet reminders once the sheet is sent in, also when staff returned it for changes', () => {
    expect(kinds(facts({ sheet: { status: 'draft', firstSubmittedAt: null } }))).toEqual([
      'goal-sheet-due-7',
      'goal-sheet-due-1',
      'goal-sheet-overdue',
      'quiet',
    ]);
    expect(kinds(facts({ sheet: { status: 'submitted', firstSubmittedAt: '2026-10-20T10:00:00.000Z' } }))).toEqual(['quiet']);
    expect(kinds(facts({ sheet: { status: 'returned', firstSubmittedAt: '2026-10-20T10:00:00.000Z' } }))).toEqual(['quiet']);
    expect(kinds(facts({ sheet: { status: 'acknowledged', firstSubmittedAt: '2026-10-20T10:00:00.000Z' } }))).toEqual(['quiet']);
  });

  it('starts the quiet spell at the last logged contact, never before the match', () => {
    const after = plannedReminders(facts({ lastContactOn: '2026-10-20' }), CHICAGO, NOW).find((r) => r.kind === 'quiet');
    expect(after).toMatchObject({ dedupeKey: 'quiet:m17:2026-10-20:3', runAt: '2026-11-10T15:00:00.000Z', since: '2026-10-20', weeks: 3 });
    const typo = plannedReminders(facts({ lastContactOn: '2025-10-20' }), CHICAGO, NOW).find((r) => r.kind === 'quiet');
    expect(typo?.since).toBe('2026-10-03');
  });

  it('plans nothing for an ended match, a period that is not active, or after the program year', () => {
    expect(kinds(facts({ matchStatus: 'ended' }))).toEqual([]);
    expect(kinds(facts({ periodStatus: 'evaluation' }))).toEqual([]);
    expect(kinds(facts({ programEndsOn: '2026-10-02' }))).toEqual([]);
    // The program ends 30 Oct: the quiet reminder (24 Oct) fits, the goal-sheet ones after it do not.
    expect(kinds(facts({ programEndsOn: '2026-10-30' }))).toEqual(['goal-sheet-due-7', 'quiet']);
  });

  it('sends nothing on the match day: a match made 3 days before its due date gets no "due in a week"', () => {
    expect(kinds(facts(), { ...CHICAGO, goalSheetDeadlineDays: 7 })).toEqual(['goal-sheet-due-1', 'goal-sheet-overdue', 'quiet']);
    expect(kinds(facts(), { ...CHICAGO, goalSheetDeadlineDays: 3 })).toEqual(['goal-sheet-due-1', 'goal-sheet-overdue', 'quiet']);
    expect(kinds(facts(), { ...CHICAGO, goalSheetDeadlineDays: 1 })).toEqual(['goal-sheet-overdue', 'quiet']);
  });

  it('does not plan a reminder more than a day late, but does plan one less late', () => {
    // A planner that first looks after the "due in a week" time (e.g. the period was activated late).
    const due7 = new Date('2026-10-26T14:00:00.000Z');
    expect(kinds(facts(), CHICAGO, new Date(due7.getTime() + 23 * 3_600_000))).toContain('goal-sheet-due-7');
    expect(kinds(facts(), CHICAGO, new Date(due7.getTime() + 25 * 3_600_000))).not.toContain('goal-sheet-due-7');
    expect(kinds(facts(), CHICAGO, new Date('2026-10-30T12:00:00.000Z'))).toEqual(['goal-sheet-due-1', 'goal-sheet-overdue']);
    // remindersFor keeps late ones: the handler decides about those itself.
    expect(remindersFor(facts(), CHICAGO, new Date('2026-10-30T12:00:00.000Z')).map((r) => r.kind)).toContain('goal-sheet-due-7');
  });
});

describe('a planned reminder, checked again when it is due', () => {
  const KEY = 'goal-sheet-due-7:m17:2026-11-02';
  const AT = new Date('2026-10-26T14:00:00.000Z');

  it('is due while nothing changed', () => {
    expect(reminderVerdict(KEY, facts(), CHICAGO, AT)).toMatchObject({
      due: true,
      reminder: { kind: 'goal-sheet-due-7', dueOn: '2026-11-02' },
    });
  });

  it('says why it no longer applies', () => {
    const reason = (key: string, f: ReminderFacts, s = CHICAGO, now = AT) => {
      const v = reminderVerdict(key, f, s, now);
      return v.due ? 'due' : v.reason;
    };
    expect(reason(KEY, facts({ sheet: { status: 'submitted', firstSubmittedAt: '2026-10-25T10:00:00.000Z' } }))).toBe(
      'The goal sheet has been sent in.',
    );
    expect(reason(KEY, facts(), { ...CHICAGO, goalSheetDeadlineDays: 45 })).toMatch(/deadline changed/);
    expect(reason(KEY, facts({ matchStatus: 'ended' }))).toBe('The match has ended.');
    expect(reason(KEY, facts({ periodStatus: 'closed' }))).toMatch(/period is no longer active/);
    expect(reason(KEY, facts({ programEndsOn: '2026-10-20' }))).toMatch(/program year has ended/);
    expect(reason(KEY, facts({ programEndsOn: '2026-10-25' }), CHICAGO, new Date('2026-10-24T14:00:00.000Z'))).toMatch(
      /after the program year ends/,
    );
    expect(reason(KEY, facts(), CHICAGO, new Date(AT.getTime() + 25 * 3_600_000))).toMatch(/within a day/);
    expect(reason('quiet:m17:2026-10-03:3', facts({ lastContactOn: '2026-10-10' }), CHICAGO, new Date('2026-10-24T14:00:00.000Z'))).toMatch(
      /contact was logged/,
    );
    expect(reason('quiet:m17:2026-10-03:3', facts(), { ...CHICAGO, quietAfterWeeks: 4 }, new Date('2026-10-24T14:00:00.000Z'))).toMatch(
      /setting changed/,
    );
    expect(reason('goal-sheet-due-7:m99:2026-11-02', facts())).toMatch(/does not belong/);
  });

  it('reads its own keys back', () => {
    expect(parseReminderKey('quiet:m17:2026-10-03:3')).toEqual({ kind: 'quiet', matchId: 17, date: '2026-10-03', weeks: 3 });
    expect(parseReminderKey(KEY)).toEqual({ kind: 'goal-sheet-due-7', matchId: 17, date: '2026-11-02', weeks: null });
    expect(parseReminderKey('reminders.plan:2026-10-03T15:00:00.000Z')).toBeNull();
  });
});
