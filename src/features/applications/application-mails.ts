import type { ApplicationRole } from '../../shared/application-vocabulary.ts';
import type { MailDraft } from '../notifications/mail.service.ts';
import type { Decision } from './application.rules.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

interface MailContext {
  programName: string;
  to: { address: string; name: string };
  role: ApplicationRole;
  periodName: string;
  /** Where the applicant signs in: their home page lists their applications. */
  homeLink: string;
}

const roleWord = (role: ApplicationRole) => (role === 'mentor' ? 'a mentor' : 'a mentee');

function longDate(date: string): string {
  // A calendar date, not an instant: format it as the same date everywhere.
  return dateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function applicationReceivedMail(m: MailContext & { applicationsCloseOn: string }): MailDraft {
  return {
    to: m.to,
    kind: 'application_received',
    subject: `We have your application to ${m.programName}`,
    text: [
      `Hello ${m.to.name},`,
      '',
      `Thank you for applying to be ${roleWord(m.role)} in ${m.programName} (${m.periodName}). Your application has arrived safely.`,
      '',
      'What happens next:',
      `- Applications close on ${longDate(m.applicationsCloseOn)}. Until then you can change your answers or withdraw: sign in and open your application from your home page.`,
      '- After the closing date the matching committee reads every application and looks for the partner who fits you best.',
      '- We will write to you as soon as there is news, whether or not we found a match.',
      '',
      m.homeLink,
      '',
      "If you didn't apply, reply to this message and we will sort it out.",
    ].join('\n'),
  };
}

const DECISION_TEXT: Record<Decision, { subject: string; lines: string[] }> = {
  accepted: {
    subject: 'Your application has been accepted',
    lines: [
      'Good news: your application has been accepted, and you are now in the pool the matching committee pairs people from.',
      'We will write again when matches are announced.',
    ],
  },
  waitlisted: {
    subject: 'Your application is on the waiting list',
    lines: [
      'Thank you for your patience. Your application is on the waiting list for now: we may not have a partner for everyone this time.',
      'If a place opens up we will tell you straight away. If not, you can ask to be carried over to the next period from your home page.',
    ],
  },
  declined: {
    subject: 'About your application',
    lines: ['Thank you for applying. We are sorry to say we cannot offer you a place this time.'],
  },
};

export function decisionMail(m: MailContext & { decision: Decision; reason: string }): MailDraft {
  const text = DECISION_TEXT[m.decision];
  const reason = m.reason.trim();
  return {
    to: m.to,
    kind: `application_${m.decision}`,
    subject: `${m.programName}: ${text.subject.charAt(0).toLowerCase()}${text.subject.slice(1)}`,
    text: [
      `Hello ${m.to.name},`,
      '',
      `About your application to be ${roleWord(m.role)} in ${m.programName} (${m.periodName}):`,
      '',
      ...text.lines,
      ...(reason ? ['', m.decision === 'declined' ? 'The reason:' : 'A note from the program office:', reason] : []),
      '',
      'You can see your application at any time after signing in:',
      m.homeLink,
      '',
      'If you have questions, just reply to this message.',
    ].join('\n'),
  };
}
