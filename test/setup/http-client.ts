/**
 * A browser-like client of a real server over HTTP (a child process, or nginx in front of
 * several): it keeps the session cookie it is given and sends the CSRF token with every change.
 * The in-process tests use Client (test-app.ts) over app.inject instead.
 */
export class HttpClient {
  cookie = '';
  csrf = '';
  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...(this.csrf && method !== 'GET' && { 'x-csrf-token': this.csrf }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair?.startsWith('tandem_session=') || pair?.startsWith('__Host-tandem_session=')) this.cookie = pair;
    }
    return res;
  }

  /** Signs in (or completes setup with `setup`), then fetches the session's CSRF token. */
  async signIn(credentials: { email: string; password: string }, setup?: { programName: string; name: string }): Promise<void> {
    const res = setup
      ? await this.request('POST', '/api/setup', { ...setup, timeZone: 'America/Chicago', ...credentials })
      : await this.request('POST', '/api/auth/login', credentials);
    if (!res.ok) throw new Error(`sign-in of ${credentials.email}: ${res.status} ${await res.text()}`);
    this.csrf = ((await (await this.request('GET', '/api/auth/csrf')).json()) as { token: string }).token;
  }

  /** The e-mail address of whoever the session is, or null. */
  async me(): Promise<string | null> {
    return ((await (await this.request('GET', '/api/me')).json()) as { user: { email: string } | null }).user?.email ?? null;
  }
}
