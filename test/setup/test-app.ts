import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import type { Config } from '../../src/config.ts';
import type { Deps } from '../../src/deps.ts';
import { startSession } from '../../src/features/accounts/auth.service.ts';
import { hashPassword } from '../../src/features/accounts/passwords.ts';
import { completeSetup } from '../../src/features/accounts/setup.service.ts';
import { insertUser, replaceRoles } from '../../src/features/accounts/users.store.ts';
import { outboxOnlyMailer } from '../../src/features/notifications/mailer.ts';
import { buildApp } from '../../src/http/app.ts';
import type { Role } from '../../src/shared/roles.ts';
import { fixedClock } from '../../src/time/clock.ts';
import type { TestDb } from './dialects.ts';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;
export type TestClock = ReturnType<typeof fixedClock>;

export interface TestContext {
  app: TestApp;
  deps: Deps;
  clock: TestClock;
  close(): Promise<void>;
}

/** The real app over a test database, with a clock the test moves and no log noise. */
export async function buildTestApp(testDb: TestDb, overrides: Partial<Config> = {}): Promise<TestContext> {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-uploads-'));
  const config = loadConfig(
    { NODE_ENV: 'test', RATE_LIMIT_AUTH_PER_MINUTE: '1000' },
    // The test's own database, for what opens a connection of its own (a CSV import's worker).
    { webDistDir: '/nonexistent', uploadDir, sqliteFile: testDb.sqliteFile, databaseUrl: testDb.databaseUrl, ...overrides },
  );
  const clock = fixedClock('2026-09-01T15:00:00.000Z');
  const deps: Deps = { db: testDb.db, dialect: testDb.dialect, config, clock, mailer: outboxOnlyMailer, log: pino({ level: 'silent' }) };
  // Errors the app logs (a 500 above all) reach console.error, which fails the test.
  const app = await buildApp(deps, { logger: { level: 'error', stream: { write: (line: string) => console.error(line) } } });
  const close = async () => {
    await app.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  };
  return { app, deps, clock, close };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A browser-like client: keeps its cookies and sends the CSRF token with every change. */
export class Client {
  private cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(private readonly app: TestApp) {}

  async request(method: Method, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        ...(this.cookies.size > 0 && { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }),
        ...(this.csrfToken && method !== 'GET' && { 'x-csrf-token': this.csrfToken }),
        ...headers,
      },
      ...(body !== undefined && { payload: body as object }),
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body ?? {});
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);

  /** Uses a session made straight in the service, skipping the (slow, by design) password check. */
  async useSession(token: string): Promise<void> {
    this.cookies.set('tandem_session', token);
    await this.refreshCsrf();
  }

  /** The Cookie header this client sends, for a request built by hand. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  sessionToken(): string | undefined {
    return this.cookies.get('tandem_session');
  }

  hasSession(): boolean {
    return this.cookies.has('tandem_session');
  }

  async refreshCsrf(): Promise<void> {
    this.csrfToken = undefined;
    const res = await this.get('/api/auth/csrf');
    this.csrfToken = (res.json() as { token: string }).token;
  }

  async signIn(email: string, password: string): Promise<LightMyRequestResponse> {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.statusCode === 200) await this.refreshCsrf();
    return res;
  }
}

export const TEST_PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | undefined;

/** Completes setup (first staff account) unless it is done already. */
export async function setUpProgram(deps: Deps): Promise<{ staffId: number; staffEmail: string }> {
  const staffEmail = 'staff@example.org';
  const staffId = await completeSetup(deps, {
    programName: 'Test Mentoring Program',
    timeZone: 'America/Chicago',
    name: 'Sam Staff',
    email: staffEmail,
    password: TEST_PASSWORD,
  });
  return { staffId, staffEmail };
}

let seq = 0;
/** A person with the given roles and TEST_PASSWORD, created straight in the store. */
export async function createPerson(deps: Deps, roles: Role[], name?: string): Promise<{ id: number; email: string; name: string }> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  seq += 1;
  const label = name ?? `${roles.join('-') || 'nobody'} ${seq}`;
  const email = `${label.toLowerCase().replace(/[^a-z0-9]+/g, '.')}.${seq}@example.org`;
  const id = await insertUser(deps.db, { email, name: label, passwordHash: await cachedHash, at: deps.clock.now().toISOString() });
  await replaceRoles(deps.db, id, roles);
  return { id, email, name: label };
}

/** A signed-in client for a new person with these roles. */
/** A client already signed in as this person (a session made directly, no password round trip). */
export async function sessionClient(ctx: TestContext, userId: number): Promise<Client> {
  const client = new Client(ctx.app);
  await client.useSession(await startSession(ctx.deps, userId));
  return client;
}

export async function signedIn(ctx: TestContext, roles: Role[]): Promise<{ client: Client; id: number; email: string }> {
  const person = await createPerson(ctx.deps, roles);
  const client = new Client(ctx.app);
  const res = await client.signIn(person.email, TEST_PASSWORD);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { client, ...person };
}

/** Pulls the first link of the given path out of the newest message to `to`. */
export async function linkFromOutbox(deps: Deps, to: string, pathPrefix: string): Promise<string> {
  const row = await deps.db
    .selectFrom('outbox')
    .select('text_body')
    .where('to_address', '=', to)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const match = new RegExp(`https?://[^\\s]+${pathPrefix}/([A-Za-z0-9_-]+)`).exec(row.text_body);
  if (!match?.[1]) throw new Error(`no ${pathPrefix} link in: ${row.text_body}`);
  return match[1];
}
