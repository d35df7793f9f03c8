import { DAY_MS } from '../../time/clock.ts';

export const INVITATION_TTL_MS = 14 * DAY_MS;
export const PASSWORD_RESET_TTL_MS = DAY_MS / 24; // one hour

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'revoked';

export interface InvitationState {
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/** Accepted and revoked are final; otherwise a link lives until its expiry instant (exclusive). */
export function invitationStatus(inv: InvitationState, now: Date): InvitationStatus {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  return now.getTime() >= Date.parse(inv.expiresAt) ? 'expired' : 'pending';
}

export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_TTL_MS);
}

/** A one-time token (reset link) is usable once and before it expires. */
export function oneTimeTokenProblem(t: { expiresAt: string; usedAt: string | null }, now: Date): 'used' | 'expired' | null {
  if (t.usedAt) return 'used';
  if (now.getTime() >= Date.parse(t.expiresAt)) return 'expired';
  return null;
}
