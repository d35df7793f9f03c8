import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  capacityProblem,
  eventInstants,
  eventPhase,
  maySeeArchive,
  periodOfEvent,
  placesToFill,
  remindersDue,
  rsvpOpen,
  rsvpOutcome,
  rsvpRefusal,
  whereProblem,
} from './event.rules.ts';

const when = (over = {}) => ({
  date: '2026-11-08',
  time: '18:00',
  timeZone: 'America/Chicago',
  durationMinutes: 60,
  rsvpDeadline: null,
  ...over,
});

describe('event instants', () => {
  it('18:00 in Chicago is 00:00 UTC the week after daylight saving ends, 23:00 the week before', () => {
    const after = eventInstants(when());
    const before = eventInstants(when({ date: '2026-10-25' }));
    expect(after.ok && after.instants.startsAt.toISOString()).toBe('2026-11-09T00:00:00.000Z');
    expect(after.ok && after.instants.endsAt.toISOString()).toBe('2026-11-09T01:00:00.000Z');
    expect(before.ok && before.instants.startsAt.toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('refuses an unknown zone, a date not on the calendar, no length, and a deadline after the start', () => {
    const problem = (over: object) => {
      const r = eventInstants(when(over));
      return r.ok ? null : r.problem.field;
    };
    expect(problem({ timeZone: 'Mars/Olympus_Mons' })).toBe('timeZone');
    expect(problem({ date: '2026-02-30' })).toBe('date');
    expect(problem({ durationMinutes: 0 })).toBe('durationMinutes');
    expect(problem({ rsvpDeadline: { date: '2026-11-08', time: '18:01' } })).toBe('rsvpDeadline');
    expect(problem({ rsvpDeadline: { date: '2026-11-08', time: '18:00' } })).toBeNull();
  });

  it('wants a join link or a place', () => {
    expect(whereProblem('', ' ')?.field).toBe('place');
    expect(whereProblem('https://meet.example.org/1', '')).toBeNull();
    expect(whereProblem('', 'Room 204')).toBeNull();
  });
});

describe('phases and answers', () => {
  const e = {
    status: 'published' as const,
    startsAt: '2026-11-09T00:00:00.000Z',
    endsAt: '2026-11-09T01:00:00.000Z',
    rsvpDeadlineAt: null,
  };
  it('moves from upcoming to happening to past with the clock', () => {
    expect(eventPhase(e, new Date('2026-11-08T23:59:59Z'))).toBe('upcoming');
    expect(eventPhase(e, new Date('2026-11-09T00:00:00Z'))).toBe('happening');
    expect(eventPhase(e, new Date('2026-11-09T01:00:00Z'))).toBe('past');
    expect(eventPhase({ ...e, status: 'cancelled' }, new Date('2026-11-01T00:00:00Z'))).toBe('cancelled');
  });

  it('takes answers until the deadline or the start, whichever comes first', () => {
    const withDeadline = { ...e, rsvpDeadlineAt: '2026-11-07T00:00:00.000Z' };
    expect(rsvpOpen(withDeadline, new Date('2026-11-06T23:59:00Z'))).toBe(true);
    expect(rsvpRefusal(withDeadline, new Date('2026-11-07T00:00:00Z'))?.code).toBe('RSVP_CLOSED');
    expect(rsvpRefusal(e, new Date('2026-11-09T00:30:00Z'))?.code).toBe('EVENT_OVER');
    expect(rsvpRefusal({ ...e, status: 'cancelled' }, new Date('2026-11-01T00:00:00Z'))?.code).toBe('EVENT_CANCELLED');
  });

  it('a yes takes a place while there is room; a full event waitlists only those who ask', () => {
    const base = { capacity: 2, current: null, joinWaitlist: false } as const;
    expect(rsvpOutcome({ ...base, yesCount: 1, response: 'yes' })).toBe('yes');
    expect(rsvpOutcome({ ...base, yesCount: 2, response: 'yes' })).toBe('full');
    expect(rsvpOutcome({ ...base, yesCount: 2, response: 'yes', joinWaitlist: true })).toBe('waitlist');
    expect(rsvpOutcome({ ...base, yesCount: 2, response: 'yes', current: 'yes' })).toBe('yes');
    expect(rsvpOutcome({ ...base, yesCount: 2, response: 'yes', current: 'waitlist' })).toBe('waitlist');
    expect(rsvpOutcome({ ...base, capacity: null, yesCount: 500, response: 'yes' })).toBe('yes');
    expect(rsvpOutcome({ ...base, yesCount: 2, response: 'maybe' })).toBe('maybe');
  });

  it('never gives out more places than there are, nor more than people waiting', () => {
    fc.assert(
      fc.property(fc.option(fc.nat(50), { nil: null }), fc.nat(60), fc.nat(20), (capacity, yes, waiting) => {
        const n = placesToFill(capacity, yes, waiting);
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(waiting);
        if (capacity !== null) expect(yes + n <= Math.max(capacity, yes)).toBe(true);
        // And it fills every free place it can.
        if (capacity !== null && yes + n < capacity) expect(n).toBe(waiting);
      }),
    );
  });

  it('refuses a capacity below the places already taken', () => {
    expect(capacityProblem(3, 4)?.field).toBe('capacity');
    expect(capacityProblem(4, 4)).toBeNull();
    expect(capacityProblem(null, 400)).toBeNull();
  });
});

describe('reminders', () => {
  const start = new Date('2026-11-09T00:00:00Z');
  it('a day before, then an hour before, then nothing once it has started', () => {
    expect(remindersDue(start, new Date('2026-11-07T23:59:00Z'))).toEqual([]);
    expect(remindersDue(start, new Date('2026-11-08T00:00:00Z')).map((r) => r.which)).toEqual(['day']);
    expect(remindersDue(start, new Date('2026-11-08T23:00:00Z')).map((r) => r.which)).toEqual(['hour']);
    expect(remindersDue(start, start)).toEqual([]);
  });
});

describe('who sees a past event', () => {
  const base = {
    isStaff: false,
    invited: false,
    openToLaterCohorts: false,
    audience: 'period_matches' as const,
    roles: ['mentee'] as const,
  };
  it('staff and the invited always; later cohorts once opened; a staff-only event never', () => {
    expect(maySeeArchive({ ...base, isStaff: true })).toBe(true);
    expect(maySeeArchive({ ...base, invited: true })).toBe(true);
    expect(maySeeArchive(base)).toBe(false);
    expect(maySeeArchive({ ...base, openToLaterCohorts: true })).toBe(true);
    expect(maySeeArchive({ ...base, openToLaterCohorts: true, roles: ['taskforce'] })).toBe(false);
    expect(maySeeArchive({ ...base, openToLaterCohorts: true, audience: 'staff' })).toBe(false);
  });

  it('an event belongs to its period, or to the program year that holds its date', () => {
    const periods = [
      { id: 1, matchesAnnouncedOn: '2025-09-15', programEndsOn: '2026-08-31' },
      { id: 2, matchesAnnouncedOn: '2026-09-15', programEndsOn: '2027-08-31' },
    ];
    expect(periodOfEvent({ periodId: 1, date: '2026-11-08' }, periods)).toBe(1);
    expect(periodOfEvent({ periodId: null, date: '2026-11-08' }, periods)).toBe(2);
    expect(periodOfEvent({ periodId: null, date: '2026-01-10' }, periods)).toBe(1);
    expect(periodOfEvent({ periodId: null, date: '2024-01-10' }, periods)).toBeNull();
  });
});
