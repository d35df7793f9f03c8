import { describe, expect, it } from 'vitest';
import { reminderMails } from './reminder-mails.ts';
import type { ReminderMatch, ReminderWords } from './reminder-mails.ts';
import type { PlannedReminder } from './reminder.rules.ts';

const WORDS: ReminderWords = {
  programName: 'Library Mentoring',
  timeZone: 'America/Chicago',
  goalSheetSubmitter: 'mentee',
  goalsPerSheetMin: 1,
  goalsPerSheetMax: 3,
  goalSheetContact: { name: 'Dana Office', email: 'goals@example.org' },
  origin: 'https://tandem.example.org',
};
const MATCH: ReminderMatch = {
  id: 17,
  matchedOn: '2026-10-03',
  mentor: { name: 'Rosa Mentor', email: 'rosa@example.org', disabled: false },
  mentee: { name: 'Theo Mentee', email: 'theo@example.org', disabled: false },
};
const reminder = (over: Partial<PlannedReminder>): PlannedReminder => ({
  kind: 'goal-sheet-due-7',
  dedupeKey: 'goal-sheet-due-7:m17:2026-11-02',
  matchId: 17,
  runAt: '2026-10-26T14:00:00.000Z',
  dueOn: '2026-11-02',
  since: null,
  weeks: null,
  ...over,
});

describe('reminder e-mails', () => {
  it('writes to the mentee and the mentor, each in their own part', () => {
    const [toMentee, toMentor] = reminderMails(reminder({}), MATCH, WORDS, new Date('2026-10-26T14:00:00.000Z'));
    expect([toMentee?.to, toMentor?.to]).toEqual([
      { address: 'theo@example.org', name: 'Theo Mentee' },
      { address: 'rosa@example.org', name: 'Rosa Mentor' },
    ]);
    expect(toMentee?.kind).toBe('reminder.goal-sheet-due-7');
    expect(toMentee?.text).toContain('It needs 1 to 3 goals');
    expect(toMentee?.text).toContain('Questions about the goal sheet? Write to Dana Office at goals@example.org.');
    expect(toMentor?.text).toContain('Theo Mentee sends it to the program office');
    expect(toMentor?.text).toContain('https://tandem.example.org/matches/17/goal-sheet');
  });

  it('counts the days left when the message is written, in the program time zone', () => {
    // Sent late (within the day allowed): 17:00 in Chicago on 1 Nov, the day before the due date.
    const [late] = reminderMails(reminder({ kind: 'goal-sheet-due-1' }), MATCH, WORDS, new Date('2026-11-01T23:00:00.000Z'));
    expect(late?.subject).toBe('Your goal sheet is due tomorrow');
    const [sameDay] = reminderMails(reminder({ kind: 'goal-sheet-due-1' }), MATCH, WORDS, new Date('2026-11-02T14:00:00.000Z'));
    expect(sameDay?.subject).toBe('Your goal sheet is due today');
  });

  it('asks the right person to send an overdue sheet', () => {
    const at = new Date('2026-11-03T15:00:00.000Z');
    const [mentee, mentor] = reminderMails(reminder({ kind: 'goal-sheet-overdue' }), MATCH, WORDS, at);
    expect(mentee?.subject).toBe('Your goal sheet was due on November 2');
    expect(mentee?.text).toContain('please send it in as soon as you can.');
    expect(mentor?.text).toContain('please help Theo Mentee finish it');
    const [, either] = reminderMails(reminder({ kind: 'goal-sheet-overdue' }), MATCH, { ...WORDS, goalSheetSubmitter: 'either' }, at);
    expect(either?.text).toContain('please send it in as soon as you can.');
  });

  it('words a quiet spell from the match day or from the last contact', () => {
    const fromStart = reminderMails(reminder({ kind: 'quiet', dueOn: null, since: '2026-10-03', weeks: 3 }), MATCH, WORDS, new Date());
    expect(fromStart[0]?.subject).toBe('Time to catch up with Rosa Mentor?');
    expect(fromStart[0]?.text).toContain('since your match began on Saturday, October 3, 2026, 3 weeks ago.');
    const fromContact = reminderMails(reminder({ kind: 'quiet', dueOn: null, since: '2026-10-19', weeks: 1 }), MATCH, WORDS, new Date());
    expect(fromContact[1]?.text).toContain(
      'The last contact between you and Theo Mentee logged on your match page was on Monday, October 19, 2026, a week ago.',
    );
    expect(fromContact[1]?.text).toContain('Your match: https://tandem.example.org/matches/17');
  });

  it('leaves out a disabled account', () => {
    const mails = reminderMails(
      reminder({}),
      { ...MATCH, mentor: { ...MATCH.mentor, disabled: true } },
      WORDS,
      new Date('2026-10-26T14:00:00.000Z'),
    );
    expect(mails.map((m) => m.to.name)).toEqual(['Theo Mentee']);
  });
});
