import type { GoalSheetSubmitter } from '../../shared/api/settings.ts';
import { daysUntil } from '../matches/match-dates.rules.ts';
import type { MailDraft } from '../notifications/mail.service.ts';
import type { Contact } from '../programs/program.service.ts';
import type { PlannedReminder } from './reminder.rules.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

/**
 * The reminder e-mails, one to each person of the match. Friendly and short: what is due, by
 * when, who does what, and one link to act on. No alarm in the wording; the program wants a
 * light touch.
 */
export interface ReminderWords {
  programName: string;
  timeZone: string;
  goalSheetSubmitter: GoalSheetSubmitter;
  goalsPerSheetMin: number;
  goalsPerSheetMax: number;
  goalSheetContact: Contact | null;
  /** The app's address, for links. */
  origin: string;
}

export interface ReminderPerson {
  name: string;
  email: string;
  /** A disabled account gets no reminders. */
  disabled: boolean;
}

export interface ReminderMatch {
  id: number;
  matchedOn: string;
  mentor: ReminderPerson;
  mentee: ReminderPerson;
}

/** A calendar date in words: 'Friday, November 13, 2026'. Formatted in UTC so the date never shifts. */
function longDate(date: string): string {
  return dateTimeFormat('en-US', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

function shortDate(date: string): string {
  return dateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** 'in 7 days', 'tomorrow', 'today': counted when the message is written, in the program's time zone. */
function whenDue(daysLeft: number): string {
  if (daysLeft <= 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  return `in ${daysLeft} days`;
}

const goalCount = (w: ReminderWords): string =>
  w.goalsPerSheetMin === w.goalsPerSheetMax ? `${w.goalsPerSheetMin}` : `${w.goalsPerSheetMin} to ${w.goalsPerSheetMax}`;

function whoSends(w: ReminderWords, role: 'mentor' | 'mentee', mentee: ReminderPerson): string {
  if (w.goalSheetSubmitter === 'either') return 'Either of you can send it to the program office once you both agree on it.';
  return role === 'mentee'
    ? 'You send it to the program office once you both agree on it.'
    : `${mentee.name} sends it to the program office once you both agree on it; your experience will help shape it.`;
}

function overdueAsk(w: ReminderWords, role: 'mentor' | 'mentee', mentee: ReminderPerson): string {
  return role === 'mentor' && w.goalSheetSubmitter === 'mentee'
    ? `please help ${mentee.name} finish it, so it can be sent in as soon as possible.`
    : 'please send it in as soon as you can.';
}

function goalSheetHelp(w: ReminderWords): string[] {
  return w.goalSheetContact
    ? ['', `Questions about the goal sheet? Write to ${w.goalSheetContact.name} at ${w.goalSheetContact.email}.`]
    : [];
}

const footer = (w: ReminderWords): string[] => [
  '',
  `You get this reminder because you are taking part in ${w.programName}. We send each reminder once.`,
];

function goalSheetMail(r: PlannedReminder, m: ReminderMatch, w: ReminderWords, role: 'mentor' | 'mentee', now: Date): MailDraft {
  const self = role === 'mentor' ? m.mentor : m.mentee;
  const partner = role === 'mentor' ? m.mentee : m.mentor;
  const dueOn = r.dueOn ?? m.matchedOn;
  const link = `${w.origin}/matches/${m.id}/goal-sheet`;
  const contents = `It needs ${goalCount(w)} ${w.goalsPerSheetMax === 1 ? 'goal' : 'goals'}, each tied to the program’s goals, with what you plan to do, how you will know it worked and a target date, plus how the two of you will keep in touch.`;
  if (r.kind === 'goal-sheet-overdue') {
    return {
      to: { address: self.email, name: self.name },
      kind: `reminder.${r.kind}`,
      subject: `Your goal sheet was due on ${shortDate(dueOn)}`,
      text: [
        `Hello ${self.name},`,
        '',
        `The goal sheet for your match with ${partner.name} was due on ${longDate(dueOn)}, and the program office has not received it yet.`,
        '',
        `No need to worry: ${overdueAsk(w, role, m.mentee)} If something is holding you up, the program office is glad to help.`,
        '',
        `Open the goal sheet: ${link}`,
        ...goalSheetHelp(w),
        ...footer(w),
      ].join('\n'),
    };
  }
  const when = whenDue(daysUntil(dueOn, now, w.timeZone));
  return {
    to: { address: self.email, name: self.name },
    kind: `reminder.${r.kind}`,
    subject: r.kind === 'goal-sheet-due-1' ? `Your goal sheet is due ${when}` : `Your goal sheet is due on ${shortDate(dueOn)}`,
    text: [
      `Hello ${self.name},`,
      '',
      `A friendly reminder: the goal sheet you and ${partner.name} are writing together is due on ${longDate(dueOn)}, ${when}.`,
      '',
      contents,
      whoSends(w, role, m.mentee),
      '',
      `Open the goal sheet: ${link}`,
      ...goalSheetHelp(w),
      ...footer(w),
    ].join('\n'),
  };
}

function quietMail(r: PlannedReminder, m: ReminderMatch, w: ReminderWords, role: 'mentor' | 'mentee'): MailDraft {
  const self = role === 'mentor' ? m.mentor : m.mentee;
  const partner = role === 'mentor' ? m.mentee : m.mentor;
  const since = r.since ?? m.matchedOn;
  const weeks = r.weeks ?? 0;
  const spell = weeks === 1 ? 'a week' : `${weeks} weeks`;
  const opening =
    since === m.matchedOn
      ? `No contact between you and ${partner.name} has been logged since your match began on ${longDate(since)}, ${spell} ago.`
      : `The last contact between you and ${partner.name} logged on your match page was on ${longDate(since)}, ${spell} ago.`;
  return {
    to: { address: self.email, name: self.name },
    kind: `reminder.${r.kind}`,
    subject: `Time to catch up with ${partner.name}?`,
    text: [
      `Hello ${self.name},`,
      '',
      opening,
      '',
      'If you have been in touch, log it on your match page: it takes a few clicks and lets the program office see that all is well.',
      `If not, this is a good moment to say hello and plan your next conversation.`,
      '',
      'If something is in the way, let the program office know. They are glad to help.',
      '',
      `Your match: ${w.origin}/matches/${m.id}`,
      ...footer(w),
    ].join('\n'),
  };
}

/** The e-mails for one reminder that is due now: the mentee's first, then the mentor's (leaving out disabled accounts). */
export function reminderMails(r: PlannedReminder, m: ReminderMatch, w: ReminderWords, now: Date): MailDraft[] {
  return (['mentee', 'mentor'] as const)
    .filter((role) => !m[role].disabled)
    .map((role) => (r.kind === 'quiet' ? quietMail(r, m, w, role) : goalSheetMail(r, m, w, role, now)));
}
