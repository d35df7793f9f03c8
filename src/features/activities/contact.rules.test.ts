import { describe, expect, it } from 'vitest';
import { channelProblem, contactAccess, contactDateProblem, contactSummary } from './contact.rules.ts';

describe('contactDateProblem', () => {
  // Matched at 03:00 UTC on 1 September: still 31 August in Chicago, already 1 September in Tokyo.
  const matchedAt = '2026-09-01T03:00:00.000Z';

  it('accepts today and the day of the match, as the program’s time zone sees them', () => {
    const now = new Date('2026-09-20T15:00:00Z');
    expect(contactDateProblem('2026-09-20', { matchedAt, timeZone: 'America/Chicago', now })).toBeNull();
    expect(contactDateProblem('2026-08-31', { matchedAt, timeZone: 'America/Chicago', now })).toBeNull();
    expect(contactDateProblem('2026-09-01', { matchedAt, timeZone: 'Asia/Tokyo', now })).toBeNull();
  });

  it('refuses a day after today, with the boundary at midnight in the program’s time zone', () => {
    // 04:59 UTC on 21 September is 23:59 on 20 September in Chicago (CDT, UTC-5).
    const lateEvening = new Date('2026-09-21T04:59:00Z');
    expect(contactDateProblem('2026-09-21', { matchedAt, timeZone: 'America/Chicago', now: lateEvening })?.code).toBe('DATE_IN_FUTURE');
    expect(contactDateProblem('2026-09-20', { matchedAt, timeZone: 'America/Chicago', now: lateEvening })).toBeNull();
    // One minute later it is 21 September in Chicago, and that day is fine.
    const midnight = new Date('2026-09-21T05:00:00Z');
    expect(contactDateProblem('2026-09-21', { matchedAt, timeZone: 'America/Chicago', now: midnight })).toBeNull();
    // The same instant is already 21 September in UTC and in Tokyo (where the 22nd is still ahead).
    expect(contactDateProblem('2026-09-21', { matchedAt, timeZone: 'UTC', now: lateEvening })).toBeNull();
    expect(contactDateProblem('2026-09-22', { matchedAt, timeZone: 'Asia/Tokyo', now: lateEvening })?.code).toBe('DATE_IN_FUTURE');
  });

  it('refuses a day before the match was made, in the program’s time zone', () => {
    const now = new Date('2026-09-20T15:00:00Z');
    expect(contactDateProblem('2026-08-30', { matchedAt, timeZone: 'America/Chicago', now })?.code).toBe('DATE_BEFORE_MATCH');
    // 31 August is before the match in Tokyo, where the match was made on 1 September.
    const tokyo = contactDateProblem('2026-08-31', { matchedAt, timeZone: 'Asia/Tokyo', now });
    expect(tokyo).toMatchObject({ code: 'DATE_BEFORE_MATCH', path: 'occurredOn' });
    expect(tokyo?.message).toContain('2026-09-01');
  });

  it('refuses a date that is not on the calendar', () => {
    const now = new Date('2027-03-20T15:00:00Z');
    expect(contactDateProblem('2027-02-30', { matchedAt, timeZone: 'UTC', now })?.code).toBe('INVALID_DATE');
  });
});

describe('channelProblem', () => {
  it('accepts a channel the program uses and refuses others, known or not', () => {
    expect(channelProblem('video', ['video', 'email'])).toBeNull();
    expect(channelProblem('phone', ['video', 'email'])?.code).toBe('CHANNEL_NOT_USED');
    expect(channelProblem('carrier pigeon', ['video', 'email'])).toMatchObject({ code: 'CHANNEL_NOT_USED', path: 'channel' });
    // A property of every object is not a channel.
    expect(channelProblem('constructor', ['video'])?.code).toBe('CHANNEL_NOT_USED');
  });
});

describe('contactSummary', () => {
  it('counts this month’s contacts and the days since the last one', () => {
    const summary = contactSummary(['2026-09-03', '2026-08-28', '2026-09-15', '2026-09-15'], '2026-09-20', 2);
    expect(summary).toEqual({ lastContactOn: '2026-09-15', daysSinceLastContact: 5, thisMonth: 3, suggestedPerMonth: 2 });
  });

  it('says nothing about the last contact when there is none', () => {
    expect(contactSummary([], '2026-09-20', 2)).toEqual({
      lastContactOn: null,
      daysSinceLastContact: null,
      thisMonth: 0,
      suggestedPerMonth: 2,
    });
  });

  it('starts a new count on the first of the month', () => {
    expect(contactSummary(['2026-09-30'], '2026-10-01', 4)).toMatchObject({ thisMonth: 0, daysSinceLastContact: 1 });
  });

  it('ignores a date after today (the time zone changed since it was logged)', () => {
    expect(contactSummary(['2026-09-21', '2026-09-19'], '2026-09-20', 2)).toMatchObject({ lastContactOn: '2026-09-19', thisMonth: 1 });
  });
});

describe('contactAccess', () => {
  const match = { mentorUserId: 1, menteeUserId: 2 };
  it('tells the pair, staff and everyone else apart', () => {
    expect(contactAccess({ userId: 1, roles: ['mentor'] }, match)).toBe('party');
    expect(contactAccess({ userId: 2, roles: ['mentee', 'staff'] }, match)).toBe('party');
    expect(contactAccess({ userId: 3, roles: ['staff'] }, match)).toBe('staff');
    expect(contactAccess({ userId: 4, roles: ['committee', 'mentor'] }, match)).toBe('none');
  });
});
