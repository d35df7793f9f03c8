import { createHash } from 'node:crypto';
import Tokens from '@fastify/csrf';

/**
 * CSRF tokens bound to the session (synchronizer tokens; decision 0008). A session's CSRF secret
 * is derived from its own token, which lives only in the HttpOnly session cookie: there is no
 * second cookie to plant or to leave without Secure, a token from another session never fits, and
 * every instance can check a token without shared state. @fastify/csrf makes the tokens (salted,
 * so a page never repeats one) and compares them in constant time.
 */
const tokens = new Tokens({ userInfo: false });

function secretOf(sessionToken: string): string {
  return createHash('sha256').update(`tandem csrf\0${sessionToken}`).digest('base64url');
}

/**
 * A token for the session the request carries. Without a session nothing is checked (there is no
 * authority to borrow), so the token made from a throwaway secret only keeps the answer's shape.
 */
export function issueCsrfToken(sessionToken: string | undefined): string {
  return tokens.create(sessionToken ? secretOf(sessionToken) : tokens.secretSync());
}

/** Whether the header sent with a change is a token of this very session. */
export function csrfTokenFits(sessionToken: string, sent: string | string[] | undefined): boolean {
  return typeof sent === 'string' && sent.length <= 256 && tokens.verify(secretOf(sessionToken), sent);
}
