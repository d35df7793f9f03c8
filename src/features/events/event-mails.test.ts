import { describe, expect, it } from 'vitest';
import { cancellationMail, invitationMail, reminderMail, whenInWords } from './event-mails.ts';

const event = {
  kind: 'forum' as const,
  title: 'November forum',
  description: 'Bring your goal sheet.',
  timeZone: 'America/Chicago',
  startsAt: new Date('2026-11-09T00:00:00Z'),
  durationMinutes: 90,
  joinUrl: 'https://meet.example.org/j/1',
  place: '',
  host: 'Dr. Lena Okoye',
  pageUrl: 'https://tandem.example.org/events/7',
};
const base = { programName: 'Mentoring Program', to: { address: 'maya@example.org', name: 'Maya' }, event };

describe('event e-mails', () => {
  it('an invitation says what, when (in the event’s zone), where and who, with three one-click answers and the calendar file', () => {
    const mail = invitationMail({ ...base, rsvpUrl: 'https://tandem.example.org/rsvp/abc', ics: 'BEGIN:VCALENDAR' });
    expect(mail.subject).toBe("You're invited: November forum");
    expect(mail.calendar).toEqual({ method: 'REQUEST', ics: 'BEGIN:VCALENDAR' });
    expect(mail.text).toContain('Sunday, November 8, 2026, 6:00 PM CST (America/Chicago), 1 hour 30 minutes');
    expect(mail.text).toContain('Join:  https://meet.example.org/j/1');
    expect(mail.text).toContain('Host:  Dr. Lena Okoye');
    for (const r of ['yes', 'maybe', 'no']) expect(mail.text).toContain(`https://tandem.example.org/rsvp/abc?response=${r}`);
    expect(mail.text.endsWith('The event page: https://tandem.example.org/events/7')).toBe(true);
  });

  it('a cancellation carries METHOD:CANCEL and no answer links', () => {
    const mail = cancellationMail({ ...base, ics: 'X' });
    expect(mail.calendar?.method).toBe('CANCEL');
    expect(mail.text).not.toContain('/rsvp/');
  });

  it('a reminder points to the event page, where a signed-in person can change the answer', () => {
    const mail = reminderMail({ ...base, words: 'in an hour' });
    expect(mail.subject).toBe('Reminder: November forum starts in an hour');
    expect(mail.text).not.toContain('/rsvp/');
    expect(mail.text).toContain('https://tandem.example.org/events/7');
  });

  it('writes the time in the zone with its abbreviation on both sides of a change', () => {
    expect(whenInWords(new Date('2026-10-25T23:00:00Z'), 'America/Chicago')).toBe(
      'Sunday, October 25, 2026, 6:00 PM CDT (America/Chicago)',
    );
    expect(whenInWords(new Date('2026-11-09T00:00:00Z'), 'America/Chicago')).toBe(
      'Sunday, November 8, 2026, 6:00 PM CST (America/Chicago)',
    );
  });
});
