import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: for session cookies, invitation and reset links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this hash is stored, so a copy of the database opens no sessions and no links. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
