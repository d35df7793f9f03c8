import { CHANNEL_LABELS } from '../../shared/channels.ts';
import type { Channel } from '../../shared/channels.ts';
import { DAY_MS } from '../../time/clock.ts';
import type { ApplicationRecord } from '../applications/application.types.ts';
import type { MailDraft } from '../notifications/mail.service.ts';
import type { Contact, ProgramSettings } from '../programs/program.service.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

function longDate(at: Date, timeZone: string): string {
  return dateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone }).format(at);
}

const days = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;

export interface ProgramWords {
  programName: string;
  periodName: string;
  timeZone: string;
  goalSheetDeadlineDays: number;
  guaranteeWindowDays: number;
  contactsPerMonth: number;
  goalSheetContact: Contact | null;
  /** The app's home page. */
  link: string;
}

/** What every match e-mail says about the program, from its settings. */
export function programWords(settings: ProgramSettings, periodName: string, link: string): ProgramWords {
  return {
    programName: settings.programName,
    periodName,
    timeZone: settings.timeZone,
    goalSheetDeadlineDays: settings.goalSheetDeadlineDays,
    guaranteeWindowDays: settings.guaranteeWindowDays,
    contactsPerMonth: settings.contactsPerMonth,
    goalSheetContact: settings.goalSheetContact,
    link,
  };
}

export interface Partner {
  name: string;
  email: string;
  phone: string;
  channels: readonly Channel[];
}

/** The announcement to `self` about a new match with `other` (their applications in the match's period). */
export function announcementTo(words: ProgramWords, self: ApplicationRecord, other: ApplicationRecord, matchedAt: Date): MailDraft {
  return matchAnnouncementMail({
    ...words,
    to: { address: self.applicantEmail, name: self.applicantName },
    role: self.role,
    partner: { name: other.applicantName, email: other.applicantEmail, phone: other.answers.phone, channels: other.answers.channels },
    matchedAt,
  });
}

/**
 * The announcement each side of a new match gets: who the partner is, how to reach them, and the
 * first thing to do. Written to be read once and acted on, so the dates are spelled out.
 */
export function matchAnnouncementMail(
  p: ProgramWords & { to: { address: string; name: string }; role: 'mentor' | 'mentee'; partner: Partner; matchedAt: Date },
): MailDraft {
  const partnerRole = p.role === 'mentor' ? 'mentee' : 'mentor';
  const goalSheetDue = longDate(new Date(p.matchedAt.getTime() + p.goalSheetDeadlineDays * DAY_MS), p.timeZone);
  const guaranteeEnds = longDate(new Date(p.matchedAt.getTime() + p.guaranteeWindowDays * DAY_MS), p.timeZone);
  const channels = p.partner.channels.map((c) => CHANNEL_LABELS[c]).join(', ');
  const goalSheet =
    p.role === 'mentee'
      ? `Together, write your goal sheet: one to three goals for the year, how you will work on them and how you will know they are reached. You send it to the program office by ${goalSheetDue} (${days(p.goalSheetDeadlineDays)} from today).`
      : `Together, write the goal sheet: one to three goals for the year, how you will work on them and how you will know they are reached. Your mentee sends it to the program office by ${goalSheetDue} (${days(p.goalSheetDeadlineDays)} from today); your experience will help shape it.`;
  return {
    to: p.to,
    kind: 'match-announcement',
    subject: `Meet your ${partnerRole}: ${p.partner.name}`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `Welcome to ${p.programName} (${p.periodName}). We are glad to introduce you to your ${partnerRole}, ${p.partner.name}.`,
      '',
      `How to reach ${p.partner.name}:`,
      `  E-mail: ${p.partner.email}`,
      ...(p.partner.phone.trim() !== '' ? [`  Phone: ${p.partner.phone.trim()}`] : []),
      ...(channels !== '' ? [`  Prefers: ${channels}`] : []),
      '',
      'What comes next:',
      `1. Say hello this week, and agree how and how often you will talk${p.contactsPerMonth > 0 ? `; the program suggests at least ${p.contactsPerMonth} ${p.contactsPerMonth === 1 ? 'contact' : 'contacts'} a month` : ''}.`,
      `2. ${goalSheet}`,
      `3. If the match does not feel right, either of you may ask for a new partner until ${guaranteeEnds} (${days(p.guaranteeWindowDays)} from today). No one needs to give the other a reason.`,
      ...(p.goalSheetContact
        ? ['', `Questions about the goal sheet? Write to ${p.goalSheetContact.name} at ${p.goalSheetContact.email}.`]
        : []),
      '',
      `Your match, the dates that matter and what to do together are on the ${p.programName} site: ${p.link}`,
      '',
      'We wish you a rewarding year together.',
    ].join('\n'),
  };
}

/** For an accepted mentee the matching could not place: kind, and with the way forward. */
export function unmatchedMenteeMail(p: ProgramWords & { to: { address: string; name: string } }): MailDraft {
  return {
    to: p.to,
    kind: 'match-none-mentee',
    subject: `About your place in ${p.programName}`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `Thank you for applying to ${p.programName} for ${p.periodName}. This time more mentees applied than our mentors have room for, and we could not find you a mentor.`,
      '',
      'That is about numbers, not about you. You can ask for your application to be carried to the next period, so you are part of the next matching without applying again:',
      `sign in at ${p.link} and open your application.`,
      '',
      'If a mentor becomes free during this period we may also get in touch. We hope to welcome you soon.',
    ].join('\n'),
  };
}

/** For an accepted mentor whose places were not needed this time. */
export function unmatchedMentorMail(p: ProgramWords & { to: { address: string; name: string } }): MailDraft {
  return {
    to: p.to,
    kind: 'match-none-mentor',
    subject: `Thank you for offering to mentor in ${p.programName}`,
    text: [
      `Hello ${p.to.name},`,
      '',
      `Thank you for offering to mentor in ${p.programName} for ${p.periodName}. This time we did not pair you with a mentee: the best matches for this group of mentees lay elsewhere.`,
      '',
      'We may get in touch during the period if a mentee needs a new partner. You can also ask for your application to be carried to the next period:',
      `sign in at ${p.link} and open your application.`,
    ].join('\n'),
  };
}
