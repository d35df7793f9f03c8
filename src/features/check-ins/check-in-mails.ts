import type { MailDraft } from '../notifications/mail.service.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

export interface CheckInMailInput {
  programName: string;
  timeZone: string;
  to: { address: string; name: string };
  partner: { name: string; role: 'mentor' | 'mentee' };
  /** From the program office; may be empty. */
  note: string;
  /** The answer page for this person's token (no answer in it yet). */
  link: string;
  expiresAt: Date;
}

const longDate = (at: Date, timeZone: string) =>
  dateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(at);

/**
 * A check-in: how is it going with your partner? Two links, one per answer. Each opens a page
 * where the answer is confirmed with a press of a button: a mail scanner that opens links
 * answers nothing.
 */
export function checkInMail(p: CheckInMailInput): MailDraft {
  const note = p.note.trim();
  return {
    to: p.to,
    kind: 'check-in',
    subject: `How is it going with ${p.partner.name}?`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `The program office of ${p.programName} would like to know how your match with your ${p.partner.role}, ${p.partner.name}, is going.`,
      ...(note !== '' ? ['', note] : []),
      '',
      'One click is enough:',
      '',
      `  All is going well: ${p.link}?answer=all_good`,
      '',
      `  I'd like to talk to the program office: ${p.link}?answer=talk`,
      '',
      `Only the program office sees your answer; ${p.partner.name} does not. The links work until ${longDate(p.expiresAt, p.timeZone)}.`,
    ].join('\n'),
  };
}
