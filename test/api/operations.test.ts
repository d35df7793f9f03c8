import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Deps } from '../../src/deps.ts';
import { outboxOnlyMailer } from '../../src/features/notifications/mailer.ts';
import { buildApp } from '../../src/http/app.ts';
import { logSerializers, redactPaths } from '../../src/http/log-redaction.ts';
import { systemClock } from '../../src/time/clock.ts';
import { startAppProcess } from '../setup/app-server.ts';
import { describeEachDialect } from '../setup/dialects.ts';
import { buildTestApp, Client, linkFromOutbox, setUpProgram, signedIn, TEST_PASSWORD } from '../setup/test-app.ts';
import type { TestContext } from '../setup/test-app.ts';

describeEachDialect('operations', (db) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await buildTestApp(db());
    await setUpProgram(ctx.deps);
  });
  afterAll(() => ctx.close());

  it('shares sessions between two app instances on one database', async () => {
    const other = await buildTestApp(db());
    try {
      const person = await signedIn(ctx, ['mentor']);
      const onOther = new Client(other.app);
      await onOther.useSession(person.client.sessionToken() ?? '');
      expect((await onOther.get('/api/me')).json().user.email).toBe(person.email);
      await person.client.post('/api/auth/logout');
      expect((await onOther.get('/api/me')).json()).toEqual({ user: null });
    } finally {
      await other.close();
    }
  });

  it('answers ready only while the database answers', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/ready' })).json()).toEqual({ status: 'ready', database: db().dialect });
  });

  it('logs requests without passwords, cookies or link tokens', async () => {
    const lines: string[] = [];
    const deps: Deps = {
      ...ctx.deps,
      config: loadConfig({ NODE_ENV: 'test' }, { webDistDir: '/nonexistent' }),
      clock: systemClock,
      mailer: outboxOnlyMailer,
      log: pino({ level: 'silent' }),
    };
    const app = await buildApp(deps, {
      logger: { level: 'trace', redact: redactPaths, serializers: logSerializers, stream: { write: (l: string) => void lines.push(l) } },
    });
    try {
      const staff = new Client(app);
      const staffPerson = await signedIn({ ...ctx, app }, ['staff']);
      await staff.signIn(staffPerson.email, TEST_PASSWORD);
      await staff.post('/api/invitations', { email: 'logged@example.org', name: 'Logged', roles: ['mentee'] });
      const token = await linkFromOutbox(ctx.deps, 'logged@example.org', '/invite');
      const anon = new Client(app);
      await anon.get(`/api/invitations/${token}`);
      await anon.post(`/api/invitations/${token}/accept`, { name: 'Logged', password: 'secret-sauce-123' });
      // A failed sign-in is counted and logged as a 401, without what was typed.
      expect((await new Client(app).signIn('logged@example.org', 'wrong-guess-xyz')).statusCode).toBe(401);
      const text = lines.join('\n');
      expect(text).toContain('/api/invitations/[token]/accept');
      const secrets = [
        TEST_PASSWORD,
        'secret-sauce-123',
        'wrong-guess-xyz',
        token,
        staff.csrfToken ?? 'none',
        staff.sessionToken() ?? 'none',
      ];
      for (const secret of secrets) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/tandem_session=/);
    } finally {
      await app.close();
    }
  });
});

describe('the server process', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-proc-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates on start, serves, and exits cleanly on SIGTERM', async () => {
    const server = await startAppProcess({ dataDir });
    const res = await fetch(`${server.url}/api/ready`);
    expect(await res.json()).toEqual({ status: 'ready', database: 'sqlite' });
    await server.stop();
    expect(server.output()).toContain('shutting down');
    expect(server.output()).not.toMatch(/SIGKILL|unhandled/i);
  });
});
