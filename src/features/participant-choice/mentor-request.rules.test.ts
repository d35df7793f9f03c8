import { describe, expect, it } from 'vitest';
import { closedRequestMessage, effectiveStatus, requestExpiresAt } from './mentor-request.rules.ts';

describe('requestExpiresAt', () => {
  it('is the end of the N-th day after the request, in the program time zone', () => {
    // 10:00 in Chicago on 6 December; seven days → the end of 13 December, Chicago time (CST, UTC−6).
    const at = requestExpiresAt(new Date('2026-12-06T16:00:00Z'), 7, 'America/Chicago');
    expect(at.toISOString()).toBe('2026-12-14T06:00:00.000Z');
  });

  it('counts days by the program calendar, not UTC: late evening is still the same day', () => {
    // 23:30 in Chicago on 6 December is already 7 December in UTC.
    const at = requestExpiresAt(new Date('2026-12-07T05:30:00Z'), 1, 'America/Chicago');
    expect(at.toISOString()).toBe('2026-12-08T06:00:00.000Z');
  });

  it('keeps the local end of day across a daylight-saving change', () => {
    // Asked 5 March 2027 in New York (EST); 10 days later is 15 March (EDT, UTC−4).
    const at = requestExpiresAt(new Date('2027-03-05T15:00:00Z'), 10, 'America/New_York');
    expect(at.toISOString()).toBe('2027-03-16T04:00:00.000Z');
  });
});

describe('effectiveStatus', () => {
  const expiresAt = '2026-12-14T06:00:00.000Z';
  it('reads a pending request whose time ran out as expired, job or not', () => {
    expect(effectiveStatus({ status: 'pending', expiresAt }, new Date('2026-12-14T06:00:00Z'))).toBe('expired');
    expect(effectiveStatus({ status: 'pending', expiresAt }, new Date('2026-12-14T05:00:00Z'))).toBe('pending');
  });
  it('leaves answered requests as they are', () => {
    expect(effectiveStatus({ status: 'accepted', expiresAt }, new Date('2027-01-01T00:00:00Z'))).toBe('accepted');
  });
});

describe('closedRequestMessage', () => {
  it('says why for every closed status', () => {
    for (const s of ['accepted', 'declined', 'withdrawn', 'expired', 'cancelled'] as const) expect(closedRequestMessage(s)).toMatch(/\w+/);
  });
});
