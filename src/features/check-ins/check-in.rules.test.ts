import { describe, expect, it } from 'vitest';
import { CHECK_IN_TTL_MS, checkInExpiry, checkInStatus, maySendAgain } from './check-in.rules.ts';

const SENT = new Date('2026-11-10T18:00:00.000Z');

describe('check-ins: the link’s life', () => {
  it('lives 14 days from sending, to the millisecond, and not a moment longer', () => {
    const expiresAt = checkInExpiry(SENT).toISOString();
    expect(expiresAt).toBe('2026-11-24T18:00:00.000Z');
    expect(CHECK_IN_TTL_MS).toBe(14 * 24 * 3600 * 1000);
    expect(checkInStatus({ expiresAt, answer: null }, new Date('2026-11-24T17:59:59.999Z'))).toBe('open');
    expect(checkInStatus({ expiresAt, answer: null }, new Date('2026-11-24T18:00:00.000Z'))).toBe('expired');
  });

  it('keeps the first answer, even once the link has expired', () => {
    const expiresAt = checkInExpiry(SENT).toISOString();
    expect(checkInStatus({ expiresAt, answer: 'talk' }, SENT)).toBe('answered');
    expect(checkInStatus({ expiresAt, answer: 'all_good' }, new Date('2027-01-01T00:00:00.000Z'))).toBe('answered');
  });

  it('lets staff send the same pair another check-in only a day later', () => {
    expect(maySendAgain(null, SENT)).toBe(true);
    expect(maySendAgain(SENT.toISOString(), new Date('2026-11-11T17:59:59.999Z'))).toBe(false);
    expect(maySendAgain(SENT.toISOString(), new Date('2026-11-11T18:00:00.000Z'))).toBe(true);
  });
});
