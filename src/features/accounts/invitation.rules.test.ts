import { describe, expect, it } from 'vitest';
import { invitationExpiry, invitationStatus, INVITATION_TTL_MS, oneTimeTokenProblem } from './invitation.rules.ts';

const created = new Date('2026-09-01T10:00:00Z');
const expiresAt = invitationExpiry(created).toISOString();

describe('invitation status', () => {
  it('is pending until the expiry instant, then expired', () => {
    const inv = { expiresAt, acceptedAt: null, revokedAt: null };
    expect(invitationStatus(inv, new Date(created.getTime() + INVITATION_TTL_MS - 1))).toBe('pending');
    expect(invitationStatus(inv, new Date(created.getTime() + INVITATION_TTL_MS))).toBe('expired');
  });

  it('keeps accepted and revoked final, whatever the clock says', () => {
    const late = new Date(created.getTime() + 10 * INVITATION_TTL_MS);
    expect(invitationStatus({ expiresAt, acceptedAt: created.toISOString(), revokedAt: null }, late)).toBe('accepted');
    expect(invitationStatus({ expiresAt, acceptedAt: null, revokedAt: created.toISOString() }, created)).toBe('revoked');
  });
});

describe('one-time tokens', () => {
  it('work once and before they expire', () => {
    const t = { expiresAt: '2026-09-01T11:00:00.000Z', usedAt: null };
    expect(oneTimeTokenProblem(t, new Date('2026-09-01T10:59:59Z'))).toBeNull();
    expect(oneTimeTokenProblem(t, new Date('2026-09-01T11:00:00Z'))).toBe('expired');
    expect(oneTimeTokenProblem({ ...t, usedAt: '2026-09-01T10:30:00Z' }, new Date('2026-09-01T10:31:00Z'))).toBe('used');
  });
});
