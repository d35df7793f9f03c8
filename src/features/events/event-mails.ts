import type { MailDraft } from '../notifications/mail.service.ts';
import { EVENT_KIND_LABELS } from '../../shared/events.ts';
import type { EventKind } from '../../shared/events.ts';
import { dateTimeFormat } from '../../time/date-time-format.ts';

/** The e-mails of events, in the product's own words. Times are written in the event's zone. */

export interface EventForMail {
  kind: EventKind;
  title: string;
  description: string;
  timeZone: string;
  startsAt: Date;
  durationMinutes: number;
  joinUrl: string;
  place: string;
  host: string;
  /** The event's page in the app. */
  pageUrl: string;
}

export function whenInWords(startsAt: Date, timeZone: string): string {
  const date = dateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone }).format(startsAt);
  const time = dateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(startsAt);
  return `${date}, ${time} (${timeZone})`;
}

function durationInWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h === 0 ? '' : h === 1 ? '1 hour' : `${h} hours`;
  const mins = m === 0 ? '' : `${m} minutes`;
  return [hours, mins].filter((s) => s !== '').join(' ');
}

function details(e: EventForMail): string[] {
  return [
    `  What:  ${EVENT_KIND_LABELS[e.kind]} — ${e.title}`,
    `  When:  ${whenInWords(e.startsAt, e.timeZone)}, ${durationInWords(e.durationMinutes)}`,
    ...(e.place.trim() !== '' ? [`  Where: ${e.place.trim()}`] : []),
    ...(e.joinUrl !== '' ? [`  Join:  ${e.joinUrl}`] : []),
    ...(e.host.trim() !== '' ? [`  Host:  ${e.host.trim()}`] : []),
  ];
}

/** Who a message is for, and about which event. */
export interface EventMailInput {
  programName: string;
  to: { address: string; name: string };
  event: EventForMail;
}
/** With a calendar file and a fresh one-click answer link. */
type WithAnswers = EventMailInput & { rsvpUrl: string; ics: string };

/** A greeting, the lines, and the event page at the end. */
const letter = (p: EventMailInput, lines: readonly string[]): string =>
  [`Hello ${p.to.name},`, '', ...lines, '', `The event page: ${p.event.pageUrl}`].join('\n');

function answerLinks(rsvpUrl: string): string[] {
  return [
    'Will you come? One click answers:',
    '',
    `  Yes, I'll be there: ${rsvpUrl}?response=yes`,
    `  Maybe:              ${rsvpUrl}?response=maybe`,
    `  No, I can't make it: ${rsvpUrl}?response=no`,
    '',
    'You can change your answer later with the same links, or on the event page.',
  ];
}

export function invitationMail(p: WithAnswers): MailDraft {
  const description = p.event.description.trim();
  return {
    to: p.to,
    kind: 'event-invitation',
    subject: `You're invited: ${p.event.title}`,
    calendar: { method: 'REQUEST', ics: p.ics },
    text: letter(p, [
      `${p.programName} invites you to this ${EVENT_KIND_LABELS[p.event.kind].toLowerCase()}:`,
      '',
      ...details(p.event),
      ...(description !== '' ? ['', description] : []),
      '',
      ...answerLinks(p.rsvpUrl),
      '',
      'The calendar file attached adds it to your calendar, and later changes will update it.',
    ]),
  };
}

export function updateMail(p: WithAnswers): MailDraft {
  return {
    to: p.to,
    kind: 'event-update',
    subject: `Changed: ${p.event.title}`,
    calendar: { method: 'REQUEST', ics: p.ics },
    text: letter(p, [
      `${p.programName} has changed the details of an event you are invited to. As it stands now:`,
      '',
      ...details(p.event),
      '',
      'Your answer stays as it was. If the change affects you:',
      '',
      ...answerLinks(p.rsvpUrl),
    ]),
  };
}

export function cancellationMail(p: EventMailInput & { ics: string }): MailDraft {
  return {
    to: p.to,
    kind: 'event-cancelled',
    subject: `Cancelled: ${p.event.title}`,
    calendar: { method: 'CANCEL', ics: p.ics },
    text: letter(p, [
      `${p.programName} has cancelled this event:`,
      '',
      ...details(p.event),
      '',
      'The calendar file attached removes it from your calendar. We are sorry for the change of plans.',
    ]),
  };
}

export function placeOpenedMail(p: EventMailInput): MailDraft {
  return {
    to: p.to,
    kind: 'event-waitlist-place',
    subject: `A place opened up: ${p.event.title}`,
    text: letter(p, [
      `Good news: a place opened up and it is yours. You were first on the waitlist, so ${p.programName} has you down as coming to:`,
      '',
      ...details(p.event),
      '',
      'If you can no longer come, please say so on the event page so the next person gets the place.',
    ]),
  };
}

export function reminderMail(p: EventMailInput & { words: string }): MailDraft {
  return {
    to: p.to,
    kind: 'event-reminder',
    subject: `Reminder: ${p.event.title} starts ${p.words}`,
    text: letter(p, [
      `A reminder from ${p.programName}: this starts ${p.words}.`,
      '',
      ...details(p.event),
      '',
      'Plans changed? Update your answer on the event page.',
    ]),
  };
}
