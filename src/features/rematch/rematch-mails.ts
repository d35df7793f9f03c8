import type { MailDraft } from '../notifications/mail.service.ts';
import type { Contact } from '../programs/program.service.ts';
import { longDate } from './rematch-window.rules.ts';

/** What every re-match message needs to say where it comes from and where to go. */
export interface RematchWords {
  programName: string;
  /** The app's home page. */
  link: string;
  contact: Contact | null;
}

type To = { address: string; name: string };

const writeTo = (c: Contact | null): string =>
  c
    ? `If you would like to talk it through, write to ${c.name} at ${c.email}.`
    : // Sent from a no-reply address: never ask for a reply.
      'If you would like to talk it through, get in touch with the program office.';

/** The requester's receipt: what happens now, and that they can change their mind. */
export function requestReceivedMail(p: RematchWords & { to: To; partnerRole: 'mentor' | 'mentee' }): MailDraft {
  return {
    to: p.to,
    kind: 'rematch-requested',
    subject: `We have your request for a new ${p.partnerRole}`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `Thank you for telling us. The program office has your request for a new ${p.partnerRole} and will look at it soon. Your reason stays with the office: your ${p.partnerRole} is not shown it.`,
      '',
      `Until the office acts you can withdraw the request from your match page: ${p.link}`,
      '',
      writeTo(p.contact),
    ].join('\n'),
  };
}

/** The office keeps the match: its note to the requester. */
export function keptMail(p: RematchWords & { to: To; partnerName: string; note: string }): MailDraft {
  return {
    to: p.to,
    kind: 'rematch-kept',
    subject: `About your request for a new partner`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `The program office has looked at your request and suggests you stay with ${p.partnerName} for now. Their note:`,
      '',
      ...p.note.split('\n').map((line) => `  ${line}`),
      '',
      writeTo(p.contact),
    ].join('\n'),
  };
}

export interface NextPeriodWords {
  name: string;
  applicationsOpenOn: string;
  matchesAnnouncedOn: string;
  /** Their application is already in the period's pool. */
  inPool: boolean;
}

/** A match ended and the person goes into the next period's pool. */
export function reapplyMail(p: RematchWords & { to: To; partnerName: string; next: NextPeriodWords | null }): MailDraft {
  const when = p.next
    ? p.next.inPool
      ? `You are already in the pool for ${p.next.name}: matches are announced around ${longDate(p.next.matchesAnnouncedOn)}.`
      : `You will be in the pool for ${p.next.name} as soon as it opens on ${longDate(p.next.applicationsOpenOn)}; matches are announced around ${longDate(p.next.matchesAnnouncedOn)}.`
    : 'You will be in the pool for the next period as soon as the program office opens it.';
  return {
    to: p.to,
    kind: 'rematch-reapply',
    subject: `Your match with ${p.partnerName} has ended`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `Your match with ${p.partnerName} has ended. We could not offer you a new partner in this period, so we have carried your application into the next one: you do not need to apply again.`,
      '',
      when,
      '',
      `You can see this on your home page: ${p.link}`,
      '',
      writeTo(p.contact),
    ].join('\n'),
  };
}

/** A match ended and nothing more follows for this person (they leave, or a mentor has a place free). */
export function endedMail(p: RematchWords & { to: To; partnerName: string; stillMentoring: boolean }): MailDraft {
  return {
    to: p.to,
    kind: 'match-ended',
    subject: `Your match with ${p.partnerName} has ended`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `Your match with ${p.partnerName} has ended.`,
      ...(p.stillMentoring
        ? ['', 'Your other matches carry on as before, and the place this frees may go to a mentee who needs a new mentor.']
        : []),
      '',
      'Thank you for the time you gave to the program.',
      '',
      writeTo(p.contact),
    ].join('\n'),
  };
}

/** The line that opens a re-match announcement, above the usual introduction. */
export function rematchIntro(previousPartnerName: string, partnerRole: 'mentor' | 'mentee'): string {
  return `Your match with ${previousPartnerName} has ended, and the program office has found you a new ${partnerRole}.`;
}
