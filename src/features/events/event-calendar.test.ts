import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { instantAt } from '../../time/zoned.ts';
import { calendarFeedIcs, eventDownloadIcs, eventInvitationIcs, organizerFrom } from './event-calendar.ts';
import type { CalendarEvent } from './event-calendar.ts';

/** Parses a calendar file with ical.js (Mozilla's RFC 5545 parser), registering its time zones. */
function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const events = calendar.getAllSubcomponents('vevent').map((v) => ({ component: v, event: new ICAL.Event(v) }));
  return { calendar, events };
}

// The first Sunday of November 2026 (1 November) ends daylight saving in Chicago: the forum a
// week later is at 18:00 CST, which is 00:00 UTC the next day (not 23:00, as CDT would give).
const startsAt = instantAt('2026-11-08', '18:00', 'America/Chicago');
const forum: CalendarEvent = {
  uid: 'event-7-1a2b3c@tandem',
  sequence: 3,
  title: 'November forum: goals and expectations',
  description: 'An hour together; bring your goal sheet.\nSlides: https://example.org/slides',
  timeZone: 'America/Chicago',
  startsAt,
  endsAt: new Date(startsAt.getTime() + 60 * 60_000),
  joinUrl: 'https://meet.example.org/j/123',
  place: '',
  cancelled: false,
  pageUrl: 'https://tandem.example.org/events/7',
  updatedAt: new Date('2026-11-01T12:00:00Z'),
};
const organizer = { name: 'Mentoring program office', email: 'mentoring@example.org' };
const attendee = { name: 'Maya Mentee', email: 'maya@example.org', state: null };

describe('event calendar files, parsed back by ical.js', () => {
  it('an invitation: METHOD:REQUEST, UID, SEQUENCE, zone, start, end, organizer and the attendee', () => {
    const ics = eventInvitationIcs({ programName: 'Mentoring', method: 'REQUEST', event: forum, organizer, attendee });
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(events).toHaveLength(1);
    const { event, component } = events[0]!;
    expect(event.uid).toBe(forum.uid);
    expect(event.sequence).toBe(3);
    expect(event.summary).toBe(forum.title);
    expect(component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('America/Chicago');
    expect(event.startDate.zone!.tzid).toBe('America/Chicago');
    expect(event.startDate.toString()).toBe('2026-11-08T18:00:00');
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-09T00:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-09T01:00:00.000Z');
    expect(event.endDate.toString()).toBe('2026-11-08T19:00:00');
    expect(String(event.organizer)).toBe('mailto:mentoring@example.org');
    const attendees = component.getAllProperties('attendee');
    expect(attendees).toHaveLength(1);
    expect(String(attendees[0]!.getFirstValue()).toLowerCase()).toBe('mailto:maya@example.org');
    expect(attendees[0]!.getParameter('partstat')).toBe('NEEDS-ACTION');
    expect(attendees[0]!.getParameter('rsvp')).toBe('TRUE');
    expect(event.location).toContain('https://meet.example.org/j/123');
    expect(event.description).toContain('https://tandem.example.org/events/7');
  });

  it('18:00 in Chicago the week after the change is still 18:00 local, and a summer one is 23:00 UTC', () => {
    const summer = { ...forum, startsAt: instantAt('2026-10-25', '18:00', 'America/Chicago') };
    summer.endsAt = new Date(summer.startsAt.getTime() + 3_600_000);
    for (const [e, utc] of [
      [forum, '2026-11-09T00:00:00.000Z'],
      [summer, '2026-10-25T23:00:00.000Z'],
    ] as const) {
      const { event } = parse(eventDownloadIcs({ programName: 'Mentoring', event: e, organizer })).events[0]!;
      expect(event.startDate.hour).toBe(18);
      expect(event.startDate.toJSDate().toISOString()).toBe(utc);
    }
  });

  it('a cancellation: METHOD:CANCEL, the same UID, a later SEQUENCE, STATUS:CANCELLED', () => {
    const ics = eventInvitationIcs({ programName: 'Mentoring', method: 'CANCEL', event: { ...forum, sequence: 4 }, organizer, attendee });
    const { calendar, events } = parse(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(events[0]!.event.uid).toBe(forum.uid);
    expect(events[0]!.event.sequence).toBe(4);
    expect(events[0]!.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('an answer shows as the attendee’s PARTSTAT', () => {
    const ics = eventInvitationIcs({
      programName: 'M',
      method: 'REQUEST',
      event: forum,
      organizer,
      attendee: { ...attendee, state: 'yes' },
    });
    expect(parse(ics).events[0]!.component.getFirstProperty('attendee')!.getParameter('partstat')).toBe('ACCEPTED');
  });

  it('a feed holds every event with each zone it uses', () => {
    const berlin = {
      ...forum,
      uid: 'event-8@tandem',
      timeZone: 'Europe/Berlin',
      startsAt: instantAt('2026-11-10', '09:30', 'Europe/Berlin'),
    };
    berlin.endsAt = new Date(berlin.startsAt.getTime() + 3_600_000);
    const { calendar, events } = parse(calendarFeedIcs({ programName: 'M', events: [forum, berlin], organizer }));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events.map((e) => e.event.uid)).toEqual([forum.uid, berlin.uid]);
    expect(events[1]!.event.startDate.zone!.tzid).toBe('Europe/Berlin');
    expect(events[1]!.event.startDate.toString()).toBe('2026-11-10T09:30:00');
    expect(events[1]!.event.startDate.toJSDate().toISOString()).toBe('2026-11-10T08:30:00.000Z');
  });

  it('text with commas, semicolons and new lines survives the round trip', () => {
    const title = 'Forum; goals, plans\nand more';
    const { event } = parse(eventDownloadIcs({ programName: 'M', event: { ...forum, title }, organizer })).events[0]!;
    expect(event.summary).toBe(title);
  });

  it('the organizer comes from the From address', () => {
    expect(organizerFrom('Mentoring office <office@example.org>', 'X')).toEqual({ name: 'Mentoring office', email: 'office@example.org' });
    expect(organizerFrom('"Quoted Name" <q@example.org>', 'X')).toEqual({ name: 'Quoted Name', email: 'q@example.org' });
    expect(organizerFrom('office@example.org', 'Program')).toEqual({ name: 'Program', email: 'office@example.org' });
  });
});
