import type { MailDraft } from '../notifications/mail.service.ts';
import { oneLine } from '../notifications/mail.service.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

export interface RequestWords {
  programName: string;
  /** The app's address, no trailing slash. */
  origin: string;
  timeZone: string;
}

type To = { address: string; name: string };

function longDate(at: Date, timeZone: string): string {
  return dateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', timeZone }).format(at);
}

/** Quoted words of the other person, each line marked, so they cannot pass for ours. */
const quoted = (text: string): string[] =>
  text.trim() === ''
    ? []
    : [
        '',
        ...text
          .trim()
          .split(/\r?\n/)
          .map((l) => `> ${l}`),
      ];

/** To a mentor: a mentee asks for them. The link opens the request, where they accept or decline. */
export function mentorRequestedMail(
  p: RequestWords & { to: To; menteeName: string; note: string; requestId: number; expiresAt: Date },
): MailDraft {
  return {
    to: p.to,
    kind: 'mentor-request',
    subject: oneLine(`${p.menteeName} would like you as their mentor`),
    text: [
      `Hello ${p.to.name},`,
      '',
      `${p.menteeName} has read your mentor card in ${p.programName} and would like you as their mentor.`,
      ...(p.note.trim() !== '' ? ['', `${p.menteeName} wrote:`] : []),
      ...quoted(p.note),
      '',
      `See who they are and why you fit, then accept or decline: ${p.origin}/requests/${p.requestId}`,
      '',
      `Please answer by ${longDate(new Date(p.expiresAt.getTime() - 1), p.timeZone)}. After that the request lapses and ${p.menteeName} is free to ask someone else.`,
    ].join('\n'),
  };
}

/** To a mentee: the mentor said no (with their words, if any). */
export function requestDeclinedMail(p: RequestWords & { to: To; mentorName: string; note: string }): MailDraft {
  return {
    to: p.to,
    kind: 'mentor-request-declined',
    subject: oneLine(`${p.mentorName} cannot take you on this time`),
    text: [
      `Hello ${p.to.name},`,
      '',
      `${p.mentorName} has answered your request: they cannot be your mentor this time.`,
      ...(p.note.trim() !== '' ? ['', `${p.mentorName} wrote:`] : []),
      ...quoted(p.note),
      '',
      `Your other suggestions are waiting, and you can ask another mentor now: ${p.origin}/choose`,
    ].join('\n'),
  };
}

/** To a mentee: the mentor did not answer in time. */
export function requestExpiredMail(p: RequestWords & { to: To; mentorName: string; days: number }): MailDraft {
  return {
    to: p.to,
    kind: 'mentor-request-expired',
    subject: oneLine(`Your request to ${p.mentorName} has lapsed`),
    text: [
      `Hello ${p.to.name},`,
      '',
      `${p.mentorName} did not answer your request within ${p.days} ${p.days === 1 ? 'day' : 'days'}, so it has lapsed. That happens; it is not about you.`,
      '',
      `You can ask another mentor now: ${p.origin}/choose`,
    ].join('\n'),
  };
}

/** To a mentee: the mentor filled their last place with someone else, or the program stepped in. */
export function requestClosedMail(p: RequestWords & { to: To; mentorName: string; why: 'mentor-full' | 'staff'; note: string }): MailDraft {
  return {
    to: p.to,
    kind: 'mentor-request-closed',
    subject: oneLine(`Your request to ${p.mentorName} is closed`),
    text: [
      `Hello ${p.to.name},`,
      '',
      p.why === 'mentor-full'
        ? `${p.mentorName} has no places left: another mentee's request filled the last one before yours was answered.`
        : `The program office has closed your request to ${p.mentorName}.`,
      ...quoted(p.note),
      '',
      `Your suggestions have been updated, and you can ask another mentor now: ${p.origin}/choose`,
    ].join('\n'),
  };
}
