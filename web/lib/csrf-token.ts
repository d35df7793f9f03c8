import { csrfResponseSchema } from '../../src/shared/api/auth.ts';

// The CSRF token lives in memory only. It belongs to the current session, so it
// is forgotten whenever someone signs in or out.
let token: string | null = null;
let pending: Promise<string> | null = null;

export function forgetCsrfToken(): void {
  token = null;
  pending = null;
}

export function currentCsrfToken(): string | null {
  return token;
}

export async function fetchCsrfToken(): Promise<string> {
  if (pending) return pending;
  pending = (async () => {
    const res = await fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`Could not get a CSRF token (HTTP ${res.status}).`);
    const parsed = csrfResponseSchema.parse(await res.json());
    token = parsed.token;
    return parsed.token;
  })();
  try {
    return await pending;
  } finally {
    pending = null;
  }
}
