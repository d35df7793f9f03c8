import type { MailDraft } from '../notifications/mail.service.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

/** What every goal-sheet message needs to say who, what and where. */
export interface SheetMailContext {
  programName: string;
  periodName: string;
  mentorName: string;
  menteeName: string;
  /** The sheet's page in Tandem. */
  link: string;
}

type To = { address: string; name: string };

function longDate(date: string): string {
  // A calendar date, not an instant: format it as the same date everywhere.
  return dateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** To the other half of the pair: the sheet has gone in, and nothing more is needed unless it comes back. */
export function sheetSentToPartnerMail(m: SheetMailContext & { to: To; senderName: string }): MailDraft {
  return {
    to: m.to,
    kind: 'goal_sheet_submitted',
    subject: `${m.senderName} sent your goal sheet to the program office`,
    text: [
      `Hello ${m.to.name},`,
      '',
      `${m.senderName} has sent the goal sheet you wrote together to the ${m.programName} office. There is nothing you need to do now.`,
      '',
      'If the program office has questions, they will send it back with a note, and you can change it together and send it again.',
      '',
      'You can read the sheet as it was sent, or download it as a PDF, here:',
      m.link,
    ].join('\n'),
  };
}

/** To the program's goal-sheet contact: a sheet is waiting for review. */
export function sheetArrivedMail(m: SheetMailContext & { to: To; dueOn: string; late: boolean; resubmitted: boolean }): MailDraft {
  const pair = `${m.menteeName} (mentee) and ${m.mentorName} (mentor)`;
  return {
    to: m.to,
    kind: 'goal_sheet_arrived',
    subject: `Goal sheet ${m.resubmitted ? 'sent again' : 'received'}: ${m.menteeName} and ${m.mentorName}`,
    text: [
      `Hello ${m.to.name},`,
      '',
      `${pair} have sent their goal sheet for ${m.periodName}${m.resubmitted ? ' again, after it was returned to them' : ''}.`,
      m.late ? `It was due on ${longDate(m.dueOn)}, so it counts as late.` : `It was due on ${longDate(m.dueOn)} and arrived on time.`,
      '',
      'Please read it, then acknowledge it or return it to the pair with a comment:',
      m.link,
    ].join('\n'),
  };
}

/** To both of the pair: the program office sent the sheet back with a comment. */
export function sheetReturnedMail(m: SheetMailContext & { to: To; comment: string }): MailDraft {
  return {
    to: m.to,
    kind: 'goal_sheet_returned',
    subject: 'Your goal sheet has come back with a note',
    text: [
      `Hello ${m.to.name},`,
      '',
      `The ${m.programName} office has read the goal sheet of ${m.menteeName} and ${m.mentorName} and sent it back with this note:`,
      '',
      m.comment,
      '',
      'Change it together, then send it again from the same page:',
      m.link,
    ].join('\n'),
  };
}

/** To both of the pair: the sheet is accepted, and the year's work can go ahead. */
export function sheetAcknowledgedMail(m: SheetMailContext & { to: To; comment: string | null }): MailDraft {
  return {
    to: m.to,
    kind: 'goal_sheet_acknowledged',
    subject: 'Your goal sheet is acknowledged',
    text: [
      `Hello ${m.to.name},`,
      '',
      `The ${m.programName} office has acknowledged the goal sheet of ${m.menteeName} and ${m.mentorName}. Thank you, and enjoy working on your goals together.`,
      ...(m.comment ? ['', 'A note from the program office:', m.comment] : []),
      '',
      `The sheet stays on the ${m.programName} site for you both to look back on:`,
      m.link,
    ].join('\n'),
  };
}
